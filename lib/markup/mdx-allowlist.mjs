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

export { isSafeUrl } from '../domain/urls.mjs'
