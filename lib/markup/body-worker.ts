import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { deadlineWorker, type DeadlineWorker } from '../server/deadline-worker'

/**
 * Checks and renders publication bodies off the main thread, in bounded time and memory. The MDX
 * parser's cost grows faster than the text on some inputs (40 kB of `>` took 10 s, 200 kB took
 * minutes and 2 GB): on the main thread that stopped every request. Here a body gets a worker
 * thread for at most `BODY_BUDGET_MS` and `BODY_MEMORY_MB`.
 *
 * The worker is a plain module loaded at run time (`scripts/body-worker.mjs`), not part of Next's
 * bundles, like the Contentlayer worker (lib/store/regenerate.ts): Contentlayer and the unit tests
 * use it too, outside Next.
 */

/** CPU time one body may take to check and render (lib/server/deadline-worker.ts); a long real abstract takes ~50 ms. */
export const BODY_BUDGET_MS = 3_000
/** Heap one body may use while it is checked or rendered. */
export const BODY_MEMORY_MB = 256

export type BodyTask = 'check' | 'render' | 'checkAndRender'

export type BodyOutcome =
  /** `problem` when a check found a broken rule; `html` when the task rendered. */
  | { kind: 'done'; problem?: string; html?: string }
  /**
   * The task threw (`syntax` when the body is not valid MDX, else e.g. nested too deeply to
   * render), or, `transient`, the worker itself failed (did not start, stopped): asking again may
   * succeed, so that answer says nothing about the body.
   */
  | { kind: 'failed'; syntax: boolean; transient: boolean; message: string }
  | { kind: 'over-budget'; reason: 'time' | 'memory' }

type Reply = { problem?: string; html?: string }

const readReply = (reply: Record<string, unknown>): Reply => ({
  ...(typeof reply.problem === 'string' ? { problem: reply.problem } : {}),
  ...(typeof reply.html === 'string' ? { html: reply.html } : {}),
})

function startWorker(): Worker {
  const script = path.join(/* turbopackIgnore: true */ process.cwd(), 'scripts', 'body-worker.mjs')
  return new Worker(script, {
    resourceLimits: { maxOldGenerationSizeMb: BODY_MEMORY_MB, maxYoungGenerationSizeMb: 32 },
  })
}

/**
 * Public pages and the dashboard have a worker each, so a body the owner is trying out never
 * makes a visitor's page wait. Kept on globalThis: Next may load this module once per bundle.
 */
export type BodyLane = 'site' | 'admin'
type Run = DeadlineWorker<{ task: BodyTask; body: string }, Reply>
const state = globalThis as { __bodyWorkers?: Map<BodyLane, Run> }
const lanes = (state.__bodyWorkers ??= new Map())

/** Runs one task on a body in the lane's worker, one body at a time, each within the budget. */
export async function runBodyTask(lane: BodyLane, task: BodyTask, body: string): Promise<BodyOutcome> {
  let run = lanes.get(lane)
  if (!run) lanes.set(lane, (run = deadlineWorker(startWorker, BODY_BUDGET_MS, readReply)))
  const outcome = await run({ task, body })
  if (outcome.kind === 'done') return { kind: 'done', ...outcome.reply }
  if (outcome.kind === 'failed')
    return {
      kind: 'failed',
      syntax: outcome.detail?.syntax === true,
      transient: outcome.detail === undefined,
      message: outcome.message,
    }
  return outcome
}
