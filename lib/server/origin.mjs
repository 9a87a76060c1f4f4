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

// React's flight data (the page's React payload, inline in the HTML and as `text/x-component`)
// sends a string of 1,024 characters or more as a row of its own, headed by its length in UTF-8
// bytes (`<id>:T<hex>,`). A placeholder replaced inside one changes that length, and React then
// reads past the row's end and fails ("Connection closed"). So the heads of such rows are
// rewritten with the length they have once the placeholder is replaced.

/** Row tags whose data is a length in hex, a comma and that many bytes (React 19's flight rows). */
const LENGTH_TAGS = new Set('TAOoUSsLlGgMmV')
const HEX = /^[0-9a-f]+$/

/**
 * The row heads of a flight stream to rewrite, as `[head, new head]`, when each placeholder in it
 * becomes `origin`. Reads the stream row by row; stops at anything that is not a row.
 * @param {string} flight
 * @param {string} origin
 * @returns {[string, string][]}
 */
export function flightHeadFixes(flight, origin) {
  const bytes = Buffer.from(flight, 'utf8')
  const placeholder = Buffer.from(ORIGIN_PLACEHOLDER)
  const delta = Buffer.byteLength(origin) - placeholder.length
  /** @type {[string, string][]} */
  const fixes = []
  let at = 0
  while (delta !== 0 && at < bytes.length) {
    const colon = bytes.indexOf(0x3a, at)
    // Hints (`:HL[…]`) have no id.
    const id = colon === -1 ? 'none' : bytes.toString('latin1', at, colon)
    if (id !== '' && !HEX.test(id)) break
    const tag = String.fromCharCode(bytes[colon + 1] ?? 0)
    const comma = LENGTH_TAGS.has(tag) ? bytes.indexOf(0x2c, colon + 2) : -1
    const hex = comma === -1 ? '' : bytes.toString('latin1', colon + 2, comma)
    if (HEX.test(hex)) {
      const end = comma + 1 + parseInt(hex, 16)
      let count = 0
      let found = bytes.indexOf(placeholder, comma + 1)
      while (found !== -1 && found + placeholder.length <= end) {
        count += 1
        found = bytes.indexOf(placeholder, found + placeholder.length)
      }
      if (tag === 'T' && count > 0)
        fixes.push([`${id}:T${hex},`, `${id}:T${(end - comma - 1 + count * delta).toString(16)},`])
      at = end
      continue
    }
    const newline = bytes.indexOf(0x0a, colon)
    if (newline === -1) break
    at = newline + 1
  }
  return fixes
}

/**
 * `text` with its flight rows' heads fixed (`flightHeadFixes`) and the placeholder replaced.
 * @param {string} text
 * @param {string} flight
 * @param {string} origin
 */
function rewriteFlightIn(text, flight, origin) {
  let rewritten = text
  for (const [head, fixed] of flightHeadFixes(flight, origin)) rewritten = rewritten.replace(head, fixed)
  return rewritten.replaceAll(ORIGIN_PLACEHOLDER, origin)
}

/** Next.js's inline flight data: `self.__next_f.push([1,"<JSON string>"])`. */
const FLIGHT_PUSH = /self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g

/**
 * An HTML page with the placeholder replaced by `origin`, its inline flight data included.
 * @param {string} html
 * @param {string} origin
 */
export function rewritePage(html, origin) {
  if (!html.includes(ORIGIN_PLACEHOLDER)) return html
  const flight = [...html.matchAll(FLIGHT_PUSH)].map((push) => String(JSON.parse(push[1] ?? '""'))).join('')
  return rewriteFlightIn(html, flight, origin)
}

/**
 * A flight response (`text/x-component`) with the placeholder replaced: held whole, since a row's
 * head comes before the bytes it counts. Same interface as `originRewriter`.
 * @param {string} origin
 */
export function flightRewriter(origin) {
  /** @type {Buffer[]} */
  const parts = []
  return {
    /** @param {Buffer} part */
    next(part) {
      parts.push(Buffer.from(part))
      return Buffer.alloc(0)
    },
    end() {
      const flight = Buffer.concat(parts).toString('utf8')
      return Buffer.from(flight.includes(ORIGIN_PLACEHOLDER) ? rewriteFlightIn(flight, flight, origin) : flight)
    },
  }
}
