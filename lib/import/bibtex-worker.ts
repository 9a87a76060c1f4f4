import { parentPort } from 'node:worker_threads'
import { backgroundThread } from '../server/worker-thread.mjs'
import { parseBibtexImport } from './bibtex/parse'

// The worker side of `readBibtexPaste` (lib/import/read-paste.ts); Turbopack bundles it as an
// entry of its own from the `new Worker(new URL(…))` there.
const port = parentPort
if (port) {
  port.on('message', ({ id, text }: { id: number; text: string }) => {
    try {
      port.postMessage({ id, ok: true, ...parseBibtexImport(text) })
    } catch (error) {
      port.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) })
    }
  })
  // A large paste never slows the thread that answers visitors.
  port.postMessage({ ready: true, tid: backgroundThread() })
}
