/**
 * What a link may point at, decided in one place: the links in a paper's frontmatter (the
 * schema), the URLs an import takes over, and the links inside a body (its check and its
 * renderer). Plain JavaScript: the body worker (`scripts/body-worker.mjs`) loads it as it is.
 */

/**
 * The address as a browser reads it: browsers skip control characters and spaces at the start,
 * and tabs and line breaks anywhere (`java\tscript:`).
 * @param {string} url
 */
const asBrowsersRead = (url) => url.replace(/[\u0000-\u0020\u007f]/g, '')

/**
 * Whether a browser reads `url` as an address on another host without a scheme: `//host`, and
 * `\\host` or `/\host`, which browsers read the same way.
 * @param {string} url
 */
export function readsAsAnotherHost(url) {
  return /^[/\\]{2}/.test(asBrowsersRead(url))
}

/**
 * An absolute http(s) URL.
 * @param {string} value
 */
export function isWebUrl(value) {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/**
 * A path on this site (`/papers/x.pdf`). Not `//host` nor `/\host`, which browsers read as another
 * site, and no spaces, control characters or backslashes, which browsers drop or turn into `/`.
 * @param {string} value
 */
export function isSitePath(value) {
  return value.startsWith('/') && !/[\u0000-\u0020\u007f\\]/.test(value) && !readsAsAnotherHost(value)
}

/**
 * What a frontmatter link (PDF, code, an author's page…) may be: an absolute http(s) URL or a
 * path on this site.
 * @param {string} value
 */
export function isLinkTarget(value) {
  return value.startsWith('/') ? isSitePath(value) : isWebUrl(value)
}

/**
 * What a link or image inside a body may be: http(s), mailto, or an address without a scheme
 * (relative, but not `//host`); never `javascript:` and the like.
 * @param {string} url
 */
export function isSafeUrl(url) {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(asBrowsersRead(url))?.[1]?.toLowerCase()
  return scheme === undefined ? !readsAsAnotherHost(url) : ['http', 'https', 'mailto'].includes(scheme)
}
