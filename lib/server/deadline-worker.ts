import fs from 'node:fs'
import type { Worker } from 'node:worker_threads'

/**
 * Work handed to a worker thread, one request at a time, each within a deadline: past it the
 * worker is ended (a synchronous parse cannot be interrupted any other way) and a new one takes
 * the next request. A worker that runs out of its heap (`resourceLimits`) ends the same way.
 * The worker posts `{ ready: true }` once loaded, then answers `{ id, ok: true, … }` or
 * `{ id, ok: false, message }` to each `{ id, … }` it is sent; loading does not count against
 * the deadline.
 */

export type WorkerOutcome<Reply> =
  | { kind: 'done'; reply: Reply }
  /** The work threw (`message` is the worker's). */
  | { kind: 'failed'; message: string; detail?: Record<string, unknown> }
  | { kind: 'over-budget'; reason: 'time' | 'memory' }

type Message = { ready: true; tid?: number } | ({ id: number; ok: boolean; message?: string } & Record<string, unknown>)

/**
 * How often a running request's CPU time is read, and how far wall-clock time may exceed the
 * budget: a request always ends within `budget × WALL_CLOCK_FACTOR`, however busy the machine.
 */
const CHECK_EVERY_MS = 100
export const WALL_CLOCK_FACTOR = 3

/**
 * CPU time (ms) an OS thread of this process has used, from `/proc` (Linux; clock ticks of
 * 10 ms), or undefined where that cannot be read. The budget is CPU time, not wall-clock time:
 * the worker runs at the lowest priority, so on a busy machine an ordinary abstract may wait
 * seconds for a core without costing more, and must not be refused for that.
 */
function threadCpuMs(tid: number): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ')
    const user = Number(fields?.[11])
    const system = Number(fields?.[12])
    return Number.isFinite(user) && Number.isFinite(system) ? (user + system) * 10 : undefined
  } catch {
    return undefined
  }
}

export type DeadlineWorker<Request, Reply> = (request: Request) => Promise<WorkerOutcome<Reply>>

function isOutOfMemory(error: Error): boolean {
  return 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY'
}

/**
 * `start` makes the worker (called again after one was ended); `budgetMs` is each request's
 * deadline; `read` takes what the worker sent besides `id` and `ok` for a `Reply`, or undefined
 * when it is not one (messages between threads carry no types).
 */
export function deadlineWorker<Request extends Record<string, unknown>, Reply>(
  start: () => Worker,
  budgetMs: number,
  read: (reply: Record<string, unknown>) => Reply | undefined,
): DeadlineWorker<Request, Reply> {
  type Running = {
    worker: Worker
    ready: Promise<void>
    nextId: number
    tid?: number
    pending?: { id: number; finish: (outcome: WorkerOutcome<Reply>) => void }
  }
  type Job = { request: Request; resolve: (outcome: WorkerOutcome<Reply>) => void }
  let current: Running | undefined
  const queue: Job[] = []
  let busy = false

  function launch(): Running {
    const worker = start()
    let markReady: () => void = () => {}
    let markFailed: (error: Error) => void = () => {}
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve
      markFailed = reject
    })
    const running: Running = { worker, nextId: 1, ready }
    // Rejected before anyone waits, it would count as unhandled: the waiter still sees it.
    running.ready.catch(() => {})
    let failure: Error | undefined
    worker.on('message', (message: Message) => {
      if ('ready' in message) {
        if (typeof message.tid === 'number') running.tid = message.tid
        return markReady()
      }
      if (message.id !== running.pending?.id) return
      const { id: _id, ok, message: text, ...rest } = message
      const reply = ok ? read(rest) : undefined
      if (reply !== undefined) running.pending.finish({ kind: 'done', reply })
      else
        running.pending.finish({
          kind: 'failed',
          message: ok ? 'the worker sent an unexpected reply' : String(text),
          detail: rest,
        })
    })
    worker.on('error', (error) => {
      failure = error
    })
    worker.on('exit', () => {
      if (current === running) current = undefined
      const error = failure ?? new Error('the worker stopped')
      markFailed(error)
      running.pending?.finish(
        isOutOfMemory(error) ? { kind: 'over-budget', reason: 'memory' } : { kind: 'failed', message: error.message },
      )
    })
    return running
  }

  async function run(request: Request): Promise<WorkerOutcome<Reply>> {
    const running = (current ??= launch())
    // Referenced only while it works, so an idle worker never keeps a process (a build, a test) alive.
    running.worker.ref()
    try {
      await running.ready
    } catch (error) {
      return {
        kind: 'failed',
        message: `the worker did not start: ${error instanceof Error ? error.message : String(error)}`,
      }
    }
    return new Promise<WorkerOutcome<Reply>>((resolve) => {
      const id = running.nextId++
      const started = Date.now()
      const cpuAtStart = running.tid === undefined ? undefined : threadCpuMs(running.tid)
      // CPU time past the budget, or (where it cannot be read, or the thread never gets a core)
      // wall-clock time past the budget times WALL_CLOCK_FACTOR.
      const overBudget = () => {
        const cpu = running.tid === undefined || cpuAtStart === undefined ? undefined : threadCpuMs(running.tid)
        const wall = Date.now() - started
        return cpu === undefined || cpuAtStart === undefined
          ? wall > budgetMs
          : cpu - cpuAtStart > budgetMs || wall > budgetMs * WALL_CLOCK_FACTOR
      }
      const timer = setInterval(
        () => {
          if (!overBudget()) return
          finish({ kind: 'over-budget', reason: 'time' })
          if (current === running) current = undefined
          void running.worker.terminate()
        },
        Math.min(CHECK_EVERY_MS, budgetMs),
      )
      function finish(outcome: WorkerOutcome<Reply>) {
        if (running.pending?.id !== id) return
        running.pending = undefined
        clearInterval(timer)
        running.worker.unref()
        resolve(outcome)
      }
      running.pending = { id, finish }
      running.worker.postMessage({ ...request, id })
    })
  }

  async function drain(): Promise<void> {
    if (busy) return
    busy = true
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        // Every caller gets an answer, even when a worker cannot be made at all.
        const outcome = await run(job.request).catch((error: unknown): WorkerOutcome<Reply> => ({
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }))
        job.resolve(outcome)
      }
    } finally {
      busy = false
    }
  }

  return (request) => {
    const outcome = new Promise<WorkerOutcome<Reply>>((resolve) => queue.push({ request, resolve }))
    void drain()
    return outcome
  }
}
