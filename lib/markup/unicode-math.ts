import { mathToPlainText, splitMath } from './math'

/**
 * Math in one-line text read as Unicode, for what is drawn as text rather than typeset (the social
 * card): `$\ell_1$` becomes `ℓ₁`, `$\epsilon_t$` `εₜ`, `$x^2$` `x²`. `mathToPlainText` stays the
 * reading for exports and search, which must not change.
 *
 * Written here because no maintained package does this: `unicode2latex` maps single macros the
 * other way round and `latex-to-unicode` is an unmaintained port. Every character these tables
 * produce is one the card's fonts draw (`lib/og/fonts/README.md`), which a test checks glyph by
 * glyph; a script whose characters are not all in them stays plain (`R_f`, never `Rf`).
 */

/**
 * Greek letters by their LaTeX names, in Unicode's order from α (U+03B1) and Α (U+0391); the
 * capitals LaTeX writes as Latin letters are harmless extra names.
 */
const GREEK_NAMES =
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho varsigma sigma tau upsilon phi chi psi omega'
const GREEK: Record<string, string> = Object.fromEntries(
  GREEK_NAMES.split(' ').flatMap((name, index) => {
    const capital = name.charAt(0).toUpperCase() + name.slice(1)
    // No capital final sigma: U+03A2 is unassigned.
    const letters = [[name, String.fromCodePoint(0x3b1 + index)]]
    return name === 'varsigma' ? letters : [...letters, [capital, String.fromCodePoint(0x391 + index)]]
  }),
)

const SYMBOLS: Record<string, string> = {
  ...GREEK,
  varepsilon: 'ε',
  vartheta: 'ϑ',
  varpi: 'ϖ',
  varrho: 'ϱ',
  varphi: 'φ',
  ell: 'ℓ',
  hbar: 'ħ',
  aleph: 'ℵ',
  Re: 'ℜ',
  Im: 'ℑ',
  partial: '∂',
  nabla: '∇',
  infty: '∞',
  emptyset: '∅',
  varnothing: '∅',
  forall: '∀',
  exists: '∃',
  nexists: '∄',
  neg: '¬',
  lnot: '¬',
  top: '⊤',
  bot: '⊥',
  angle: '∠',
  prime: '′',
  dagger: '†',
  ddagger: '‡',
  ldots: '…',
  dots: '…',
  cdots: '⋯',
  vdots: '⋮',
  ddots: '⋱',
  langle: '⟨',
  rangle: '⟩',
  lceil: '⌈',
  rceil: '⌉',
  lfloor: '⌊',
  rfloor: '⌋',
  vert: '|',
  mid: '|',
  Vert: '‖',
  parallel: '∥',
  lbrace: '{',
  rbrace: '}',
  backslash: '\\',
  sum: '∑',
  prod: '∏',
  coprod: '∐',
  int: '∫',
  iint: '∬',
  oint: '∮',
  bigcup: '⋃',
  bigcap: '⋂',
  pm: '±',
  mp: '∓',
  times: '×',
  div: '÷',
  cdot: '·',
  ast: '∗',
  star: '⋆',
  circ: '∘',
  bullet: '•',
  oplus: '⊕',
  ominus: '⊖',
  otimes: '⊗',
  odot: '⊙',
  cup: '∪',
  cap: '∩',
  setminus: '∖',
  wedge: '∧',
  land: '∧',
  vee: '∨',
  lor: '∨',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  sim: '∼',
  simeq: '≃',
  cong: '≅',
  equiv: '≡',
  propto: '∝',
  ll: '≪',
  gg: '≫',
  lesssim: '≲',
  gtrsim: '≳',
  prec: '≺',
  succ: '≻',
  subset: '⊂',
  subseteq: '⊆',
  supset: '⊃',
  supseteq: '⊇',
  in: '∈',
  notin: '∉',
  ni: '∋',
  perp: '⊥',
  models: '⊨',
  vdash: '⊢',
  coloneqq: '≔',
  to: '→',
  rightarrow: '→',
  longrightarrow: '→',
  leftarrow: '←',
  gets: '←',
  longleftarrow: '←',
  leftrightarrow: '↔',
  Rightarrow: '⇒',
  implies: '⇒',
  Leftarrow: '⇐',
  Leftrightarrow: '⇔',
  iff: '⇔',
  mapsto: '↦',
  hookrightarrow: '↪',
  uparrow: '↑',
  downarrow: '↓',
}

