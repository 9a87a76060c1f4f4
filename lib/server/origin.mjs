// The site's origin when SITE_URL is not set. Pages, feeds and citation files are rendered once
// and served to every reader, long before any request says which host and port the site is
// reached on. So they are rendered with a placeholder origin, and the production server
// (scripts/response-policy.mjs) writes each response with the origin its request was sent to.

/**
 * Stands in for the site's origin in everything Next.js renders when SITE_URL is not set.
 * `.invalid` is reserved (RFC 2606): it names no host, should one ever be left in a response.
 */
export const ORIGIN_PLACEHOLDER = 'http://site-origin.invalid'

/**
 * A host as it may appear in an origin: a DNS name or an IPv4 or bracketed IPv6 address, with an
 * optional port. Nothing else is taken from a request, so what the server writes into HTML, XML,
 * JSON or BibTeX in the placeholder's stead never needs escaping there.
 */
const PLAIN_HOST =
  /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

/**
 * The origin a request was sent to: its scheme from `x-forwarded-proto` and its host from
 * `x-forwarded-host`, else `host`. The production server settles both before anything reads them
 * (scripts/request-guard.mjs): they are the socket's unless a proxy listed in TRUST_PROXY sent
 * the request. Undefined when there is no host or it is not a plain host and port.
 * @param {(name: string) => string | null | undefined} header a request header by lowercase name
 * @returns {string | undefined}
 */
export function originOfRequest(header) {
  const host = header('x-forwarded-host') || header('host')
  if (!host || !PLAIN_HOST.test(host)) return undefined
  const scheme = header('x-forwarded-proto') === 'https' ? 'https' : 'http'
  try {
    return new URL(`${scheme}://${host}`).origin
  } catch {
    return undefined
  }
}

/**
 * The origin a server on this port is assumed to have when a request does not say (no `Host`):
 * what `npm start` prints.
 * @param {number} port
 */
export function assumedOrigin(port) {
  return `http://localhost:${port}`
}

/**
 * Replaces the placeholder with `origin` in a body written in parts: each part as it comes, so a
 * streamed response still streams. The placeholder may be cut between two parts, so the end of a
 * part that could begin it is held back until the next part (or the end) says. Bytes are read as
 * Latin-1, one character each, so a UTF-8 character cut between parts passes through intact.
 * (A dozen lines of our own: the npm stream-replace packages are unmaintained Transform streams,
 * and a Transform hands its output on a later tick, after Next.js has asked to flush it.)
 * @param {string} origin what the placeholder becomes: a plain origin (`originOfRequest`)
 */
export function originRewriter(origin) {
  let held = ''
  /** @param {string} text */
  const heldBack = (text) => {
    for (let length = Math.min(ORIGIN_PLACEHOLDER.length - 1, text.length); length > 0; length -= 1)
      if (ORIGIN_PLACEHOLDER.startsWith(text.slice(-length))) return length
    return 0
  }
  return {
    /** The bytes to send now for this part. @param {Buffer} part */
    next(part) {
      const text = held + part.toString('latin1')
      const cut = text.length - heldBack(text)
      held = text.slice(cut)
      return Buffer.from(text.slice(0, cut).replaceAll(ORIGIN_PLACEHOLDER, origin), 'latin1')
    },
    /** The bytes still held back, at the end of the body. */
    end() {
      const rest = held
      held = ''
      return Buffer.from(rest, 'latin1')
    },
  }
}
