// What the production server (scripts/server.mjs) does to each response Next.js writes:
// - An HTML page is held until it is complete, then sent with a Content-Security-Policy that
//   lists the hashes of its allowed inline scripts (lib/server/csp.mjs); headers cannot follow a body.
// - Everything else (scripts, styles, images, RSC payloads, JSON) streams through untouched.
// - Compression (brotli or gzip, as the client accepts) happens here rather than in Next.js
//   (`compress: false` in next.config.mjs), so the HTML is read before it is compressed.
// A prerendered page is the same bytes for every reader: its policy and compressed forms are
// kept (by ETag, checked against the bytes) so it is not scanned and compressed on every request.
import zlib from 'node:zlib'
import { contentSecurityPolicy, inlineScriptHashes } from '../lib/server/csp.mjs'

const COMPRESSIBLE =
  /^(?:text\/|application\/(?:javascript|json|xml|x-bibtex|x-research-info-systems|[\w.-]+\+(?:json|xml))|image\/svg\+xml)/i
const MIN_COMPRESS_BYTES = 1024
const BROTLI_QUALITY = 5 // near gzip's speed, smaller output; 11 (the default) is far too slow per request
const CACHE_BYTES = 64 * 1024 * 1024

/** The encoding to answer with, from Accept-Encoding: brotli, else gzip, else none. */
export function negotiateEncoding(header) {
  if (!header) return undefined
  const accepted = new Map()
  for (const part of String(header).split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((param) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined)
    accepted.set(coding.trim(), q === undefined ? 1 : Number(q))
  }
  const quality = (coding) => accepted.get(coding) ?? accepted.get('*') ?? 0
  if (quality('br') > 0) return 'br'
  if (quality('gzip') > 0) return 'gzip'
  return undefined
}

function encodeSync(encoding, buffer) {
  return encoding === 'br'
    ? zlib.brotliCompressSync(buffer, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
        },
      })
    : zlib.gzipSync(buffer)
}

function encode(encoding, buffer) {
  return new Promise((resolve, reject) => {
    const done = (error, result) => (error ? reject(error) : resolve(result))
    if (encoding === 'br')
      zlib.brotliCompress(
        buffer,
        {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
          },
        },
        done,
      )
    else zlib.gzip(buffer, done)
  })
}

function encoderStream(encoding) {
  return encoding === 'br'
    ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })
    : zlib.createGzip()
}

/** Pages already seen, by ETag: their bytes (to check), policy and compressed forms. */
class PageCache {
  entries = new Map()
  bytes = 0

  get(etag, body) {
    const entry = this.entries.get(etag)
    if (!entry || !entry.body.equals(body)) return undefined
    this.entries.delete(etag)
    this.entries.set(etag, entry) // most recently used last
    return entry
  }

  add(etag, entry) {
    const old = this.entries.get(etag)
    if (old) this.remove(etag, old)
    this.entries.set(etag, entry)
    this.bytes += entry.body.length
    while (this.bytes > CACHE_BYTES && this.entries.size > 1) {
      const [oldestKey, oldest] = this.entries.entries().next().value
      this.remove(oldestKey, oldest)
    }
  }

  addEncoded(entry, encoding, buffer) {
    entry.encoded[encoding] = buffer
    this.bytes += buffer.length
  }

  remove(key, entry) {
    this.entries.delete(key)
    this.bytes -= entry.body.length + Object.values(entry.encoded).reduce((sum, buffer) => sum + buffer.length, 0)
  }
}

function headerValue(value) {
  return Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value)
}

function addVary(res, field) {
  const vary = headerValue(res.getHeader('vary'))
  if (!vary.split(',').some((part) => part.trim().toLowerCase() === field.toLowerCase() || part.trim() === '*')) {
    res.setHeader('Vary', vary ? `${vary}, ${field}` : field)
  }
}

/** A strong ETag names one representation; the compressed one is another, so it becomes weak. */
function weakenETag(res) {
  const etag = res.getHeader('etag')
  if (typeof etag === 'string' && !etag.startsWith('W/')) res.setHeader('ETag', `W/${etag}`)
}

function chunkBuffer(chunk, encoding) {
  if (chunk === undefined || chunk === null) return undefined
  return typeof chunk === 'string'
    ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
    : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
}

/**
 * Wraps a request handler (Next.js's) so every response it writes goes through the policy above.
 * `log` receives a line for each page holding an inline script the policy refuses.
 */
export function withResponsePolicy(handler, { log = (line) => console.warn(line) } = {}) {
  const cache = new PageCache()
  const warned = new Set()
  return (req, res) => {
    applyPolicy(req, res, { cache, warnRefused })
    return handler(req, res)
  }

  function warnRefused(url, refused) {
    // Once per distinct script: a refused script on a popular page must not flood the log.
    for (const text of refused) {
      if (warned.has(text)) continue
      if (warned.size < 1000) warned.add(text)
      log(
        `Content-Security-Policy: an inline script on ${url} is not allowed and will not run: ${JSON.stringify(text)}`,
      )
    }
  }
}