/** Characters with a Unicode subscript form that the card's fonts draw. */
const SUBSCRIPTS: Record<string, string> = {
  ...digitsFrom('₀₁₂₃₄₅₆₇₈₉'),
  '+': '₊',
  '-': '₋',
  '−': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
  a: 'ₐ',
  e: 'ₑ',
  h: 'ₕ',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  o: 'ₒ',
  p: 'ₚ',
  r: 'ᵣ',
  s: 'ₛ',
  t: 'ₜ',
  u: 'ᵤ',
  v: 'ᵥ',
  x: 'ₓ',
}

/** Characters with a Unicode superscript form that the card's fonts draw (no capitals: they lack ᴬ…ᵂ). */
const SUPERSCRIPTS: Record<string, string> = {
  ...digitsFrom('⁰¹²³⁴⁵⁶⁷⁸⁹'),
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  '∗': '*',
  '*': '*',
  '′': '′',
  '∘': '°',
  a: 'ᵃ',
  b: 'ᵇ',
  c: 'ᶜ',
  d: 'ᵈ',
  e: 'ᵉ',
  f: 'ᶠ',
  g: 'ᵍ',
  h: 'ʰ',
  i: 'ⁱ',
  j: 'ʲ',
  k: 'ᵏ',
  l: 'ˡ',
  m: 'ᵐ',
  n: 'ⁿ',
  o: 'ᵒ',
  p: 'ᵖ',
  r: 'ʳ',
  s: 'ˢ',
  t: 'ᵗ',
  u: 'ᵘ',
  v: 'ᵛ',
  w: 'ʷ',
  x: 'ˣ',
  y: 'ʸ',
  z: 'ᶻ',
}

function digitsFrom(forms: string): Record<string, string> {
  return Object.fromEntries([...forms].map((form, digit) => [String(digit), form]))
}

/**
 * Capitals in a mathematical alphabet: the Letterlike Symbols block holds the letters that were
 * encoded first (ℝ, ℒ), so the Mathematical Alphanumeric block has holes where they are.
 */
function alphabet(first: number, letterlike: Record<string, string>): (letter: string) => string {
  return (letter) => {
    if (!/^[A-Z]$/.test(letter)) return letter
    return letterlike[letter] ?? String.fromCodePoint(first + letter.charCodeAt(0) - 65)
  }
}

