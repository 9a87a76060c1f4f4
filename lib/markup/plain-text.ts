import type { Parent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkMath from 'remark-math'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { mathToPlainText } from './math'
import { latexToPlainText, withoutControls } from './text'

// Apart from lib/markup/text.ts and math.ts, which the browser loads too: the markdown parser is
// for the server only.

/** Parsing a body costs more than linear time on some inputs (nested lists, runs of emphasis): past these, the body is flattened without parsing. */
export const PARSE_MAX_CHARS = 16 * 1024
export const PARSE_MAX_MARKS = 300
const CONTAINER_WEIGHT = 5

/**
 * How many characters of `body` open or close markdown structure (emphasis, links, quotes, lists,
 * tags, expressions). micromark's slow cases all need many of them, so their count bounds the
 * parse: at most `PARSE_MAX_MARKS` of them and `PARSE_MAX_CHARS` characters parse in a few
 * milliseconds whatever they are (`lib/markup/plain-text.test.ts` times the worst shapes we know).
 */
function markupMarks(body: string): number {
  let marks = 0
  for (let i = 0; i < body.length; i++) {
    const char = body[i]
    const next = body[i + 1]
    if (char === undefined) break
    // Containers (quotes, list markers before a space) nest, even on one line, and nesting costs
    // the parser more than anything else: they weigh more.
    if (char === '>') marks += CONTAINER_WEIGHT
    else if ('*_[]<`{}!|~#'.includes(char)) marks++
    else if (next === ' ' || next === '\t') {
      const previous = body.charCodeAt(i - 1)
      if (char === '-' || char === '+' || ((char === '.' || char === ')') && previous >= 48 && previous <= 57))
        marks += CONTAINER_WEIGHT
    }
  }
  return marks
}

// One processor, as `lib/markup/mdx-body.mjs` parses bodies: the same tree the renderer sees.
let processor: { parse: (body: string) => Root } | undefined
function parseBody(body: string): Root {
  processor ??= unified().use(remarkParse).use(remarkMath).use(remarkMdx)
  return processor.parse(body)
}

/** Code the renderer never runs: no words of the abstract. */
const NOT_WORDS = new Set<string>(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression'])
/** Parents whose children are blocks: their words are kept apart, so paragraphs do not run together. */
const BLOCK_PARENTS = new Set<string>(['root', 'blockquote', 'list', 'listItem', 'mdxJsxFlowElement'])
const SPACE: RootContent = { type: 'text', value: ' ' }

/** The tree as `toString` should read it: math as its plain text, breaks and blocks as spaces, no code. */
function readable(parent: Parent): void {
  const blocks = BLOCK_PARENTS.has(parent.type)
  const children: RootContent[] = []
  for (const child of parent.children) {
    if (NOT_WORDS.has(child.type)) continue
    if (child.type === 'inlineMath' || child.type === 'math')
      children.push({ type: 'text', value: mathToPlainText(child.value) })
    else if (child.type === 'break' || child.type === 'thematicBreak') children.push(SPACE)
    else {
      if ('children' in child) readable(child)
      children.push(child)
    }
    if (blocks) children.push(SPACE)
  }
  parent.children = children
}

/** The words of a parsed body: figures and raw HTML have none (`toString` would take alt texts and tags). */
function treeText(tree: Root): string {
  readable(tree)
  return withoutControls(toString(tree, { includeImageAlt: false, includeHtml: false }).replace(/\s+/g, ' ').trim())
}

const MARKUP_CHARS = new Set(['*', '_', '`', '>', '<', '[', ']', '{', '}', '|', '~'])

/**
 * Plain text of a body without parsing it, in one pass: markup characters dropped, link targets
 * kept as words. For bodies too large or too marked-up to parse (see `markupMarks`) and for
 * hand-edited bodies that are not valid MDX: worse text, but linear time whatever the input.
 */
function flatText(body: string): string {
  let text = ''
  for (const char of body) text += MARKUP_CHARS.has(char) ? ' ' : char
  return latexToPlainText(decodeEntities(text))
}

/**
 * Plain text of an MDX body (markdown and math flattened), for descriptions, feeds and citations.
 * Derived from the markdown parse tree (character references decoded by the parser, invalid ones
 * as U+FFFD), so no regex walks the markup. Visitors reach it (the per-paper citation files are
 * computed per request), hence the cap on what is parsed and the memory of recent results.
 */
export function mdxToPlainText(body: string): string {
  // Flattening is linear and cheap: only parsed bodies (at most PARSE_MAX_CHARS each) are remembered.
  if (body.length > PARSE_MAX_CHARS || markupMarks(body) > PARSE_MAX_MARKS) return flatText(body)
  const known = recentPlainTexts.get(body)
  if (known !== undefined) return known
  let text: string
  try {
    text = treeText(parseBody(body))
  } catch {
    // Not valid MDX (only a hand-edited file can be): the flat text still gives its words.
    text = flatText(body)
  }
  if (recentPlainTexts.size >= RECENT_PLAIN_TEXTS) recentPlainTexts.delete(recentPlainTexts.keys().next().value ?? '')
  recentPlainTexts.set(body, text)
  return text
}

// The bodies of the papers visitors are reading: a few hundred is plenty, each at most PARSE_MAX_CHARS.
const RECENT_PLAIN_TEXTS = 500
const recentPlainTexts = new Map<string, string>()

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/**
 * Decodes `&amp;`, `&#233;`, `&#xE9;`. A number that names no character (above U+10FFFF, a
 * surrogate, NUL or another control) becomes U+FFFD, as HTML and CommonMark decode it, instead of
 * throwing (`String.fromCodePoint` throws a RangeError beyond U+10FFFF).
 */
function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,8}|#\d{1,8}|[a-zA-Z]{1,8});/g, (entity, code: string) => {
    if (!code.startsWith('#')) return NAMED_ENTITIES[code.toLowerCase()] ?? entity
    const point = code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1))
    return validCodePoint(point) ? String.fromCodePoint(point) : '\ufffd'
  })
}

/** A code point that text may carry: a Unicode scalar value, not a C0/C1 control (tab and newlines excepted) nor U+FFFE/U+FFFF. */
function validCodePoint(point: number): boolean {
  if (!Number.isInteger(point) || point <= 0 || point > 0x10ffff) return false
  if (point >= 0xd800 && point <= 0xdfff) return false
  if (point === 0xfffe || point === 0xffff) return false
  return point === 0x9 || point === 0xa || point === 0xd || (point >= 0x20 && point < 0x7f) || point > 0x9f
}
