/**
 * Where the server keeps the HTML of `keepHtml` (lib/markup/html-slots.ts) for `ServerHtmlList` to
 * write into the page. On `globalThis`: Next loads the server's modules and those of the page's
 * HTML render as separate copies, and this is what both see. In the browser it is empty.
 */
export const HTML_SLOTS: unique symbol = Symbol.for('scholar-cms.html-slots')

/** While the server renders a page's HTML: the HTML kept under `key`. In the browser: undefined. */
export function slotHtml(key: string): string | undefined {
  const slots = (globalThis as { [HTML_SLOTS]?: { get(key: string): string | undefined } })[HTML_SLOTS]
  return slots?.get(key)
}

/** Dispatched on `document` when `ServerHtmlList` has put a slot's HTML in place after the page loaded. */
export const SERVER_HTML_ADDED = 'server-html-added'
