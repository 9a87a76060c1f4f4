// What the production server (scripts/server.mjs) settles about a request before Next.js sees it:
// - Who the client is. The socket's address, unless the socket is a proxy listed in TRUST_PROXY;
//   only then is X-Forwarded-For believed, up to its right-most untrusted hop (proxy-addr, as
//   Express does it). The X-Forwarded-* headers Next.js and the app read are rewritten from that,
//   so a client cannot choose the address the sign-in throttle counts, nor the origin the app
//   believes it is served on.
// - Whether its address is decodable: Next.js answers a malformed percent-encoding in the path
//   (`/publications/%ff`) with a 500; it gets a 400 here.
// - Whether it asks for a paper that cannot exist: `/publications/<x>` where x could never be a
//   slug is answered as `/publications/_`, whose 404 page is rendered once and cached, rather than
//   rendering and caching a 404 page per made-up address.
// - Whether its body is small enough, from Content-Length, before a byte of it is read: a sign-in
//   is a few hundred bytes, so `/api/auth/*` takes at most 8 kB (lib/auth/sign-in-limit.mjs),
//   an upload to the dashboard 20 MB (lib/media/upload-limit.mjs), everything else 4 MB (above
//   next.config.mjs's limit for server actions). A body without a length (chunked) is refused:
//   browsers always send one for the forms and fetches this site makes.
import proxyaddr from 'proxy-addr'
import { SIGN_IN_BODY_LIMIT } from '../lib/auth/sign-in-limit.mjs'
import { UPLOAD_BODY_LIMIT } from '../lib/media/upload-limit.mjs'
import { paperSegment, routes } from '../lib/domain/routes.mjs'
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '../lib/domain/slug-rule.mjs'

export const BODY_LIMIT = 4 * 1024 * 1024

/** @typedef {(address: string, hop: number) => boolean} Trust */
/**
 * What the guard reads of a request (node:http's IncomingMessage), and rewrites.
 * @typedef {object} GuardedRequest
 * @property {string} [url]
 * @property {Record<string, string | string[] | undefined>} headers
 * @property {{ remoteAddress?: string, encrypted?: boolean }} [socket]
 */

/**
 * The TRUST_PROXY setting as a trust function: comma- or space-separated addresses and CIDR
 * ranges (IPv4 or IPv6), or proxy-addr's names `loopback`, `linklocal` and `uniquelocal`. Empty:
 * no proxy is trusted. Throws with the setting's name when an entry is not an address.
 * @param {string | undefined} setting
 * @returns {Trust}
 */
export function compileTrust(setting) {
  const entries = String(setting ?? '')
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (entries.length === 0) return () => false
  try {
    return proxyaddr.compile(entries)
  } catch (error) {
    throw new Error(
      `TRUST_PROXY must list addresses or CIDR ranges (e.g. 127.0.0.1, 10.0.0.0/8): ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

/**
 * The value a trusted proxy sent in a header, its last one when it repeated the header.
 * @param {string | string[] | undefined} value
 */
function lastValue(value) {
  const text = Array.isArray(value) ? value.at(-1) : value
  const last = String(text ?? '')
    .split(',')
    .at(-1)
    ?.trim()
  return last || undefined
}

/**
 * Rewrites the request's forwarding headers from what can be trusted: `x-forwarded-for` becomes
 * the one client address, `x-forwarded-proto` and `x-forwarded-host` are kept only when they come
 * from a trusted proxy (then the value the proxy nearest to us added), else they say what the
 * socket says.
 * @param {GuardedRequest} req
 * @param {Trust} trust
 */
export function settleForwarding(req, trust) {
  const socketAddress = req.socket?.remoteAddress ?? ''
  const viaProxy = socketAddress !== '' && trust(socketAddress, 0)
  // proxy-addr reads only the socket's address and X-Forwarded-For; its types ask for a whole
  // IncomingMessage, which is what the server passes.
  const client = viaProxy ? proxyaddr(/** @type {import('node:http').IncomingMessage} */ (req), trust) : socketAddress
  req.headers['x-forwarded-for'] = client || 'unknown'
  const proto = viaProxy ? lastValue(req.headers['x-forwarded-proto'])?.toLowerCase() : undefined
  req.headers['x-forwarded-proto'] =
    proto === 'https' || proto === 'http' ? proto : req.socket?.encrypted ? 'https' : 'http'
  const host = viaProxy ? lastValue(req.headers['x-forwarded-host']) : undefined
  if (host) req.headers['x-forwarded-host'] = host
  else delete req.headers['x-forwarded-host']
  delete req.headers['x-real-ip']
  delete req.headers.forwarded
}

/**
 * Why the request is refused before Next.js sees it, as `{ status, message }`, or undefined when
 * it may go on.
 * @param {GuardedRequest} req
 * @returns {{ status: number, message: string } | undefined}
 */
export function refusal(req) {
  const url = req.url ?? '/'
  const pathname = url.split('?')[0] ?? ''
  try {
    decodeURIComponent(pathname)
  } catch {
    return { status: 400, message: 'Bad request: the address holds a malformed percent-encoding.' }
  }
  const limit =
    pathname.startsWith('/api/auth/') || pathname === '/api/auth'
      ? SIGN_IN_BODY_LIMIT
      : pathname === routes.mediaUpload
        ? UPLOAD_BODY_LIMIT
        : BODY_LIMIT
  const length = req.headers['content-length']
  if (length !== undefined) {
    if (typeof length !== 'string' || !/^\d+$/.test(length))
      return { status: 400, message: 'Bad request: Content-Length is not a number.' }
    if (Number(length) > limit)
      return { status: 413, message: `The request body is over the limit of ${formatBytes(limit)} for this address.` }
  } else if (req.headers['transfer-encoding'] !== undefined) {
    return { status: 411, message: 'Send the request body with a Content-Length.' }
  }
  return undefined
}

/** @param {number} bytes */
function formatBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} kB`
}

/**
 * Points a request for the page of a paper that cannot exist (its slug breaks the slug rule) at
 * one address for all of them. Call after `refusal`: the path decodes.
 * @param {GuardedRequest} req
 */
export function settlePaperAddress(req) {
  const url = req.url ?? '/'
  const query = url.indexOf('?')
  const pathname = query === -1 ? url : url.slice(0, query)
  const segment = paperSegment(pathname)
  if (segment === undefined) return
  const slug = decodeURIComponent(segment)
  if (slug.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(slug)) return
  req.url = `${routes.publication('_')}${query === -1 ? '' : url.slice(query)}`
}
