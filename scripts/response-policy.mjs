// What the production server (scripts/server.mjs) does to each response Next.js writes:
// - An HTML page is held until it is complete, then sent with a Content-Security-Policy that
//   lists the hashes of its allowed inline scripts (lib/server/page-policy.mjs); headers cannot
//   follow a body. A page seen before under the same ETag and bytes is not read again
//   (lib/server/page-cache.mjs).
// - Other text (scripts, styles, RSC payloads, JSON) streams through a compressor; the rest
//   streams through untouched (lib/server/compression.mjs).
// - A public page loads its scripts after its first paint (lib/server/late-scripts.mjs).
// - A 404 page without a main landmark is rendered again as the site's not-found page (see
//   `notFoundPage` below).
// - Text and redirects name the site's origin (SITE_URL, else the one the request was sent to)
//   in place of the placeholder Next.js renders them with (lib/server/origin.mjs).
// This file only routes what Next.js writes (`writeHead`, `write`, `end`, `flushHeaders`) to one
// of those, once the status and headers tell which.
import {
  compress,
  compressor,
  isCompressible,
  markCompressed,
  MIN_COMPRESS_BYTES,
  negotiateEncoding,
  varyOnEncoding,
} from '../lib/server/compression.mjs'
import { contentSecurityPolicy } from '../lib/server/csp.mjs'
import { PageCache } from '../lib/server/page-cache.mjs'
import { loadScriptsLate } from '../lib/server/late-scripts.mjs'
import { pagePolicy } from '../lib/server/page-policy.mjs'
import { isDashboardPath } from '../lib/domain/routes.mjs'
import { flightRewriter, ORIGIN_PLACEHOLDER, originRewriter, rewritePage } from '../lib/server/origin.mjs'

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse & { flush?: () => void }} Response */
/** @typedef {import('node:http').OutgoingHttpHeaders | import('node:http').OutgoingHttpHeader[]} HeadersArgument */
/** @typedef {(error?: Error | null) => void} WriteCallback */
/** @typedef {(req: IncomingMessage, res: Response) => Promise<void>} Render */
/** @typedef {(req: IncomingMessage) => string} OriginOf the origin a request was sent to */
/** @typedef {{ cache: PageCache, policyOf: (url: string | undefined, html: string) => string, notFoundPage?: Render, originOf?: OriginOf, strictTransport: boolean }} Shared */
/** @typedef {string | Uint8Array | null | undefined} Chunk what Next.js writes */

/**
 * Wraps a request handler (Next.js's) so every response it writes goes through the policy above.
 * `log` receives a line for each page holding an inline script the policy refuses.
 *
 * `notFoundPage` renders the site's not-found page into a response (Next.js's handler, pointed
 * at it). It is called for a 404 page that came out without its body: Next.js 16 puts the
 * not-found UI of `notFound()` in a page with `dynamicParams` (an unknown paper) only in the
 * React data, so without JavaScript the page is blank (vercel/next.js#95613). The status stays
 * 404.
 *
 * `originOf` is the site's origin for a request (SITE_URL, or the origin the request was sent to):
 * it replaces the placeholder pages are rendered with in text responses and redirects.
 * `strictTransport` (SITE_URL is https) adds Strict-Transport-Security to every response.
 * @template R
 * @param {(req: IncomingMessage, res: Response) => R} handler
 * @param {{ log?: (line: string) => void, notFoundPage?: Render, originOf?: OriginOf, strictTransport?: boolean }} [options]
 * @returns {(req: IncomingMessage, res: Response) => R}
 */
export function withResponsePolicy(
  handler,
  { log = (line) => console.warn(line), notFoundPage, originOf, strictTransport = false } = {},
) {
  /** @type {Shared} */
  const shared = { cache: new PageCache(), policyOf: pagePolicy(log), notFoundPage, originOf, strictTransport }
  return (req, res) => {
    intercept(req, res, shared)
    return handler(req, res)
  }
}

/**
 * The dashboard's pages load their scripts as Next.js wrote them; public pages after the first
 * paint (lib/server/late-scripts.mjs).
 * @param {string | undefined} url
 */
