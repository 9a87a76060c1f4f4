// The Content-Security-Policy header of one HTML page (lib/server/csp.mjs), and the server's log
// line for each inline script of a page that the policy refuses.
import { contentSecurityPolicy, inlineScriptHashes } from './csp.mjs'

/** The refused scripts remembered, so that each is logged once. */
const MAX_REMEMBERED = 1000

/**
 * A function from a page (its address, for the log, and its HTML) to its policy. `log` gets a
 * line for each distinct inline script a page holds that the policy refuses: a refused script on
 * a popular page must not flood the log.
 * @param {(line: string) => void} log
 * @returns {(url: string | undefined, html: string) => string}
 */
export function pagePolicy(log) {
  /** @type {Set<string>} */
  const warned = new Set()
  return (url, html) => {
    const { hashes, refused } = inlineScriptHashes(html)
    for (const text of refused) {
      if (warned.has(text)) continue
      if (warned.size < MAX_REMEMBERED) warned.add(text)
      log(
        `Content-Security-Policy: an inline script on ${url} is not allowed and will not run: ${JSON.stringify(text)}`,
      )
    }
    return contentSecurityPolicy(hashes)
  }
}
