import path from 'node:path'
import { Worker } from 'node:worker_threads'

/**
 * Checks and renders publication bodies off the main thread, in bounded time and memory. The MDX
 * parser's cost grows faster than the text on some inputs (40 kB of `>` took 10 s, 200 kB took
 * minutes and 2 GB): on the main thread that stopped every request. Here a body gets a worker
 * thread for at most `BODY_BUDGET_MS` and `BODY_MEMORY_MB`; past either the worker is ended (a
 * synchronous parse cannot be interrupted any other way) and a new one takes the next body.
 *
 * The worker is a plain module loaded at run time (`scripts/body-worker.mjs`), not part of Next's
 * bundles, like the Contentlayer worker (lib/store/regenerate.ts).
 */

/** Wall-clock time one body may take to check and render; the slowest real abstracts take ~0.2 s. */
export const BODY_BUDGET_MS = 3_000
/** Heap one body may use while it is checked or rendered. */
export const BODY_MEMORY_MB = 256

export type BodyTask = 'check' | 'render' | 'checkAndRender'

export type BodyOutcome =
  /** `problem` when a check found a broken rule; `html` when the task rendered. */
  | { kind: 'done'; problem?: string; html?: string }
  /** The task threw: `syntax` when the body is not valid MDX, else e.g. nested too deeply to render. */
  | { kind: 'failed'; syntax: boolean; message: string }
  | { kind: 'over-budget'; reason: 'time' | 'memory' }

type Reply = { ready: true } | { id: number; ok: true; problem?: string; html?: string } | { id: number; ok: false; syntax: boolean; message: string }
type Running = { worker: Worker; ready: Promise<void>; nextId: number; pending?: { id: number; finish: (outcome: BodyOutcome) => void } }
type Job = { task: BodyTask; body: string; resolve: (outcome: BodyOutcome) => void }
type Lane = { running?: Running; queue: Job[]; busy: boolean }

/**
 * Public pages and the dashboard have a worker each, so a body the owner is trying out never
 * makes a visitor's page wait. Kept on globalThis: Next may load this module once per bundle.
 */
export type BodyLane = 'site' | 'admin'
const state = globalThis as { __bodyWorkers?: Map<BodyLane, Lane> }
const lanes = (state.__bodyWorkers ??= new Map())

function laneFor(name: BodyLane): Lane {
  let lane = lanes.get(name)
  if (!lane) lanes.set(name, (lane = { queue: [], busy: false }))
  return lane
}

function start(lane: Lane): Running {
  const script = path.join(/* turbopackIgnore: true */ process.cwd(), 'scripts', 'body-worker.mjs')
  const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: BODY_MEMORY_MB, maxYoungGenerationSizeMb: 32 } })
  let markReady: () => void = () => {}
  let markFailed: (error: Error) => void = () => {}
  const running: Running = {
    worker,
    nextId: 1,
    ready: new Promise<void>((resolve, reject) => {
      markReady = resolve
      markFailed = reject
    }),
  }
  // Only rejected when nobody waits yet is it unhandled: mark it handled, callers still see it.
  running.ready.catch(() => {})
  let failure: Error | undefined
  worker.on('message', (reply: Reply) => {
    if ('ready' in reply) return markReady()
    if (reply.id !== running.pending?.id) return
    running.pending.finish(reply.ok ? { kind: 'done', problem: reply.problem, html: reply.html } : { kind: 'failed', syntax: reply.syntax, message: reply.message })
  })
  worker.on('error', (error) => {
    failure = error
  })
  worker.on('exit', () => {
    if (lane.running === running) lane.running = undefined
    const error = failure ?? new Error('the body worker stopped')
    markFailed(error)
    const outOfMemory = 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY'
    running.pending?.finish(outOfMemory ? { kind: 'over-budget', reason: 'memory' } : { kind: 'failed', syntax: false, message: error.message })
  })
  return running
}

async function run(lane: Lane, job: Job): Promise<BodyOutcome> {
  const running = (lane.running ??= start(lane))
  // Referenced only while it works, so an idle worker never keeps a process (a build, a test) alive.
  running.worker.ref()
  try {
    await running.ready
  } catch (error) {
    return { kind: 'failed', syntax: false, message: `the body worker did not start: ${error instanceof Error ? error.message : String(error)}` }
  }
  return new Promise<BodyOutcome>((resolve) => {
    const id = running.nextId++
    const timer = setTimeout(() => {
      finish({ kind: 'over-budget', reason: 'time' })
      if (lane.running === running) lane.running = undefined
      void running.worker.terminate()
    }, BODY_BUDGET_MS)
    function finish(outcome: BodyOutcome) {
      if (running.pending?.id !== id) return
      running.pending = undefined
      clearTimeout(timer)
      running.worker.unref()
      resolve(outcome)
    }
    running.pending = { id, finish }
    running.worker.postMessage({ id, task: job.task, body: job.body })
  })
}

async function drain(lane: Lane): Promise<void> {
  if (lane.busy) return
  lane.busy = true
  try {
    for (let job = lane.queue.shift(); job; job = lane.queue.shift()) job.resolve(await run(lane, job))
  } finally {
    lane.busy = false
  }
}

/** Runs one task on a body in the lane's worker, one body at a time, each within the budget. */
export function runBodyTask(lane: BodyLane, task: BodyTask, body: string): Promise<BodyOutcome> {
  const chosen = laneFor(lane)
  const outcome = new Promise<BodyOutcome>((resolve) => chosen.queue.push({ task, body, resolve }))
  void drain(chosen)
  return outcome
}
