// A worker thread that checks and renders publication bodies (lib/markup/mdx-body.mjs) for the server,
// Contentlayer and the tests. Started by lib/markup/body-worker.ts, which gives it a deadline and a
// memory limit per body and ends it when a body takes more: the parser's cost grows faster
// than the text on some inputs, and here that costs this thread, never the server's.
import { parentPort } from 'node:worker_threads'
import { BodySyntaxError, checkAndRenderBody, checkBody, renderBody } from '../lib/markup/mdx-body.mjs'
import { backgroundThread } from '../lib/server/worker-thread.mjs'

/** @typedef {{ problem?: string; html?: string }} Reply */

/** @type {Record<import('../lib/markup/body-worker').BodyTask, (body: string) => Reply>} */
const tasks = {
  check: (body) => ({ problem: checkBody(body) }),
  render: (body) => ({ html: renderBody(body) }),
  checkAndRender: checkAndRenderBody,
}

const port = parentPort
if (!port) throw new Error('scripts/body-worker.mjs runs as a worker thread (lib/markup/body-worker.ts starts it)')

port.on('message', (/** @type {{ id: number; task: keyof typeof tasks; body: string }} */ { id, task, body }) => {
  try {
    port.postMessage({ id, ok: true, ...tasks[task](body) })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    port.postMessage({ id, ok: false, syntax: error instanceof BodySyntaxError, message })
  }
})
// When a costly body keeps this thread busy, the thread answering visitors still gets its core.
port.postMessage({ ready: true, tid: backgroundThread() })
