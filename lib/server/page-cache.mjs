// HTML pages the production server has already read, by ETag (scripts/response-policy.mjs). A
// prerendered page is the same bytes for every reader: its policy and compressed forms are kept
// so it is not scanned and compressed on every request. The bytes are kept too, and compared: an
// ETag alone does not prove the page is the same.
import { LRUCache } from 'lru-cache'

/** @typedef {import('./compression.mjs').Encoding} Encoding */
/**
 * @typedef {object} Page
 * @property {Buffer} body the page as Next.js wrote it
 * @property {Buffer} sent the page as the server sends it (scripts loaded late on public pages)
 * @property {string} policy its Content-Security-Policy
 * @property {Partial<Record<Encoding, Buffer>>} encoded its compressed forms, as asked for
 */

const MAX_BYTES = 64 * 1024 * 1024

/** @param {Page} page */
const sizeOf = (page) =>
  page.body.length +
    (page.sent === page.body ? 0 : page.sent.length) +
    Object.values(page.encoded).reduce((sum, buffer) => sum + buffer.length, 0) || 1

export class PageCache {
  /** @type {LRUCache<string, Page>} least recently used dropped first, within MAX_BYTES */
  #pages = new LRUCache({ maxSize: MAX_BYTES, sizeCalculation: sizeOf })

  /**
   * The page kept under this ETag, when it has these very bytes.
   * @param {string} etag
   * @param {Buffer} body
   */
  get(etag, body) {
    const page = this.#pages.get(etag)
    return page?.body.equals(body) ? page : undefined
  }

  /**
   * The policy of the page last kept under this ETag (for a HEAD, which has no body to compare).
   * @param {string} etag
   */
  policyOf(etag) {
    return this.#pages.peek(etag)?.policy
  }

  /**
   * @param {string} etag
   * @param {Page} page
   */
  add(etag, page) {
    this.#pages.set(etag, page)
  }

  /**
   * Keeps a compressed form of `page`, unless the page was dropped or replaced meanwhile.
   * @param {string} etag
   * @param {Page} page
   * @param {Encoding} encoding
   * @param {Buffer} buffer
   */
  addEncoded(etag, page, encoding, buffer) {
    if (this.#pages.peek(etag) !== page) return
    // A new entry, so that the cache counts its new size.
    this.#pages.set(etag, { ...page, encoded: { ...page.encoded, [encoding]: buffer } })
  }
}
