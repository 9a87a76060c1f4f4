import 'server-only'
import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { childEnv, env } from '../../env.mjs'
import type { Reply } from '../contentlayer/worker.mjs'
import { latestChange, settleChanges } from './overlay'

type Answer = Exclude<Reply, { type: 'ready' }>
type Waiter = { resolve: (reply: Answer) => void }

// Regeneration runs after saves have answered, so this only catches a wedged worker.
const BUILD_TIMEOUT_MS = 5 * 60_000
const RETRY_MS = 30_000

type Worker = { child: ChildProcess; ready: Promise<void>; waiters: Map<number, Waiter>; nextId: number }

// One worker per server process, kept on globalThis because Next may load this module more than
// once (one copy per route bundle).
const state = globalThis as {
  __contentlayerWorker?: Worker
  __regeneration?: { running: boolean; again: boolean; retry?: NodeJS.Timeout }
  __regenerationFailure?: RegenerationFailure
}

/** The last regeneration that failed, until one succeeds: the dashboard shows it. */
export type RegenerationFailure = { at: Date; message: string }

export function lastRegenerationFailure(): RegenerationFailure | undefined {
  return state.__regenerationFailure
}

function startWorker(): Worker {
  const script = path.join(/* turbopackIgnore: true */ process.cwd(), 'lib', 'content', 'contentlayer', 'worker.mjs')
  const child = fork(script, [], {
    cwd: process.cwd(),
    env: childEnv({ NODE_ENV: 'production', CONTENT_DIR: env.contentDir }),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const worker: Worker = {
    child,
    waiters: new Map(),
    nextId: 1,
    ready: new Promise((resolve, reject) => {
      child.once('message', () => resolve())
      child.once('exit', (code) => reject(new Error(`Contentlayer worker exited with code ${code}`)))
    }),
  }
  child.on('message', (message: Reply) => {
    if (!('id' in message)) return
    worker.waiters.get(message.id)?.resolve(message)
    worker.waiters.delete(message.id)
  })
  child.on('exit', (code) => {
    if (state.__contentlayerWorker === worker) delete state.__contentlayerWorker
    for (const waiter of worker.waiters.values())
      waiter.resolve({ id: 0, ok: false, error: `Contentlayer worker exited with code ${code}` })
    worker.waiters.clear()
  })
  // The worker must not keep the server alive on shutdown.
  child.unref()
  child.channel?.unref()
  return worker
}

/**
 * Re-runs Contentlayer on the content folder and resolves once `.contentlayer/generated` is
 * rewritten; the content module picks the new data up on its next read. A failure is kept
 * (`lastRegenerationFailure`) until a run succeeds: otherwise only the server's log would know
 * that the site serves older content.
 */
export async function regenerateContent(): Promise<{ documents: number; ms: number }> {
  try {
    const result = await buildInWorker()
    delete state.__regenerationFailure
    return result
  } catch (error) {
    state.__regenerationFailure = { at: new Date(), message: readable(error) }
    throw error
  }
}

/**
 * Contentlayer names what it refused (the file and the field) in the log, then fails with a bare
 * tag (`SourceFetchDataError: { "_tag": "HandledFetchDataError" }`): say that instead.
 */
function readable(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.includes('HandledFetchDataError')
    ? 'Contentlayer refused a file (the server’s log names it and the field)'
    : message
}

async function buildInWorker(): Promise<{ documents: number; ms: number }> {
  state.__contentlayerWorker ??= startWorker()
  const worker = state.__contentlayerWorker
  await worker.ready
  const id = worker.nextId++
  const reply = await new Promise<Answer>((resolve) => {
    worker.waiters.set(id, { resolve })
    worker.child.send({ type: 'build', id })
    // A wedged worker must not hold saves forever: kill it (the next save starts a new one).
    setTimeout(() => {
      if (!worker.waiters.has(id)) return
      worker.child.kill('SIGKILL')
      resolve({ id, ok: false, error: `no answer after ${BUILD_TIMEOUT_MS / 1000} s` })
    }, BUILD_TIMEOUT_MS).unref()
  })
  if (!reply.ok) throw new Error(`Contentlayer could not rebuild the content: ${reply.error}`)
  return { documents: reply.documents, ms: reply.ms }
}

/**
 * Regenerates `.contentlayer/` after saves, in the background: the site already shows each save
 * (`publishChanges` in ./overlay.ts), so this only brings Contentlayer's output, which a restart
 * reads, up to date. Saves that come in while it runs are taken in by one more run after it.
 */
export function regenerateInBackground(): void {
  const regeneration = (state.__regeneration ??= { running: false, again: false })
  if (regeneration.running) {
    regeneration.again = true
    return
  }
  regeneration.running = true
  clearTimeout(regeneration.retry)
  void (async () => {
    try {
      do {
        regeneration.again = false
        const upTo = latestChange()
        try {
          await regenerateContent()
          settleChanges(upTo)
        } catch (error) {
          // The saves stay shown from memory; try again later (and on the next save).
          console.error('Contentlayer could not regenerate the content; retrying in 30 s:', error)
          regeneration.retry = setTimeout(regenerateInBackground, RETRY_MS)
          regeneration.retry.unref()
          return
        }
      } while (regeneration.again)
    } finally {
      regeneration.running = false
    }
  })()
}
