import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { deadlineWorker } from './deadline-worker'

// A worker that answers `{ n }` with `{ doubled }`, spins forever on `spin`, and fills its heap on `hog`.
const SCRIPT = `
const { parentPort } = require('node:worker_threads')
parentPort.on('message', ({ id, n, spin, hog, sleep }) => {
  if (spin) for (;;) {}
  // Waiting costs no CPU: a thread that gets no core on a busy machine looks the same.
  if (sleep) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, sleep)
  if (hog) { const kept = []; for (;;) kept.push(new Array(1e6).fill(Math.random())) }
  parentPort.postMessage({ id, ok: true, doubled: n * 2 })
})
const tid = process.platform === 'linux' ? Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').at(-1)) : undefined
parentPort.postMessage({ ready: true, tid })
`
const start = () =>
  new Worker(SCRIPT, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 } })
const read = (reply: Record<string, unknown>) =>
  typeof reply.doubled === 'number' ? { doubled: reply.doubled } : undefined

describe('deadlineWorker', () => {
  it('answers each request in turn', async () => {
    const run = deadlineWorker(start, 1_000, read)
    expect(await Promise.all([run({ n: 1 }), run({ n: 2 })])).toEqual([
      { kind: 'done', reply: { doubled: 2 } },
      { kind: 'done', reply: { doubled: 4 } },
    ])
  })

  it('ends a request past its deadline, and a new worker answers the next one', async () => {
    const run = deadlineWorker(start, 300, read)
    const started = performance.now()
    const [spun, next] = await Promise.all([run({ spin: true }), run({ n: 5 })])
    expect(spun).toEqual({ kind: 'over-budget', reason: 'time' })
    expect(next).toEqual({ kind: 'done', reply: { doubled: 10 } })
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('ends a request that fills its heap, and a new worker answers the next one', async () => {
    const run = deadlineWorker(start, 20_000, read)
    expect(await run({ hog: true })).toEqual({ kind: 'over-budget', reason: 'memory' })
    expect(await run({ n: 1 })).toEqual({ kind: 'done', reply: { doubled: 2 } })
  })

  it('answers, rather than leaving the caller waiting, when no worker can be made', async () => {
    const broken = deadlineWorker(() => new Worker('throw new Error("cannot load")', { eval: true }), 1_000, read)
    expect(await broken({ n: 1 })).toMatchObject({ kind: 'failed', message: expect.stringMatching(/cannot load/) })
    const impossible = deadlineWorker(
      () => {
        throw new Error('no threads here')
      },
      1_000,
      read,
    )
    expect(await impossible({ n: 1 })).toEqual({ kind: 'failed', message: 'no threads here' })
  })

  it.runIf(process.platform === 'linux')(
    'counts the CPU time a request uses, not the time it waits for a core',
    async () => {
      const run = deadlineWorker(start, 300, read)
      expect(await run({ sleep: 600, n: 3 }), 'twice the budget spent waiting').toEqual({
        kind: 'done',
        reply: { doubled: 6 },
      })
      const started = performance.now()
      expect(await run({ spin: true }), 'the budget spent computing').toEqual({ kind: 'over-budget', reason: 'time' })
      expect(performance.now() - started).toBeLessThan(2_000)
    },
  )
})
