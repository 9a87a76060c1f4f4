import 'server-only'
import crypto from 'node:crypto'
import { LRUCache } from 'lru-cache'
import { HTML_SLOTS } from './html-slot-store'

/**
 * HTML made on the server that the page shows but React never needs: a list's entries. A server
 * component's props are copied into the page's React data, so an entry passed as a prop travelled
 * twice (in the HTML and in the data), half of a 200-entry page. Here a server component keeps
 * the HTML and passes on its key; `ServerHtmlList` writes it into the page while Next renders the
 * page's HTML, in the same process and the same render, and the browser adopts it as it is.
 *
 * Keys are the content's hash, so the page's HTML and its React data (cached apart) agree, and
 * the same list rendered again reuses its entry. Bounded by size: a slot is read within the render
 * that keeps it, and a render that found it gone fails rather than cache an empty list.
 */
const slots: LRUCache<string, string> = ((globalThis as { [HTML_SLOTS]?: LRUCache<string, string> })[HTML_SLOTS] ??=
  new LRUCache<string, string>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (html) => Math.max(1, html.length) }))

/** Keeps `html` for this render's `ServerHtmlList` and returns its key. */
export function keepHtml(html: string): string {
  const key = crypto.createHash('sha256').update(html).digest('base64url').slice(0, 22)
  slots.set(key, html)
  return key
}
