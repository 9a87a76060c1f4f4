// How the production server compresses a response (scripts/response-policy.mjs): which encoding
// the client takes, which responses are worth it, and the headers of a compressed representation.
// Next.js's own compression is off (`compress: false` in next.config.mjs): the server must read
// each HTML page before it is compressed.
import zlib from 'node:zlib'

/** @typedef {'br' | 'gzip'} Encoding */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

const COMPRESSIBLE =
  /^(?:text\/|application\/(?:javascript|json|xml|x-bibtex|x-research-info-systems|[\w.-]+\+(?:json|xml))|image\/svg\+xml)/i
/** Below this, compression saves less than it costs. */
export const MIN_COMPRESS_BYTES = 1024
/** Above this, a body is compressed on the thread pool rather than in place. */
const SYNC_MAX_BYTES = 64 * 1024
const BROTLI_QUALITY = 5 // near gzip's speed, smaller output; 11 (the default) is far too slow per request

/**
 * The encoding to answer with, from Accept-Encoding: brotli, else gzip, else none.
 * @param {string | string[] | undefined} header
 * @returns {Encoding | undefined}
 */
export function negotiateEncoding(header) {
  if (!header) return undefined
  /** @type {Map<string, number>} */
  const accepted = new Map()
  for (const part of String(header).split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((param) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined)
    accepted.set(coding.trim(), q === undefined ? 1 : Number(q))
  }
  /** @param {string} coding */
  const quality = (coding) => accepted.get(coding) ?? accepted.get('*') ?? 0
  if (quality('br') > 0) return 'br'
  if (quality('gzip') > 0) return 'gzip'
  return undefined
}

/** @param {number | string | string[] | undefined} value */
export function headerValue(value) {
  return Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value)
}

/**
 * Whether a response with a body is worth compressing, from its headers as they stand: a text
 * type, not compressed already, not marked `no-transform`, and not known to be small.
 * @param {ServerResponse} res
 */
export function isCompressible(res) {
  const length = Number(res.getHeader('content-length') ?? Number.NaN)
  return (
    COMPRESSIBLE.test(headerValue(res.getHeader('content-type'))) &&
    !res.getHeader('content-encoding') &&
    !/\bno-transform\b/i.test(headerValue(res.getHeader('cache-control'))) &&
    !(length < MIN_COMPRESS_BYTES)
  )
}

/**
 * Says that the answer depends on Accept-Encoding (once).
 * @param {ServerResponse} res
 */
export function varyOnEncoding(res) {
  const vary = headerValue(res.getHeader('vary'))
  if (!vary.split(',').some((part) => part.trim().toLowerCase() === 'accept-encoding' || part.trim() === '*')) {
    res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
  }
}

/**
 * The headers of the compressed representation: its encoding, no length (unknown until the end,
 * or set by the caller), and a weak ETag, since a strong one names the uncompressed bytes.
 * @param {ServerResponse} res
 * @param {Encoding} encoding
 */
export function markCompressed(res, encoding) {
  res.setHeader('Content-Encoding', encoding)
  res.removeHeader('content-length')
  const etag = res.getHeader('etag')
  if (typeof etag === 'string' && !etag.startsWith('W/')) res.setHeader('ETag', `W/${etag}`)
}

/** @param {number} size */
const brotliOptions = (size) => ({
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size },
})

/**
 * A whole body, compressed: small ones in place (quicker than a trip through the thread pool).
 * @param {Encoding} encoding
 * @param {Buffer} buffer
 * @returns {Promise<Buffer>}
 */
export function compress(encoding, buffer) {
  if (buffer.length < SYNC_MAX_BYTES) {
    return Promise.resolve(
      encoding === 'br' ? zlib.brotliCompressSync(buffer, brotliOptions(buffer.length)) : zlib.gzipSync(buffer),
    )
  }
  return new Promise((resolve, reject) => {
    /** @type {zlib.CompressCallback} */
    const done = (error, result) => (error ? reject(error) : resolve(result))
    if (encoding === 'br') zlib.brotliCompress(buffer, brotliOptions(buffer.length), done)
    else zlib.gzip(buffer, done)
  })
}

/**
 * A stream that compresses a body written in parts (of unknown length).
 * @param {Encoding} encoding
 */
export function compressor(encoding) {
  return encoding === 'br'
    ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })
    : zlib.createGzip()
}
