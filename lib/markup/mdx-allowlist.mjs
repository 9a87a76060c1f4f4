/**
 * What a publication's body may hold besides markdown and math: tags and attributes that cannot
 * run code, enough for sub/superscripts, emphasis and links. The store refuses anything else on
 * save and the renderer leaves it out (both in `lib/markup/mdx-body.mjs`). Plain JavaScript: the body
 * worker (`scripts/body-worker.mjs`) loads it at run time.
 */
export const ALLOWED_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'code',
  'em',
  'i',
  'img',
  'li',
  'mark',
  'ol',
  'p',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'u',
  'ul',
])
export const ALLOWED_ATTRIBUTES = new Set(['href', 'title', 'alt', 'src', 'width', 'height', 'lang', 'dir', 'id'])

/** http(s), mailto, or an address without a scheme (relative); never `javascript:` and the like. */
export function isSafeUrl(url) {
  // Browsers skip control characters and spaces at the start and tabs and newlines anywhere
  // (`java\tscript:`): judge the address as they will read it.
  const read = url.replace(/[\u0000-\u0020\u007f]/g, '')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(read)?.[1]?.toLowerCase()
  // Without a scheme: relative, but not `//host` (nor `\\host` or `/\host`, read the same way).
  return scheme === undefined ? !/^[/\\]{2}/.test(read) : ['http', 'https', 'mailto'].includes(scheme)
}
