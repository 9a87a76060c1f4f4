// The Content-Security-Policy of HTML responses, computed from the page itself by the production
// server (scripts/server.mjs). Prerendered pages are the same bytes for every reader, so a nonce
// (which needs a fresh render per request) is out; instead the policy lists the SHA-256 of each
// inline script the page holds. Only scripts of a known, data-only shape get a hash (Next.js's
// flight data and Turbopack bootstrap, whose argument must parse as JSON, and our own constant
// theme script): an inline script that got into the HTML any other way stays blocked.
import crypto from 'node:crypto'
import { THEME_SCRIPT } from './theme-script.mjs'

/** Inline scripts allowed whatever their shape: constant texts written by us. */
const TRUSTED_SCRIPTS = new Set([THEME_SCRIPT])

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

/** The policy of an HTML page whose allowed inline scripts have these hash sources. */
export function contentSecurityPolicy(hashes) {
  const [defaultSrc, ...rest] = OTHER_DIRECTIVES
  return [defaultSrc, ["script-src 'self'", ...hashes].join(' '), ...rest].join('; ')
}

// Elements whose content the HTML parser reads as raw text, up to their own end tag. A browser
// with scripting on reads <noscript> this way too.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript'])
const endTagPatterns = new Map()
function endTagPattern(name) {
  let pattern = endTagPatterns.get(name)
  if (!pattern) {
    pattern = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi')
    endTagPatterns.set(name, pattern)
  }
  return pattern
}

const WHITESPACE = new Set(['\t', '\n', '\f', '\r', ' '])

/**
 * Reads a start or end tag's attributes from `start` (just after the tag name) to its `>`.
 * Returns the attributes (names lower-cased, the first of a repeated name wins) and the index
 * after the `>`, or -1 when the document ends inside the tag.
 */
function readAttributes(html, start) {
  const attributes = new Map()
  let i = start
  for (;;) {
    while (i < html.length && (WHITESPACE.has(html[i]) || html[i] === '/')) i++
    if (i >= html.length) return { attributes, end: -1 }
    if (html[i] === '>') return { attributes, end: i + 1 }
    const nameStart = i
    i++ // a name may begin with '='
    while (i < html.length && !WHITESPACE.has(html[i]) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++
    const name = html.slice(nameStart, i).toLowerCase()
    while (i < html.length && WHITESPACE.has(html[i])) i++
    let value = ''
    if (html[i] === '=') {
      i++
      while (i < html.length && WHITESPACE.has(html[i])) i++
      const quote = html[i]
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1)
        if (close < 0) return { attributes, end: -1 }
        value = html.slice(i + 1, close)
        i = close + 1
      } else {
        const valueStart = i
        while (i < html.length && !WHITESPACE.has(html[i]) && html[i] !== '>') i++
        value = html.slice(valueStart, i)
      }
    }
    if (!attributes.has(name)) attributes.set(name, value)
  }
}

/**
 * Every <script> element of a document with its attributes and its text, in order, read the way
 * an HTML parser reads them: tags inside comments, attribute values and other raw-text elements
 * (<style>, <textarea>, <noscript>…) are not elements; a script's text ends at the first
 * `</script` followed by a space, `/` or `>`, in any case. A script the document never closes is
 * left out (browsers do not run it). Character references are not decoded in a script's text.
 */
export function findScripts(html) {
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
    while (nameEnd < html.length && !WHITESPACE.has(html[nameEnd]) && html[nameEnd] !== '/' && html[nameEnd] !== '>')
      nameEnd++
    const name = html.slice(nameStart, nameEnd).toLowerCase()
    const { attributes, end } = readAttributes(html, nameEnd)
    if (end < 0) break
    i = end
    if (isEnd || !RAW_TEXT.has(name)) continue
    const pattern = endTagPattern(name)
    pattern.lastIndex = end
    const close = pattern.exec(html)
    if (!close) break
    if (name === 'script') scripts.push({ attributes, text: html.slice(end, close.index) })
    const closeEnd = html.indexOf('>', close.index)
    i = closeEnd < 0 ? html.length : closeEnd + 1
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

/** Next.js's inline RSC payload: pushes of JSON arrays onto `self.__next_f`, nothing else. */
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

/** Turbopack's bootstrap: one push of a JSON object (the chunks to load) onto its chunk list. */
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

/** Whether an inline script's text is one the policy allows. */
export function isAllowedInlineScript(text) {
  return TRUSTED_SCRIPTS.has(text) || isFlightData(text) || isTurbopackBootstrap(text)
}

/**
 * The CSP hash source of a script's text. The browser hashes the text after the parser's
 * newline normalisation (CRLF and CR become LF) and its replacement of NUL.
 */
export function hashSource(text) {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD')
  return `'sha256-${crypto.createHash('sha256').update(normalised, 'utf8').digest('base64')}'`
}

/**
 * The hash sources of a page's allowed inline scripts (each once, in page order), and the
 * inline scripts the policy refuses (their first characters, for the server's log).
 */
export function inlineScriptHashes(html) {
  const hashes = new Set()
  const refused = []
  for (const { attributes, text } of findScripts(html)) {
    if (!isGovernedInlineScript(attributes)) continue
    if (isAllowedInlineScript(text)) hashes.add(hashSource(text))
    else refused.push(text.slice(0, 80))
  }
  return { hashes: [...hashes], refused }
}
