#!/usr/bin/env node
// `npm start`: the production server. Next.js's own request handler behind a thin layer that
// gives each HTML page a Content-Security-Policy with the hashes of its inline scripts and
// compresses responses (scripts/response-policy.mjs). Takes the options of `next start` it needs:
// `-p/--port` (default: PORT, else 3000), `-H/--hostname` (default: every interface) and
// `--keepAliveTimeout`. NEXT_DIST_DIR and the rest of the environment work as with `next start`.
// What a start does for the content (regenerating it before the first answer) is Next's
// instrumentation hook, `instrumentation.ts`, the same under `next start` and `next dev`.
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { env, prepareServerProcess, serverEnv } from '../lib/env.mjs'
import { assumedOrigin, originOfRequest } from '../lib/server/origin.mjs'

const projectRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

const { values } = parseArgs({
  options: {
    port: { type: 'string', short: 'p' },
    hostname: { type: 'string', short: 'H' },
    keepAliveTimeout: { type: 'string' },
  },
})

/**
 * @param {unknown} error
 * @returns {never}
 */
function fail(error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}

/**
 * @param {string} name
 * @param {string} raw
 * @param {{ min: number, max: number }} range
 */
function whole(name, raw, { min, max }) {
  const value = Number(raw)
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max)
    fail(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}`)
  return value
}

/** @type {ReturnType<typeof serverEnv>} */
let settings
try {
  settings = serverEnv()
} catch (error) {
  fail(error)
}
const port = values.port === undefined ? settings.PORT : whole('The port', values.port, { min: 0, max: 65535 })
const hostname = values.hostname
const keepAliveTimeout =
  values.keepAliveTimeout === undefined
    ? undefined
    : whole('--keepAliveTimeout', values.keepAliveTimeout, { min: 1, max: 2 ** 31 - 1 })

const { compileTrust, refusal, settleForwarding, settlePaperAddress } = await import('./request-guard.mjs')
/** @type {ReturnType<typeof compileTrust>} */
let trust
try {
  trust = compileTrust(settings.TRUST_PROXY)
} catch (error) {
  fail(error)
}

prepareServerProcess()
const { default: next } = await import('next')
const { withResponsePolicy } = await import('./response-policy.mjs')

const server = http.createServer()
if (keepAliveTimeout) server.keepAliveTimeout = keepAliveTimeout
const app = next({ dev: false, dir: projectRoot, hostname, port, httpServer: server })
await app.prepare()
const nextHandler = app.getRequestHandler()
// The not-found page, status 404, for a request whose page came out blank (see response-policy.mjs).
const notFound = /** @type {import('node:url').UrlWithParsedQuery} */ ({
  pathname: '/_not-found',
  path: '/_not-found',
  href: '/_not-found',
  search: null,
  query: {},
})
const configuredOrigin = env.configuredSiteUrl?.origin
/**
 * What the site's pages name as its origin (lib/server/origin.mjs): SITE_URL, else the origin
 * each request was sent to.
 * @param {import('node:http').IncomingMessage} req
 */
const originOf = (req) =>
  configuredOrigin ?? originOfRequest((name) => [req.headers[name]].flat()[0]) ?? assumedOrigin(listeningPort())
const handle = withResponsePolicy(nextHandler, {
  notFoundPage: (req, res) => nextHandler(req, res, notFound),
  originOf,
  strictTransport: env.configuredSiteUrl?.protocol === 'https:',
})

function listeningPort() {
  const address = server.address()
  return typeof address === 'object' && address ? address.port : port
}

server.on('request', (req, res) => {
  settleForwarding(req, trust)
  const refused = refusal(req)
  if (refused) {
    // The body is never read: close the connection after answering rather than drain it.
    res.writeHead(refused.status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' })
    res.end(`${refused.message}\n`)
    return
  }
  settlePaperAddress(req)
  Promise.resolve(handle(req, res)).catch((error) => {
    console.error(`Failed to handle request for ${req.url}`)
    console.error(error)
    if (!res.headersSent) {
      res.statusCode = 500
      res.end('Internal Server Error')
    } else res.destroy()
  })
})
server.on('error', (error) => {
  console.error('Failed to start server')
  console.error(error)
  process.exit(1)
})
server.listen(port, hostname, () => {
  const shown = hostname ?? 'localhost'
  console.log(`Ready on http://${shown.includes(':') ? `[${shown}]` : shown}:${listeningPort()}`)
  if (!configuredOrigin)
    console.log(
      'SITE_URL is not set: canonical links, feeds, the sitemap and social cards name the origin each ' +
        'request was sent to (its Host, or what a proxy in TRUST_PROXY forwarded). Set SITE_URL to the ' +
        'public origin in production.',
    )
})

// Stop taking connections, let the requests in flight finish (10 s at most), then close Next.js.
let stopping = false
/** @param {NodeJS.Signals} signal */
function stop(signal) {
  if (stopping) return
  stopping = true
  const force = setTimeout(() => server.closeAllConnections(), 10_000)
  force.unref()
  server.close(() => {
    void app.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
  })
  server.closeIdleConnections()
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => stop(signal))
