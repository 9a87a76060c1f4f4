import os from 'node:os'
import { parentPort } from 'node:worker_threads'
import { parseBibtexImport } from './bibtex-import'

// The worker side of `readBibtexPaste` (lib/import/read-paste.ts); Turbopack bundles it as an
// entry of its own from the `new Worker(new URL(…))` there.
const port = parentPort
if (port) {
  // The lowest CPU priority, for this thread only (Linux keeps a nice value per thread), so a
  // large paste never slows the thread that answers visitors.
  try {
    os.setPriority(19)
  } catch {
    // not permitted here: the deadline still bounds the work
  }
  port.on('message', ({ id, text }: { id: number; text: string }) => {
    try {
      port.postMessage({ id, ok: true, ...parseBibtexImport(text) })
    } catch (error) {
      port.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) })
    }
  })
  port.postMessage({ ready: true })
}
