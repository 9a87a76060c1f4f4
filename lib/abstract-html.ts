import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, isSafeUrl } from './mdx-allowlist'
import { rehypePlugins, remarkPlugins } from './mdx-plugins'
import { escapeXml } from './text'

/**
 * A publication's body (MDX: markdown, math and a few HTML-like tags) rendered to an HTML string.
 * The body is parsed as MDX but never compiled to code: tags become elements when they are on
 * the allowlist (the store refuses others on save), and anything else a hand-written file might
 * hold (components, `{expressions}`, import/export) is left out. Math goes through the same
 * KaTeX pipeline everywhere: the paper page, the list's ABS panel and the editor's preview.
 */

type Attribute = { type: string; name?: string; value?: unknown }
type Node = { type: string; name?: string | null; tagName?: string; attributes?: Attribute[]; properties?: Record<string, unknown>; children?: Node[] }

// MDX's own nodes reach the HTML step as they are; `jsxToElements` decides what they become.
const toHast: RemarkRehypeOptions = { passThrough: ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'] }

/** Turns the allowed JSX tags into plain elements; unwraps other tags and drops code. */
function jsxToElements() {
  const convert = (node: Node): Node[] => {
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || node.type === 'mdxjsEsm') return []
    const children = (node.children ?? []).flatMap(convert)
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? ''
      if (!ALLOWED_TAGS.has(name)) return children
      const properties: Record<string, string | true> = {}
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name || !ALLOWED_ATTRIBUTES.has(attribute.name)) continue
        if (attribute.value === null || attribute.value === undefined) properties[attribute.name] = true
        else if (typeof attribute.value === 'string' && ((attribute.name !== 'href' && attribute.name !== 'src') || isSafeUrl(attribute.value))) {
          properties[attribute.name] = attribute.value
        }
      }
      return [{ type: 'element', tagName: name, properties, children }]
    }
    if (node.type === 'element' && node.properties) {
      // Links from markdown syntax too: a hand-written file must not get a `javascript:` address out.
      for (const key of ['href', 'src']) {
        const value = node.properties[key]
        if (typeof value === 'string' && !isSafeUrl(value)) delete node.properties[key]
      }
    }
    return [{ ...node, ...(node.children ? { children } : {}) }]
  }
  return (tree: Node) => {
    tree.children = (tree.children ?? []).flatMap(convert)
  }
}

const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkPlugins)
  .use(remarkRehype, toHast)
  .use(jsxToElements)
  .use(rehypePlugins)
  .use(rehypeStringify)
  .freeze()

// Bodies repeat across requests: each is rendered once (KaTeX is the costly part). Bounded by
// size: the editor's previews pass through here too.
const state = globalThis as { __abstractHtml?: Map<string, string>; __abstractHtmlChars?: number }
const cache = (state.__abstractHtml ??= new Map<string, string>())
const MAX_CACHED_CHARS = 64 * 1024 * 1024

/** Plain paragraphs, escaped: for a body that is not valid MDX (the build and the store refuse those). */
function asText(body: string): string {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeXml(paragraph)}</p>`)
    .join('\n')
}

/** The body as HTML. A body that is not valid MDX is shown as escaped text rather than failing the page. */
export function abstractHtml(body: string): string {
  const hit = cache.get(body)
  if (hit !== undefined) return hit
  let html: string
  try {
    html = String(processor.processSync(body))
  } catch {
    html = asText(body)
  }
  // Every edit makes a new body and old ones are never asked for again: bound the cache.
  const chars = body.length + html.length
  if ((state.__abstractHtmlChars ?? 0) + chars > MAX_CACHED_CHARS) {
    cache.clear()
    state.__abstractHtmlChars = 0
  }
  cache.set(body, html)
  state.__abstractHtmlChars = (state.__abstractHtmlChars ?? 0) + chars
  return html
}