const isAdminUrl = (url = '/') => isDashboardPath(url.split('?', 1)[0] ?? url)

/** Every page of the site has one; the blank 404 page has none. */
const MAIN_LANDMARK = /<main[\s>]/
/** Headers Next.js gives a prerendered page, which the blank 404 page comes as. */
const PRERENDER_HEADERS = /^(etag|cache-control|vary|content-length|x-nextjs-.*)$/
/** Text a response may hold the origin placeholder in (Next.js's own scripts and styles never do). */
const TEXT_TYPES = /^(?:text\/|application\/(?:json|xml|x-bibtex|x-research-info-systems|[\w.-]+\+(?:json|xml)))/i
const STATIC_FILES = /^\/_next\/static\//
/** Headers that may hold an absolute URL of the site. */
const URL_HEADERS = ['location', 'content-location', 'link']
const STRICT_TRANSPORT = 'max-age=63072000; includeSubDomains'
/** What Next.js sends with its not-found page. */
const NOT_FOUND_CACHE_CONTROL = 'private, no-cache, no-store, max-age=0, must-revalidate'

/**
 * @param {Chunk} chunk
 * @param {BufferEncoding | undefined} encoding
 */
function chunkBuffer(chunk, encoding) {
  if (chunk === undefined || chunk === null) return undefined
  return typeof chunk === 'string'
    ? Buffer.from(chunk, encoding ?? 'utf8')
    : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
}

/**
 * @param {IncomingMessage} req
 * @param {Response} res
 * @param {Shared} shared
 */