const STYLED: Record<string, (letter: string) => string> = {
  mathbb: alphabet(0x1d538, { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' }),
  mathcal: alphabet(0x1d49c, { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ' }),
}
STYLED.mathscr = STYLED.mathcal!

/** Commands whose argument is shown as it is: fonts, text, accents (Unicode's combining accents would need glyphs per letter). */
const ARGUMENT_ONLY = new Set(
  (
    'mathrm mathit mathbf mathsf mathtt mathnormal boldsymbol bm operatorname text textrm textit textbf ' +
    'textsf texttt textup mbox emph hat widehat tilde widetilde bar overline vec dot ddot acute grave ' +
    'breve check underline mathring'
  ).split(' '),
)
/** Sizing and spacing that has no character of its own (`\left(` is `(`). */
const DROPPED = new Set(
  'left right big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr displaystyle textstyle scriptstyle limits nolimits !'.split(
    ' ',
  ),
)
const SPACES = new Set([',', ':', ';', ' ', 'quad', 'qquad', 'enspace', 'thinspace', '\\'])

/** Deeper nesting than a title ever has is read as plain text: the reader is recursive. */
const MAX_DEPTH = 32

class Reader {
  private readonly tokens: string[]
  private at = 0

  constructor(tex: string) {
    // A command word, an escaped character, a run of spaces or one code point.
    this.tokens = tex.match(/\\[A-Za-z]+|\\[\s\S]|\s+|[\s\S]/gu) ?? []
  }

  peek(): string | undefined {
    return this.tokens[this.at]
  }

  next(): string | undefined {
    return this.tokens[this.at++]
  }
}

function readAll(reader: Reader): string {
  let out = ''
  while (reader.peek() !== undefined) {
    if (reader.peek() === '}') reader.next()
    else out += readAtom(reader, 0)
  }
  return out
}

/** Atoms up to the `}` closing the group (left for the caller) or the end. */
function readGroup(reader: Reader, depth: number): string {
  if (depth > MAX_DEPTH) throw new RangeError('math nested too deeply')
  let out = ''
  while (reader.peek() !== undefined && reader.peek() !== '}') out += readAtom(reader, depth)
  return out
}

/** A command's argument or a script: a `{group}` or the next atom, spaces before it skipped. */
function readArgument(reader: Reader, depth: number): string {
  while (reader.peek()?.trim() === '') reader.next()
  return reader.peek() === undefined || reader.peek() === '}' ? '' : readAtom(reader, depth + 1)
}

function readAtom(reader: Reader, depth: number): string {
  const token = reader.next() ?? ''
  if (token === '{') {
    const group = readGroup(reader, depth + 1)
    reader.next()
    return group
  }
  if (token === '^' || token === '_') return script(token, readArgument(reader, depth))
  if (token.trim() === '') return ' '
  if (token === "'") return '′'
  if (token === '-') return '−'
  if (token === '~' || token === '&') return ' '
  if (token.startsWith('\\')) return command(token.slice(1), reader, depth)
  return token
}

function command(name: string, reader: Reader, depth: number): string {
  const symbol = SYMBOLS[name]
  if (symbol) return symbol
  if (SPACES.has(name)) return ' '
  if (DROPPED.has(name)) return ''
  if (ARGUMENT_ONLY.has(name)) return readArgument(reader, depth)
  const style = STYLED[name]
  if (style) return [...readArgument(reader, depth)].map(style).join('')
  if (name === 'sqrt') return squareRoot(reader, depth)
  if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
    const numerator = readArgument(reader, depth)
    return `${grouped(numerator)}/${grouped(readArgument(reader, depth))}`
  }
  // An operator (`\log n`, `\log{n}`) or a command this reading does not know: its name, which must
  // not run into the letters after it. An escaped character (`\{`, `\%`): the character.
  const word = /^[A-Za-z]+$/.test(name) && /^[\p{L}\p{N}{]/u.test(reader.peek() ?? '')
  return word ? `${name} ` : name
}

function squareRoot(reader: Reader, depth: number): string {
  if (reader.peek() === '[') {
    while (reader.peek() !== undefined && reader.next() !== ']');
  }
  return `√${grouped(readArgument(reader, depth))}`
}

/** `x` alone, `(a+b)` with parentheses wherever the reading would be ambiguous without them. */
function grouped(text: string): string {
  const trimmed = text.trim()
  return [...trimmed].length <= 1 || /^√?[\p{L}\p{N}.]+$/u.test(trimmed) ? trimmed : `(${trimmed})`
}

/** `t` as `ₜ` when every character has its form, else the LaTeX marker kept: `R_f`, `2^(n+1)`. */
function script(marker: '^' | '_', text: string): string {
  const forms = marker === '^' ? SUPERSCRIPTS : SUBSCRIPTS
  const chars = [...text.trim()]
  if (chars.length === 0) return ''
  if (chars.every((char) => forms[char])) return chars.map((char) => forms[char]).join('')
  return marker + grouped(text)
}

/** Unicode reading of LaTeX math without its delimiters: `\epsilon_t \approx 0.2\sqrt{R_f}` → `εₜ ≈ 0.2√(R_f)`. */
export function mathToUnicode(tex: string): string {
  let text: string
  try {
    text = readAll(new Reader(tex))
  } catch {
    text = mathToPlainText(tex)
  }
  return text.replace(/\s+/g, ' ').trim()
}

/** Text whose `$…$` math is read as Unicode (`mathToUnicode`); the text around it is left as it is. */
export function latexToUnicode(value: string): string {
  return splitMath(value)
    .map((segment) => (segment.math ? mathToUnicode(segment.tex) : segment.text))
    .join('')
}

/** Every character the readings above can produce, for the test that the card's fonts draw them. */
export const UNICODE_MATH_OUTPUT: readonly string[] = [
  ...new Set([
    ...Object.values(SYMBOLS),
    ...Object.values(SUBSCRIPTS),
    ...Object.values(SUPERSCRIPTS),
    ...Object.values(STYLED).flatMap((style) => [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map(style)),
    ...'′−√/()|',
  ]),
]
