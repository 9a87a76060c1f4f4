// A long-lived Contentlayer for the running server: lib/content/live/regenerate.ts starts it with
// an IPC channel and asks it to regenerate, at a start and in the background after saves. Kept
// loaded (config compiled once, cache warm).
import os from 'node:os'
import { createBuilder } from './runner.mjs'

/** @typedef {{ type: 'build', id: number }} Request */
/** @typedef {{ type: 'ready' } | { id: number, ok: true, documents: number, ms: number } | { id: number, ok: false, error: string }} Reply */

// Background work: a lower CPU priority than the server answering visitors (set on this, the main
// thread; threads it starts later inherit it).
try {
  os.setPriority(10)
} catch {
  // not permitted here
}

/** @param {Reply} reply */
function answer(reply) {
  process.send?.(reply)
}

const { build } = createBuilder('contentlayer-worker')

// One build at a time, in the order asked: two at once could finish out of order and leave the
// output of the older one.
let queue = Promise.resolve()
process.on('message', (/** @type {Request | undefined} */ message) => {
  if (!message || message.type !== 'build') return
  queue = queue.then(async () => {
    const started = performance.now()
    try {
      const documents = await build()
      answer({ id: message.id, ok: true, documents, ms: Math.round(performance.now() - started) })
    } catch (error) {
      answer({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) })
    }
  })
})
process.on('disconnect', () => process.exit(0))
answer({ type: 'ready' })
