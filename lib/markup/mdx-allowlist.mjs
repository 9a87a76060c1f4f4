/**
 * What a publication's body may hold besides markdown and math: tags and attributes that cannot
 * run code, enough for sub/superscripts, emphasis and links. One reading of a tag against the
 * list (`readJsx`) serves both the check on save, which names the first rule broken, and the
 * renderer, which keeps what the list allows (both in `lib/markup/mdx-body.mjs`). Plain
 * JavaScript: the body worker (`scripts/body-worker.mjs`) loads it at run time.
 */
import { isSafeUrl } from '../domain/urls.mjs'

/** @typedef {import('mdast-util-mdx-jsx').MdxJsxFlowElement | import('mdast-util-mdx-jsx').MdxJsxTextElement} MdastJsx */
/** @typedef {import('mdast-util-mdx-jsx').MdxJsxFlowElementHast | import('mdast-util-mdx-jsx').MdxJsxTextElementHast} HastJsx */
/**
 * A rule a tag breaks: a tag not on the list, an attribute not on it (or a `{...spread}`, without
 * a name), an attribute given as an expression, or an address that could run code.
 * @typedef {{ rule: 'tag'; name: string }
 *   | { rule: 'attribute'; name: string | undefined }
 *   | { rule: 'expression' }
 *   | { rule: 'url'; name: 'href' | 'src' }} Broken
 */
/**
 * `allowed` when the tag is on the list; `properties`, the attributes it keeps (a value, or `true`
 * for one written without); `broken`, the rules it breaks, in the order written.
 * @typedef {{ allowed: boolean; properties: Record<string, string | true>; broken: Broken[] }} Reading
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

export { isSafeUrl }

/**
 * A JSX tag of a body read against the list.
 * @param {MdastJsx | HastJsx} node
 * @returns {Reading}
 */
export function readJsx(node) {
  const name = node.name ?? ''
  if (!ALLOWED_TAGS.has(name)) return { allowed: false, properties: {}, broken: [{ rule: 'tag', name }] }
  /** @type {Record<string, string | true>} */
  const properties = {}
  /** @type {Broken[]} */
  const broken = []
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !ALLOWED_ATTRIBUTES.has(attribute.name)) {
      broken.push({ rule: 'attribute', name: attribute.type === 'mdxJsxAttribute' ? attribute.name : undefined })
      continue
    }
    const { name: key, value } = attribute
    if (typeof value === 'object' && value !== null) broken.push({ rule: 'expression' })
    else if ((key === 'href' || key === 'src') && !isSafeUrl(value ?? '')) broken.push({ rule: 'url', name: key })
    else properties[key] = value ?? true
  }
  return { allowed: true, properties, broken }
}
