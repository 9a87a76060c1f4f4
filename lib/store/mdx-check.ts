import remarkMath from 'remark-math'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, isSafeUrl } from '../mdx-allowlist'

export const MAX_BODY_BYTES = 256 * 1024

type Attribute = { type: string; name?: string; value?: unknown }
type Node = { type: string; url?: string; name?: string | null; attributes?: Attribute[]; children?: Node[]; position?: { start: { line: number } } }

const line = (node: Node) => (node.position ? ` (line ${node.position.start.line})` : '')

/**
 * A body saved from the dashboard may hold markdown, math and plain HTML-like tags only: no
 * import/export, no `{expressions}`, no components. Returns the reason for refusing, or
 * undefined when the body is safe.
 */
export function checkMdxBody(body: string): string | undefined {
  const bytes = Buffer.byteLength(body, 'utf8')
  if (bytes > MAX_BODY_BYTES) {
    return `The abstract is ${Math.ceil(bytes / 1024)} kB; the limit is ${MAX_BODY_BYTES / 1024} kB.`
  }
  let tree: Node
  try {
    tree = unified().use(remarkParse).use(remarkMath).use(remarkMdx).parse(body) as Node
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return `The abstract is not valid MDX: ${reason}. Write literal braces as \\{ and \\}, and < as &lt;.`
  }
  return findForbidden(tree)
}

function findForbidden(node: Node): string | undefined {
  switch (node.type) {
    case 'link':
    case 'image':
    case 'definition':
      if (node.url !== undefined && !isSafeUrl(node.url)) return `The link ${node.url}${line(node)} must be an http(s), mailto or relative address.`
      break
    case 'mdxjsEsm':
      return `The abstract may not contain import or export statements${line(node)}.`
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return `The abstract may not contain JavaScript expressions in { }${line(node)}. Put math between $ signs, or write literal braces as \\{ and \\}.`
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name ?? ''
      if (!ALLOWED_TAGS.has(name)) {
        return `The abstract may not use <${name || '>'}${name ? '>' : ''}${line(node)}; allowed tags: ${[...ALLOWED_TAGS].join(', ')}.`
      }
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name || !ALLOWED_ATTRIBUTES.has(attribute.name)) {
          return `The abstract may not use the attribute ${attribute.name ?? '{…}'} on <${name}>${line(node)}.`
        }
        if (typeof attribute.value === 'object' && attribute.value !== null) {
          return `The abstract may not use expressions in the attributes of <${name}>${line(node)}.`
        }
        if ((attribute.name === 'href' || attribute.name === 'src') && !isSafeUrl(String(attribute.value ?? ''))) {
          return `The link in <${name} ${attribute.name}>${line(node)} must be an http(s), mailto or relative address.`
        }
      }
      break
    }
  }
  for (const child of node.children ?? []) {
    const problem = findForbidden(child)
    if (problem) return problem
  }
  return undefined
}
