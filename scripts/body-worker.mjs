// A worker thread that checks and renders publication bodies (lib/markup/mdx-body.mjs) for the server,
// Contentlayer and the tests. Started by lib/markup/body-worker.ts, which gives it a deadline and a
// memory limit per body and ends it when a body takes more: the parser's cost grows faster
// than the text on some inputs, and here that costs this thread, never the server's.
import { parentPort } from 'node:worker_threads'
import { BodySyntaxError, checkAndRenderBody, checkBody, renderBody } from '../lib/markup/mdx-body.mjs'
import { backgroundThread } from '../lib/server/worker-thread.mjs'

const tasks = {
  check: (body) => ({ problem: checkBody(body) }),
  render: (body) => ({ html: renderBody(body) }),
  checkAndRender: checkAndRenderBody,
}

parentPort.on('message', ({ id, task, body }) => {
  try {
    parentPort.postMessage({ id, ok: true, ...tasks[task](body) })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    parentPort.postMessage({ id, ok: false, syntax: error instanceof BodySyntaxError, message })
  }
})
// When a costly body keeps this thread busy, the thread answering visitors still gets its core.
parentPort.postMessage({ ready: true, tid: backgroundThread() })
