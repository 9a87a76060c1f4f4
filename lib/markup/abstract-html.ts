import { runBodyTask } from './body-worker'
import { escapeXml } from './text'

/**
 * A publication's body rendered to an HTML string (`lib/markup/mdx-body.mjs`: markdown, math with KaTeX,
 * the allowed tags; never run as code), in the body worker so that no body can hold up the
 * server. The paper page, the list's ABS panel and the editor's preview all come here.
 */

// Bodies repeat across requests: each is rendered once (KaTeX is the costly part), and a body
// asked for again while it renders waits for that rendering. Bounded by size: the editor's
// previews pass through here too.
type Cache = { done: Map<string, string>; chars: number; rendering: Map<string, Promise<string>> }
const state = globalThis as { __abstractHtml?: Cache }
const cache = (state.__abstractHtml ??= { done: new Map(), chars: 0, rendering: new Map() })
const MAX_CACHED_CHARS = 64 * 1024 * 1024

/** Plain paragraphs, escaped: for a body that is not valid MDX or exceeds the budget. */
function asText(body: string): string {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeXml(paragraph)}</p>`)
    .join('\n')
}

/** Keeps a body's HTML for the pages that will show it (the store renders each body it saves). */
export function rememberAbstractHtml(body: string, html: string): void {
  // Every edit makes a new body and old ones are never asked for again: bound the cache.
  const chars = body.length + html.length
  if (cache.chars + chars > MAX_CACHED_CHARS) {
    cache.done.clear()
    cache.chars = 0
  }
  if (!cache.done.has(body)) cache.chars += chars
  cache.done.set(body, html)
}

/**
 * The body as HTML. One that is not valid MDX, nests too deeply or exceeds the time or memory
 * budget (a file written by hand: the store refuses such bodies) is shown as escaped text rather
 * than failing or holding up the page.
 */
export async function abstractHtml(body: string): Promise<string> {
  const hit = cache.done.get(body) ?? cache.rendering.get(body)
  if (hit !== undefined) return hit
  const rendering = runBodyTask('site', 'render', body).then((outcome) => {
    const html = outcome.kind === 'done' && outcome.html !== undefined ? outcome.html : asText(body)
    // A worker that failed to start says nothing about the body: the next request tries again.
    if (outcome.kind !== 'failed' || !outcome.transient) rememberAbstractHtml(body, html)
    cache.rendering.delete(body)
    return html
  })
  cache.rendering.set(body, rendering)
  return rendering
}