function applyPolicy(req, res, { cache, warnRefused }) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders }
  const isHead = req.method === 'HEAD'
  /** undefined until the first byte, end or header flush; then 'html', 'compress' or 'pass'. */
  let mode
  let encoding
  let stream
  const chunks = []
  let ended = false

  function restore() {
    res.writeHead = original.writeHead
    res.write = original.write
    res.end = original.end
    res.flushHeaders = original.flushHeaders
    delete res.flush
  }

  /** Chooses how to send the response, from its status and headers as they are now. */
  function decide() {
    if (mode) return
    const status = res.statusCode
    const type = headerValue(res.getHeader('content-type')).toLowerCase()
    const bodiless = status === 204 || status === 304 || (status >= 100 && status < 200)
    if (status === 304) {
      // A 304 updates the headers the browser stored with the page; a policy without the
      // page's hashes would replace the stored one.
      res.removeHeader('content-security-policy')
    }
    if (type.startsWith('text/html') && !bodiless) {
      mode = 'html'
      return
    }
    const accepted = negotiateEncoding(req.headers['accept-encoding'])
    const length = Number(res.getHeader('content-length') ?? Number.NaN)
    const compressible =
      !bodiless &&
      COMPRESSIBLE.test(type) &&
      !res.getHeader('content-encoding') &&
      !/\bno-transform\b/i.test(headerValue(res.getHeader('cache-control'))) &&
      !(length < MIN_COMPRESS_BYTES)
    if (compressible) addVary(res, 'Accept-Encoding')
    if (!compressible || !accepted || isHead) {
      mode = 'pass'
      if (compressible && accepted && isHead) {
        res.setHeader('Content-Encoding', accepted)
        res.removeHeader('content-length')
        weakenETag(res)
      }
      restore()
      return
    }
    mode = 'compress'
    encoding = accepted
    // The headers are settled: Node's own write sends them with the first compressed bytes.
    res.writeHead = original.writeHead
    res.setHeader('Content-Encoding', encoding)
    res.removeHeader('content-length')
    weakenETag(res)
    stream = encoderStream(encoding)
    stream.on('data', (data) => {
      if (original.write.call(res, data) === false) stream.pause()
    })
    stream.on('end', () => original.end.call(res))
    stream.on('drain', () => res.emit('drain'))
    stream.on('error', (error) => res.destroy(error))
    res.on('drain', () => stream.resume())
    // A client that leaves mid-response must not leave the zlib stream behind.
    res.once('close', () => {
      if (!stream.writableFinished) stream.destroy()
    })
    res.flush = () => stream.flush()
  }

  res.writeHead = function writeHead(statusCode, reason, headers) {
    if (typeof reason !== 'string') {
      headers = reason
      reason = undefined
    }
    res.statusCode = statusCode
    if (reason) res.statusMessage = reason
    if (Array.isArray(headers)) {
      const pairs = Array.isArray(headers[0])
        ? headers
        : Array.from({ length: headers.length / 2 }, (_, index) => [headers[2 * index], headers[2 * index + 1]])
      for (const [key, value] of pairs) res.setHeader(key, value)
    } else if (headers) {
      for (const [key, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(key, value)
    }
    return res
  }

  res.flushHeaders = function flushHeaders() {
    decide()
    if (mode === 'compress') original.flushHeaders.call(res)
    if (mode === 'pass') res.flushHeaders()
  }

  res.write = function write(chunk, chunkEncoding, callback) {
    if (typeof chunkEncoding === 'function') callback = chunkEncoding
    decide()
    if (mode === 'pass') return res.write(chunk, chunkEncoding, callback)
    if (mode === 'compress')
      return stream.write(chunk, typeof chunkEncoding === 'string' ? chunkEncoding : undefined, callback)
    const buffer = chunkBuffer(chunk, chunkEncoding)
    if (buffer?.length) chunks.push(Buffer.from(buffer)) // a copy: the writer may reuse its buffer
    if (callback) process.nextTick(callback)
    return true
  }

  res.end = function end(chunk, chunkEncoding, callback) {
    if (typeof chunk === 'function') {
      callback = chunk
      chunk = undefined
    } else if (typeof chunkEncoding === 'function') {
      callback = chunkEncoding
      chunkEncoding = undefined
    }
    if (ended) return res
    decide()
    if (mode === 'pass') return res.end(chunk, chunkEncoding, callback)
    ended = true
    if (callback) res.once('finish', callback)
    if (mode === 'compress') {
      if (chunk !== undefined && chunk !== null) stream.end(chunk, chunkEncoding)
      else stream.end()
      return res
    }
    const last = chunkBuffer(chunk, chunkEncoding)
    if (last?.length) chunks.push(last)
    void sendPage(Buffer.concat(chunks)).catch((error) => {
      console.error(error)
      res.destroy(error)
    })
    return res
  }

  async function sendPage(body) {
    restore()
    const etag = headerValue(res.getHeader('etag'))
    if (isHead) {
      // No body to read: the policy of the same page seen by a GET, if any, else one without hashes.
      res.setHeader('Content-Security-Policy', (etag && cache.entries.get(etag)?.policy) || contentSecurityPolicy([]))
      addVary(res, 'Accept-Encoding')
      res.end()
      return
    }
    let entry = etag ? cache.get(etag, body) : undefined
    if (!entry) {
      const html = body.toString('utf8')
      const { hashes, refused } = inlineScriptHashes(html)
      if (refused.length) warnRefused(req.url, refused)
      entry = { body, policy: contentSecurityPolicy(hashes), encoded: {} }
      if (etag) cache.add(etag, entry)
    }
    res.setHeader('Content-Security-Policy', entry.policy)
    addVary(res, 'Accept-Encoding')
    const accepted =
      body.length >= MIN_COMPRESS_BYTES && !res.getHeader('content-encoding')
        ? negotiateEncoding(req.headers['accept-encoding'])
        : undefined
    let payload = body
    if (accepted) {
      payload = entry.encoded[accepted]
      if (!payload) {
        // Small pages are quicker compressed in place than through the thread pool.
        payload = body.length < 64 * 1024 ? encodeSync(accepted, body) : await encode(accepted, body)
        if (etag && cache.entries.get(etag) === entry) cache.addEncoded(entry, accepted, payload)
      }
      res.setHeader('Content-Encoding', accepted)
      weakenETag(res)
    }
    if (res.destroyed) return
    res.setHeader('Content-Length', payload.length)
    res.end(payload)
  }
}
