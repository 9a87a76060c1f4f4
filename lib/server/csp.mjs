// The Content-Security-Policy of HTML responses, computed from the page itself by the production
// server (scripts/server.mjs). Prerendered pages are the same bytes for every reader, so a nonce
// (which needs a fresh render per request) is out; instead the policy lists the SHA-256 of each
// inline script the page holds. Only scripts of a known, data-only shape get a hash (Next.js's
// flight data and Turbopack bootstrap, whose argument must parse as JSON, and our own constant
// theme script): an inline script that got into the HTML any other way stays blocked.
//
// The HTML is read by a small tokenizer of our own rather than a library's: parse5 (the WHATWG
// tokenizer, with parse5-sax-parser) finds the same scripts but takes 4 to 14 times as long per
// page (about 40 ms against 9 ms on a 1 MB list of 200 papers, 3.3 ms against 0.24 ms on a paper's
// page), on every HTML response not served from the cache; htmlparser2 is fast but reads
// <noscript>, <iframe>, <noembed>, <noframes> and <xmp> as markup and ends a script at the first
// `</script>` even after `<!--<script>`, where browsers do not (csp.test.ts pins both).
import crypto from 'node:crypto'
import { THEME_SCRIPT } from './theme-script.mjs'
import { LATE_SCRIPTS_LOADER } from './late-scripts-loader.mjs'

/** Inline scripts allowed whatever their shape: constant texts written by us. */
const TRUSTED_SCRIPTS = new Set([THEME_SCRIPT, LATE_SCRIPTS_LOADER])

/** The directives besides script-src; no 'unsafe-eval' anywhere, 'unsafe-inline' for styles only. */
const OTHER_DIRECTIVES = [
  "default-src 'self'",
  // KaTeX positions its glyphs with inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  // Abstracts may show images from other https sites (Markdown images are allowed there).
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
]

/**
 * The policy of an HTML page whose allowed inline scripts have these hash sources.
 * @param {readonly string[]} hashes
 */
export function contentSecurityPolicy(hashes) {
  const [defaultSrc, ...rest] = OTHER_DIRECTIVES
  return [defaultSrc, ["script-src 'self'", ...hashes].join(' '), ...rest].join('; ')
}

// Elements whose content the HTML parser reads as raw text, up to their own end tag (<plaintext>:
// to the end); <script> is read by `scriptEnd`. A browser with scripting on reads <noscript> this
// way too. Inside <svg> and <math> browsers read all of these as markup, which this tokenizer does
// not follow: our pages hold no inline SVG script, and one read wrongly would only go without a
// hash (blocked), as a text that is not of an allowed shape gets none wherever it is found.
const RAW_TEXT = new Set([
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
])
/** @type {Map<string, RegExp>} */
const endTagPatterns = new Map()
/** @param {string} name */
function endTagPattern(name) {
  let pattern = endTagPatterns.get(name)
  if (!pattern) {
    pattern = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi')
    endTagPatterns.set(name, pattern)
  }
  return pattern
}

const WHITESPACE = new Set(['\t', '\n', '\f', '\r', ' '])
/** @param {string | undefined} char */
const isSpace = (char) => char !== undefined && WHITESPACE.has(char)

/**
 * What changes the state of a script's text: `<!--` and `-->` (an escape), `<script` and
 * `</script` followed by a space, `/` or `>`, in any case.
 */
const SCRIPT_DATA_MARK = /<!--|-->|<(\/?)script[\t\n\f\r />]/gi

/**
 * Where the text of a script that starts at `start` ends (the index of its `</script`), or -1
 * when the document ends first. As the HTML tokenizer reads script data: the first `</script`
 * ends it, unless an escape (`<!--`) holds a `<script`, after which a `</script` only closes
 * that one, until a `-->`.
 * https://html.spec.whatwg.org/multipage/parsing.html#script-data-escaped-state
 * @param {string} html
 * @param {number} start
 */
