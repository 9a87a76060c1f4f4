// A long-lived Contentlayer for the running server: the store asks it to regenerate in the
// background after saves, and the server's start once. Kept loaded (config compiled once, cache
// warm). Started by lib/store/regenerate.ts with an IPC channel.
import os from 'node:os'
import { createBuilder } from './contentlayer-build.mjs'

// Background work: a lower CPU priority than the server answering visitors (set on this, the main
// thread; threads it starts later inherit it).
try {
  os.setPriority(10)
} catch {
  // not permitted here
}

const { build } = createBuilder('contentlayer-worker')

// One build at a time, in the order asked: two at once could finish out of order and leave the
// output of the older one.
let queue = Promise.resolve()
process.on('message', (message) => {
  if (!message || message.type !== 'build') return
  queue = queue.then(async () => {
    const started = performance.now()
    try {
      const documents = await build()
      process.send({ id: message.id, ok: true, documents, ms: Math.round(performance.now() - started) })
    } catch (error) {
      process.send({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) })
    }
  })
})
process.on('disconnect', () => process.exit(0))
process.send({ type: 'ready' })
