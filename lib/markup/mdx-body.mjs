// A publication's body (MDX: markdown, math and a few HTML-like tags): the rules a saved body must
// follow, and its rendering to HTML. Plain JavaScript because it runs in the body worker
// (`scripts/body-worker.mjs`, loaded at run time, outside Next's bundles); the server calls it
// through `lib/markup/body-worker.ts`, which bounds the time and memory it may take.
import rehypeKatex from 'rehype-katex'
import rehypeStringify from 'rehype-stringify'
import remarkMath from 'remark-math'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, isSafeUrl } from './mdx-allowlist.mjs'

/** How deeply quotes, lists and tags may nest; real abstracts nest a few levels. */
export const MAX_DEPTH = 64

/**
 * Ids and same-page links in a body get this prefix (as GitHub does), so an abstract cannot take
 * an id the page itself relies on (`__next_f`, `TURBOPACK`, `abstract-heading`).
 */
export const ID_PREFIX = 'user-content-'

export class BodySyntaxError extends Error {}
class BodyDepthError extends Error {}

// Quote and list markers opening a line (`> > - 1. x`): each one nests a level.
const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/
const MARKER = />|[-*+]|\d{1,9}[.)]/g

/**
 * Quotes and lists nested too deeply, read from the markers that open each line, before the
 * parser sees them: it takes time quadratic in that depth (40 kB of `>` took 10 s).
 */
function nestingProblem(body) {
  let start = 0
  for (let number = 1; start <= body.length; number++) {
    const end = body.indexOf('\n', start)
    const text = body.slice(start, end === -1 ? body.length : end)
    const opening = CONTAINER_MARKERS.exec(text)?.[0] ?? ''
    const markers = opening.match(MARKER)?.length ?? 0
    // A nested list item is indented by at least two more columns than its parent.
    const indented = markers > 0 && /^[ \t]*/.exec(opening)[0].replace(/\t/g, '    ').length > 2 * MAX_DEPTH
    if (markers > MAX_DEPTH || indented)
      return `The abstract nests quotes or lists more than ${MAX_DEPTH} levels deep (line ${number}).`
    if (end === -1) break
    start = end + 1
  }
  return undefined
}

const line = (node) => (node.position ? ` (line ${node.position.start.line})` : '')

/**
 * The body parsed as MDX but never compiled to code: tags become elements when they are on the
 * allowlist, and anything else a hand-written file might hold (components, `{expressions}`,
 * import/export) is left out. The math plugins are the same everywhere: the paper page, the
 * list's ABS panel and the editor's preview.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkMath)
  // MDX's own nodes reach the HTML step as they are; `jsxToElements` decides what they become.
  .use(remarkRehype, {
    passThrough: ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'],
  })
  .use(jsxToElements)
  .use(rehypeKatex, { output: 'htmlAndMathml', throwOnError: false, strict: 'ignore' })
  .use(rehypeStringify)
  .freeze()

function parse(body) {
  const tooDeep = nestingProblem(body)
  if (tooDeep) throw new BodyDepthError(tooDeep)
  try {
    return processor.parse(body)
  } catch (error) {
    throw new BodySyntaxError(error instanceof Error ? error.message : String(error))
  }
}

const prefixId = (value) => `${ID_PREFIX}${value}`
const prefixFragment = (href) => (href.length > 1 && href.startsWith('#') ? `#${prefixId(href.slice(1))}` : href)

/** Turns the allowed JSX tags into plain elements; unwraps other tags and drops code. */
function jsxToElements() {
  const convert = (node) => {
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || node.type === 'mdxjsEsm') return []
    const children = (node.children ?? []).flatMap(convert)
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? ''
      if (!ALLOWED_TAGS.has(name)) return children
      const properties = {}
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name || !ALLOWED_ATTRIBUTES.has(attribute.name)) continue
        const { name: key, value } = attribute
        if (key === 'id') {
          if (typeof value === 'string' && value) properties.id = prefixId(value)
        } else if (value === null || value === undefined) properties[key] = true
        else if (typeof value === 'string' && ((key !== 'href' && key !== 'src') || isSafeUrl(value))) {
          properties[key] = key === 'href' ? prefixFragment(value) : value
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
      if (typeof node.properties.href === 'string') node.properties.href = prefixFragment(node.properties.href)
    }
    return [{ ...node, ...(node.children ? { children } : {}) }]
  }
  return (tree) => {
    tree.children = (tree.children ?? []).flatMap(convert)
  }
}

/**
 * The first rule the tree breaks, in document order, or undefined. Walks with its own stack: a
 * body may nest thousands of levels deep, more than the call stack holds.
 */
function findProblem(tree, { rules }) {
  const stack = [{ node: tree, depth: 0 }]
  while (stack.length > 0) {
    const { node, depth } = stack.pop()
    if (depth > MAX_DEPTH)
      return `The abstract nests quotes, lists or tags more than ${MAX_DEPTH} levels deep${line(node)}.`
    const problem = rules ? ruleBroken(node) : undefined
    if (problem) return problem
    const children = node.children ?? []
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index], depth: depth + 1 })
  }
  return undefined
}

function ruleBroken(node) {
  switch (node.type) {
    case 'link':
    case 'image':
    case 'definition':
      if (node.url !== undefined && !isSafeUrl(node.url))
        return `The link ${node.url}${line(node)} must be an http(s), mailto or relative address.`
      return undefined
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
      return undefined
    }
    default:
      return undefined
  }
}

const syntaxMessage = (error) =>
  `The abstract is not valid MDX: ${error.message}. Write literal braces as \\{ and \\}, and < as &lt;.`

/** Why a body may not be saved, or undefined when it may: markdown, math and the allowed tags only. */
export function checkBody(body) {
  let tree
  try {
    tree = parse(body)
  } catch (error) {
    if (error instanceof BodySyntaxError) return syntaxMessage(error)
    if (error instanceof BodyDepthError) return error.message
    throw error
  }
  return findProblem(tree, { rules: true })
}

/**
 * The body as HTML, leaving out whatever the rules forbid. Throws a BodySyntaxError for a body
 * that is not valid MDX, and an Error for one nested too deeply to render.
 */
export function renderBody(body) {
  const tree = parse(body)
  const problem = findProblem(tree, { rules: false })
  if (problem) throw new Error(problem)
  return String(processor.stringify(processor.runSync(tree)))
}

/** The check and the rendering from one parse: `{ problem }` or `{ html }`. */
export function checkAndRenderBody(body) {
  let tree
  try {
    tree = parse(body)
  } catch (error) {
    if (error instanceof BodySyntaxError) return { problem: syntaxMessage(error) }
    if (error instanceof BodyDepthError) return { problem: error.message }
    throw error
  }
  const problem = findProblem(tree, { rules: true })
  if (problem) return { problem }
  return { html: String(processor.stringify(processor.runSync(tree))) }
}