function scriptEnd(html, start) {
  /** @type {'data' | 'escaped' | 'double-escaped'} */
  let state = 'data'
  SCRIPT_DATA_MARK.lastIndex = start
  for (let mark = SCRIPT_DATA_MARK.exec(html); mark; mark = SCRIPT_DATA_MARK.exec(html)) {
    const [text] = mark
    if (text === '<!--') {
      if (state === 'data') state = 'escaped'
      // `<!-->` and `<!--->` end the escape they open: the dashes count for both.
      SCRIPT_DATA_MARK.lastIndex = mark.index + 2
    } else if (text === '-->') state = 'data'
    else if (mark[1]) {
      if (state !== 'double-escaped') return mark.index
      state = 'escaped'
    } else if (state === 'escaped') state = 'double-escaped'
  }
  return -1
}

/**
 * Reads a start or end tag's attributes from `start` (just after the tag name) to its `>`.
 * Returns the attributes (names lower-cased, the first of a repeated name wins) and the index
 * after the `>`, or -1 when the document ends inside the tag.
 * @param {string} html
 * @param {number} start
 * @returns {{ attributes: Map<string, string>, end: number }}
 */
function readAttributes(html, start) {
  /** @type {Map<string, string>} */
  const attributes = new Map()
  let i = start
  for (;;) {
    while (i < html.length && (isSpace(html[i]) || html[i] === '/')) i++
    if (i >= html.length) return { attributes, end: -1 }
    if (html[i] === '>') return { attributes, end: i + 1 }
    const nameStart = i
    i++ // a name may begin with '='
    while (i < html.length && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++
    const name = html.slice(nameStart, i).toLowerCase()
    while (i < html.length && isSpace(html[i])) i++
    let value = ''
    if (html[i] === '=') {
      i++
      while (i < html.length && isSpace(html[i])) i++
      const quote = html[i]
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1)
        if (close < 0) return { attributes, end: -1 }
        value = html.slice(i + 1, close)
        i = close + 1
      } else {
        const valueStart = i
        while (i < html.length && !isSpace(html[i]) && html[i] !== '>') i++
        value = html.slice(valueStart, i)
      }
    }
    if (!attributes.has(name)) attributes.set(name, value)
  }
}

/** @typedef {{ attributes: Map<string, string>, text: string, start: number, end: number }} ScriptElement `start` and `end`: where the element begins and ends in the document */

/**
 * Every <script> element of a document with its attributes and its text, in order, read the way
 * an HTML parser reads them: tags inside comments, attribute values and other raw-text elements
 * (<style>, <textarea>, <noscript>…) are not elements; a script's text ends at the first
 * `</script` followed by a space, `/` or `>`, in any case, outside an escaped `<script` (see
 * `scriptEnd`). A script the document never closes is left out (browsers do not run it).
 * Character references are not decoded in a script's text.
 * @param {string} html
 * @returns {ScriptElement[]}
 */
export function findScripts(html) {
  /** @type {ScriptElement[]} */
  const scripts = []
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt < 0) break
    const next = html[lt + 1]
    if (html.startsWith('<!--', lt)) {
      // `<!-->` and `<!--->` are (empty) comments too.
      if (html[lt + 4] === '>') i = lt + 5
      else if (html.startsWith('->', lt + 4)) i = lt + 6
      else {
        const close = html.indexOf('-->', lt + 4)
        i = close < 0 ? html.length : close + 3
      }
      continue
    }
    if (next === '!' || next === '?') {
      const close = html.indexOf('>', lt + 2)
      i = close < 0 ? html.length : close + 1
      continue
    }
    const isEnd = next === '/'
    const nameStart = isEnd ? lt + 2 : lt + 1
    if (!/[A-Za-z]/.test(html[nameStart] ?? '')) {
      i = lt + 1
      continue
    }
    let nameEnd = nameStart + 1
    while (nameEnd < html.length && !isSpace(html[nameEnd]) && html[nameEnd] !== '/' && html[nameEnd] !== '>') nameEnd++
    const name = html.slice(nameStart, nameEnd).toLowerCase()
    const { attributes, end } = readAttributes(html, nameEnd)
    if (end < 0) break
    i = end
    if (isEnd || (name !== 'script' && !RAW_TEXT.has(name))) continue
    // Nothing after <plaintext> is markup: it has no end tag.
    if (name === 'plaintext') break
    let close = -1
    if (name === 'script') close = scriptEnd(html, end)
    else {
      const pattern = endTagPattern(name)
      pattern.lastIndex = end
      close = pattern.exec(html)?.index ?? -1
    }
    // The end tag is read like any tag, attributes and all; one the document cuts off closes nothing.
    const closeEnd = close < 0 ? -1 : readAttributes(html, close + 2 + name.length).end
    if (closeEnd < 0) break
    if (name === 'script') scripts.push({ attributes, text: html.slice(end, close), start: lt, end: closeEnd })
    i = closeEnd
  }
  return scripts
}