function intercept(req, res, { cache, policyOf, notFoundPage, originOf, strictTransport }) {
  if (strictTransport) res.setHeader('Strict-Transport-Security', STRICT_TRANSPORT)
  const original = {
    writeHead: res.writeHead,
    write: res.write,
    end: res.end,
    flushHeaders: res.flushHeaders,
  }
  // Node's own methods, for the bytes this file sends itself.
  const send = { write: original.write.bind(res), end: original.end.bind(res) }
  const isHead = req.method === 'HEAD'
  /** The address asked for (Next.js may rewrite `req.url` while it renders). */
  const requested = req.url
  /** @type {undefined | 'html' | 'compress' | 'rewrite' | 'pass'} undefined until the first byte, end or header flush */
  let mode
  /** @type {import('node:zlib').BrotliCompress | import('node:zlib').Gzip | undefined} */
  let stream
  /** @type {Buffer[]} */
  const chunks = []
  let ended = false
  /** Set until the response has been rendered again as the not-found page: once at most. */
  let renderAgain = notFoundPage
  /** The origin the placeholder becomes in this response's text, when there is one to replace. */
  const origin = originOf && !STATIC_FILES.test(requested ?? '') ? originOf(req) : undefined
  /** Set once the body is known to be text that may name the site (see `decide`). */
  /** @type {ReturnType<typeof originRewriter> | undefined} */
  let rewriter

  function restore() {
    res.writeHead = original.writeHead
    res.write = original.write
    res.end = original.end
    res.flushHeaders = original.flushHeaders
    delete res.flush
  }

  /**
   * The placeholder replaced in the headers that may name the site (a redirect's Location).
   * @param {string} to
   */
  function rewriteHeaders(to) {
    for (const name of URL_HEADERS) {
      const value = res.getHeader(name)
      if (typeof value === 'string' && value.includes(ORIGIN_PLACEHOLDER))
        res.setHeader(name, value.replaceAll(ORIGIN_PLACEHOLDER, to))
    }
  }

  /** Chooses how to send the response, from its status and headers as they are now. */
  function decide() {
    if (mode) return
    const status = res.statusCode
    const bodiless = status === 204 || status === 304 || (status >= 100 && status < 200)
    if (status === 304) {
      // A 304 updates the headers the browser stored with the page; a policy without the
      // page's hashes would replace the stored one.
      res.removeHeader('content-security-policy')
    }
    if (origin) rewriteHeaders(origin)
    const type = String(res.getHeader('content-type') ?? '')
    if (!bodiless && /^text\/html/i.test(type)) {
      mode = 'html'
      return
    }
    // Judged on Next.js's length, before the rewriter takes it away.
    const compressible = !bodiless && isCompressible(res)
    if (origin && !bodiless && TEXT_TYPES.test(type)) {
      rewriter = /^text\/x-component/i.test(type) ? flightRewriter(origin) : originRewriter(origin)
      // The length changes with the origin's, and the bytes are no longer those the ETag names.
      res.removeHeader('content-length')
      const etag = res.getHeader('etag')
      if (typeof etag === 'string' && !etag.startsWith('W/')) res.setHeader('ETag', `W/${etag}`)
    }
    const accepted = negotiateEncoding(req.headers['accept-encoding'])
    if (compressible) varyOnEncoding(res)
    if (!compressible || !accepted || isHead) {
      mode = 'pass'
      if (compressible && accepted && isHead) markCompressed(res, accepted)
      if (rewriter && !isHead) {
        // Written through the rewriter, uncompressed.
        mode = 'rewrite'
        res.writeHead = original.writeHead
        return
      }
      restore()
      return
    }
    mode = 'compress'
    // The headers are settled: Node's own write sends them with the first compressed bytes.
    res.writeHead = original.writeHead
    markCompressed(res, accepted)
    const zipped = compressor(accepted)
    stream = zipped
    zipped.on('data', (data) => {
      if (send.write(data) === false) zipped.pause()
    })
    zipped.on('end', () => send.end())
    zipped.on('drain', () => res.emit('drain'))
    zipped.on('error', (error) => res.destroy(error))
    res.on('drain', () => zipped.resume())
    // A client that leaves mid-response must not leave the zlib stream behind.
    res.once('close', () => {
      if (!zipped.writableFinished) zipped.destroy()
    })
    res.flush = () => zipped.flush()
  }

  /**
   * Records the status and headers; they are sent once `decide` has chosen how.
   * @param {number} statusCode
   * @param {string | HeadersArgument} [reason]
   * @param {HeadersArgument} [headers]
   */
  res.writeHead = function writeHead(statusCode, reason, headers) {
    if (typeof reason !== 'string') {
      headers = reason
      reason = undefined
    }
    res.statusCode = statusCode
    if (reason) res.statusMessage = reason
    if (Array.isArray(headers)) {
      // Either [[name, value], …] or [name, value, name, value, …].
      const flat = headers.flat()
      for (let index = 0; index + 1 < flat.length; index += 2) res.setHeader(String(flat[index]), flat[index + 1] ?? '')
    } else if (headers) {
      for (const [key, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(key, value)
    }
    return res
  }

  res.flushHeaders = function flushHeaders() {
    decide()
    if (mode === 'compress' || mode === 'rewrite') original.flushHeaders.call(res)
    if (mode === 'pass') res.flushHeaders()
  }

  /**
   * @param {Chunk} chunk
   * @param {BufferEncoding | WriteCallback} [chunkEncoding]
   * @param {WriteCallback} [callback]
   */
  res.write = function write(chunk, chunkEncoding, callback) {
    const encoding = typeof chunkEncoding === 'string' ? chunkEncoding : undefined
    const done = typeof chunkEncoding === 'function' ? chunkEncoding : callback
    decide()
    if (mode === 'pass') return encoding ? res.write(chunk, encoding, done) : res.write(chunk, done)
    if (rewriter) {
      const part = rewriter.next(chunkBuffer(chunk, encoding) ?? Buffer.alloc(0))
      if (stream) return stream.write(part, done)
      return send.write(part, done)
    }
    if (stream) return encoding ? stream.write(chunk, encoding, done) : stream.write(chunk, done)
    const buffer = chunkBuffer(chunk, encoding)
    if (buffer?.length) chunks.push(Buffer.from(buffer)) // a copy: the writer may reuse its buffer
    if (done) process.nextTick(done)
    return true
  }

  /**
   * @param {Chunk | (() => void)} [chunk]
   * @param {BufferEncoding | (() => void)} [chunkEncoding]
   * @param {() => void} [callback]
   */
  res.end = function end(chunk, chunkEncoding, callback) {
    const done = typeof chunk === 'function' ? chunk : typeof chunkEncoding === 'function' ? chunkEncoding : callback
    const body = typeof chunk === 'function' ? undefined : chunk
    const encoding = typeof chunkEncoding === 'string' ? chunkEncoding : undefined
    if (ended) return res
    decide()
    if (mode === 'pass') {
      if (body === undefined || body === null) return res.end(done)
      return encoding ? res.end(body, encoding, done) : res.end(body, done)
    }
    ended = true
    if (done) res.once('finish', done)
    if (rewriter) {
      const last = Buffer.concat([rewriter.next(chunkBuffer(body, encoding) ?? Buffer.alloc(0)), rewriter.end()])
      if (stream) stream.end(last)
      else send.end(last)
      return res
    }
    if (stream) {
      if (body === undefined || body === null) stream.end()
      else if (encoding) stream.end(body, encoding)
      else stream.end(body)
      return res
    }
    const last = chunkBuffer(body, encoding)
    if (last?.length) chunks.push(last)
    void sendPage(Buffer.concat(chunks)).catch((error) => {
      console.error(error)
      res.destroy(error)
    })
    return res
  }

  /**
   * Sends a whole HTML page with its policy, compressed as the client accepts.
   * @param {Buffer} body
   */
  async function sendPage(body) {
    if (renderAgain && res.statusCode === 404 && (isHead || !MAIN_LANDMARK.test(body.toString('utf8')))) {
      // The blank page's caching headers (a year in shared caches): the not-found page sets its own.
      for (const name of res.getHeaderNames()) if (PRERENDER_HEADERS.test(name)) res.removeHeader(name)
      if (isHead) {
        // Nothing to render for a HEAD: the headers the not-found page would come with.
        res.setHeader('Cache-Control', NOT_FOUND_CACHE_CONTROL)
      } else {
        const render = renderAgain
        renderAgain = undefined
        chunks.length = 0
        ended = false
        mode = undefined
        await render(req, res)
        // Next.js points the request at the not-found page: the log names the address asked for.
        req.url = requested
        return
      }
    }
    restore()
    const etag = String(res.getHeader('etag') ?? '')
    // One page is sent with each origin it is asked on: kept apart by origin.
    const key = etag && origin ? `${etag} ${origin}` : etag
    varyOnEncoding(res)
    if (isHead) {
      // No body to read: the policy of the same page seen by a GET, if any, else one without hashes.
      // Next.js's length is that of its page, which the GET may send changed (scripts loaded late).
      res.removeHeader('content-length')
      res.setHeader('Content-Security-Policy', (key && cache.policyOf(key)) || contentSecurityPolicy([]))
      res.end()
      return
    }
    let page = key ? cache.get(key, body) : undefined
    if (!page) {
      const html = body.toString('utf8')
      const named = origin ? rewritePage(html, origin) : html
      const late = res.statusCode === 200 && !isAdminUrl(requested) ? loadScriptsLate(named) : named
      const sent = late === html ? body : Buffer.from(late)
      page = { body, sent, policy: policyOf(requested, late), encoded: {} }
      if (key) cache.add(key, page)
    }
    res.setHeader('Content-Security-Policy', page.policy)
    const accepted =
      page.sent.length >= MIN_COMPRESS_BYTES && !res.getHeader('content-encoding')
        ? negotiateEncoding(req.headers['accept-encoding'])
        : undefined
    let payload = page.sent
    if (accepted) {
      const kept = page.encoded[accepted]
      payload = kept ?? (await compress(accepted, page.sent))
      if (!kept && key) cache.addEncoded(key, page, accepted, payload)
      markCompressed(res, accepted)
    }
    if (res.destroyed) return
    res.setHeader('Content-Length', payload.length)
    res.end(payload)
  }
}
