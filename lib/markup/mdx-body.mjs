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
import { ALLOWED_TAGS, isSafeUrl, readJsx } from './mdx-allowlist.mjs'

/** @typedef {import('mdast').Nodes} MdastNode */
/** @typedef {import('hast').RootContent} HastContent */

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
/** @param {string} body */
function nestingProblem(body) {
  let start = 0
  for (let number = 1; start <= body.length; number++) {
    const end = body.indexOf('\n', start)
    const text = body.slice(start, end === -1 ? body.length : end)
    const opening = CONTAINER_MARKERS.exec(text)?.[0] ?? ''
    const markers = opening.match(MARKER)?.length ?? 0
    // A nested list item is indented by at least two more columns than its parent.
    const indent = /^[ \t]*/.exec(opening)?.[0] ?? ''
    const indented = markers > 0 && indent.replace(/\t/g, '    ').length > 2 * MAX_DEPTH
    if (markers > MAX_DEPTH || indented)
      return `The abstract nests quotes or lists more than ${MAX_DEPTH} levels deep (line ${number}).`
    if (end === -1) break
    start = end + 1
  }
  return undefined
}

/** @param {MdastNode} node */
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
  // rehype-katex renders what KaTeX cannot parse as an error span of its own (it sets `throwOnError`).
  .use(rehypeKatex, { output: 'htmlAndMathml', strict: 'ignore' })
  .use(rehypeStringify)
  .freeze()

/** @param {string} body */
function parse(body) {
  const tooDeep = nestingProblem(body)
  if (tooDeep) throw new BodyDepthError(tooDeep)
  let tree
  try {
    tree = processor.parse(body)
  } catch (error) {
    throw new BodySyntaxError(error instanceof Error ? error.message : String(error))
  }
  displayDoubleDollars(tree, body)
  return tree
}

/**
 * `$$…$$` is display math, as in LaTeX, also written on one line with text around it. remark-math
 * reads it as display math only when the dollars are on lines of their own, and as inline math
 * otherwise; it is typeset in display style here (KaTeX's `math-display` class), where it stands.
 * @param {import('mdast').Root} tree
 * @param {string} body
 */
function displayDoubleDollars(tree, body) {
  /** @type {MdastNode[]} */
  const stack = [tree]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'inlineMath') {
      const start = node.position?.start.offset
      const properties = node.data?.hProperties
      if (start !== undefined && body.startsWith('$$', start) && properties)
        properties.className = ['language-math', 'math-display']
    } else if ('children' in node) stack.push(...node.children)
  }
}

/** @param {string} value */
const prefixId = (value) => `${ID_PREFIX}${value}`
/** @param {string} href */
const prefixFragment = (href) => (href.length > 1 && href.startsWith('#') ? `#${prefixId(href.slice(1))}` : href)

/**
 * What an element may hold: everything but a doctype and module code (both only ever at the top).
 * @param {HastContent} node
 * @returns {node is import('hast').ElementContent}
 */
const inElement = (node) => node.type !== 'doctype' && node.type !== 'mdxjsEsm'

/** Turns the allowed JSX tags into plain elements with the attributes they may keep; unwraps other tags and drops code. */
function jsxToElements() {
  /**
   * @param {HastContent} node
   * @returns {HastContent[]}
   */
  const convert = (node) => {
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || node.type === 'mdxjsEsm') return []
    if (!('children' in node)) return [node]
    const children = node.children.flatMap(convert).filter(inElement)
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const { allowed, properties } = readJsx(node)
      if (!allowed) return children
      /** @type {import('hast').Properties} */
      const kept = {}
      for (const [key, value] of Object.entries(properties)) {
        if (key !== 'id') kept[key] = key === 'href' && typeof value === 'string' ? prefixFragment(value) : value
        else if (typeof value === 'string' && value) kept.id = prefixId(value)
      }
      return [{ type: 'element', tagName: node.name ?? '', properties: kept, children }]
    }
    node.children = children
    // Links from markdown syntax too: a hand-written file must not get a `javascript:` address out.
    for (const key of ['href', 'src']) {
      const value = node.properties[key]
      if (typeof value === 'string' && !isSafeUrl(value)) delete node.properties[key]
    }
    if (typeof node.properties.href === 'string') node.properties.href = prefixFragment(node.properties.href)
    return [node]
  }
  /** @param {import('hast').Root} tree */
  return (tree) => {
    tree.children = tree.children.flatMap(convert)
  }
}

/**
 * The first rule the tree breaks, in document order, or undefined. Walks with its own stack: a
 * body may nest thousands of levels deep, more than the call stack holds.
 */
/**
 * @param {import('mdast').Root} tree
 * @param {{ rules: boolean }} options
 */
function findProblem(tree, { rules }) {
  /** @type {{ node: MdastNode; depth: number }[]} */
  const stack = [{ node: tree, depth: 0 }]
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node, depth } = top
    if (depth > MAX_DEPTH)
      return `The abstract nests quotes, lists or tags more than ${MAX_DEPTH} levels deep${line(node)}.`
    const problem = rules ? ruleBroken(node) : undefined
    if (problem) return problem
    const children = 'children' in node ? node.children : []
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index]
      if (child) stack.push({ node: child, depth: depth + 1 })
    }
  }
  return undefined
}

/**
 * The rule `node` breaks, said with its line, or undefined.
 * @param {MdastNode} node
 * @returns {string | undefined}
 */
function ruleBroken(node) {
  switch (node.type) {
    case 'link':
    case 'image':
    case 'definition':
      if (!isSafeUrl(node.url))
        return `The link ${node.url}${line(node)} must be an http(s), mailto or relative address.`
      return undefined
    case 'mdxjsEsm':
      return `The abstract may not contain import or export statements${line(node)}.`
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return `The abstract may not contain JavaScript expressions in { }${line(node)}. Put math between $ signs, or write literal braces as \\{ and \\}.`
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const [broken] = readJsx(node).broken
      const name = node.name ?? ''
      switch (broken?.rule) {
        case undefined:
          return undefined
        case 'tag':
          return `The abstract may not use <${name || '>'}${name ? '>' : ''}${line(node)}; allowed tags: ${[...ALLOWED_TAGS].join(', ')}.`
        case 'attribute':
          return `The abstract may not use the attribute ${broken.name ?? '{…}'} on <${name}>${line(node)}.`
        case 'expression':
          return `The abstract may not use expressions in the attributes of <${name}>${line(node)}.`
        case 'url':
          return `The link in <${name} ${broken.name}>${line(node)} must be an http(s), mailto or relative address.`
      }
      return undefined
    }
    default:
      return undefined
  }
}

/** @param {Error} error */
const syntaxMessage = (error) =>
  `The abstract is not valid MDX: ${error.message}. Write literal braces as \\{ and \\}, and < as &lt;.`

/**
 * Why a body may not be saved, or undefined when it may: markdown, math and the allowed tags only.
 * @param {string} body
 * @returns {string | undefined}
 */
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
 * @param {string} body
 * @returns {string}
 */
export function renderBody(body) {
  const tree = parse(body)
  const problem = findProblem(tree, { rules: false })
  if (problem) throw new Error(problem)
  return String(processor.stringify(processor.runSync(tree)))
}

/**
 * The check and the rendering from one parse: `{ problem }` or `{ html }`.
 * @param {string} body
 * @returns {{ problem: string } | { html: string }}
 */
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