const JAVASCRIPT_TYPES = new Set([
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
])

/**
 * Whether the policy's script-src governs this inline <script>: classic and module scripts,
 * import maps and speculation rules. Data blocks (`application/ld+json`, `application/json`…)
 * are never run and need no hash.
 * @param {Map<string, string>} attributes
 */
export function isGovernedInlineScript(attributes) {
  if (attributes.has('src')) return false
  const type = attributes.get('type')
  if (type === undefined) {
    const language = attributes.get('language')
    return !language || JAVASCRIPT_TYPES.has(`text/${language.trim().toLowerCase()}`)
  }
  const essence = type.trim().toLowerCase()
  return (
    essence === '' ||
    JAVASCRIPT_TYPES.has(essence) ||
    essence === 'module' ||
    essence === 'importmap' ||
    essence === 'speculationrules'
  )
}

/**
 * @param {string} text
 * @param {(value: unknown) => boolean} accept
 */
function parsesAsJson(text, accept) {
  try {
    return accept(JSON.parse(text))
  } catch {
    return false
  }
}

const FLIGHT_INIT = '(self.__next_f=self.__next_f||[]).push([0])'
const FLIGHT_PUSH = 'self.__next_f.push('
const TURBOPACK_PUSH = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push('

/**
 * Next.js's inline RSC payload: pushes of JSON arrays onto `self.__next_f`, nothing else.
 * @param {string} text
 */
function isFlightData(text) {
  let rest = text
  if (rest.startsWith(FLIGHT_INIT)) {
    rest = rest.slice(FLIGHT_INIT.length)
    if (rest === '') return true
    if (rest[0] !== ';') return false
    rest = rest.slice(1)
  }
  return (
    rest.startsWith(FLIGHT_PUSH) &&
    rest.endsWith(')') &&
    parsesAsJson(rest.slice(FLIGHT_PUSH.length, -1), Array.isArray)
  )
}

/**
 * Turbopack's bootstrap: one push of a JSON object (the chunks to load) onto its chunk list.
 * @param {string} text
 */
function isTurbopackBootstrap(text) {
  return (
    text.startsWith(TURBOPACK_PUSH) &&
    text.endsWith(');') &&
    parsesAsJson(
      text.slice(TURBOPACK_PUSH.length, -2),
      (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    )
  )
}

/**
 * Whether an inline script's text is one the policy allows.
 * @param {string} text
 */
export function isAllowedInlineScript(text) {
  return TRUSTED_SCRIPTS.has(text) || isFlightData(text) || isTurbopackBootstrap(text)
}

/**
 * The CSP hash source of a script's text. The browser hashes the text after the parser's
 * newline normalisation (CRLF and CR become LF) and its replacement of NUL.
 * @param {string} text
 */
export function hashSource(text) {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD')
  return `'sha256-${crypto.createHash('sha256').update(normalised, 'utf8').digest('base64')}'`
}

/**
 * The hash sources of a page's allowed inline scripts (each once, in page order), and the
 * inline scripts the policy refuses (their first characters, for the server's log).
 * @param {string} html
 */
export function inlineScriptHashes(html) {
  /** @type {Set<string>} */
  const hashes = new Set()
  const refused = []
  for (const { attributes, text } of findScripts(html)) {
    if (!isGovernedInlineScript(attributes)) continue
    if (isAllowedInlineScript(text)) hashes.add(hashSource(text))
    else refused.push(text.slice(0, 80))
  }
  return { hashes: [...hashes], refused }
}
