import { mathToPlainText, splitMath } from './math'

/**
 * Plain text of a string that may hold LaTeX math: `$\epsilon_t \approx 0.2\sqrt{R_f}$` becomes
 * `ε_t ≈ 0.2√(R_f)`. Good enough for meta descriptions and search, not for typesetting.
 */
export function latexToPlainText(value: string): string {
  const text = splitMath(value)
    .map((segment) => (segment.math ? mathToPlainText(segment.tex) : segment.text))
    .join('')
  return withoutControls(text.replace(/\s+/g, ' ').trim())
}

// Text-mode commands that stand for a letter (`{\o}`, `\ss`); any other command is markup.
const LATEX_LETTERS: Record<string, string> = {
  o: 'ø',
  O: 'Ø',
  ss: 'ß',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'j',
}
// Accents written as a command on the next letter (`\"o`, `\'{e}`): the letter is what is left.
const LATEX_ACCENTS = new Set(['"', "'", '`', '^', '~', '=', '.'])

/**
 * Text-mode LaTeX reduced to its letters, for slugs, matching and what the BibTeX parser could not
 * read: `Sch{\"o}lkopf` → `Scholkopf`, `{\o}` → `ø`, `\emph{x}` → `x`, `50\%` → `50%`. Math is not
 * read here (`splitMath`).
 */
export function latexLetters(value: string): string {
  return value
    .replace(/\\([a-zA-Z]+)\s*/g, (_, name: string) => LATEX_LETTERS[name] ?? '')
    .replace(/\\([^a-zA-Z\s])/g, (_, char: string) => (LATEX_ACCENTS.has(char) ? '' : char))
    .replace(/[{}]/g, '')
}

/**
 * What XML 1.0 cannot carry (https://www.w3.org/TR/xml/#charsets) removed: C0 controls but tab,
 * newline and carriage return, U+FFFE, U+FFFF and lone surrogates. Schema-valid text holds none;
 * this keeps a hand-edited file from making a feed ill-formed.
 */
export function withoutControls(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu, '')
}

/** Text made safe inside XML or HTML elements and quoted attributes (and without what XML cannot carry). */
export function escapeXml(value: string): string {
  return withoutControls(value).replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  )
}

/**
 * Whether every brace closes one opened before it and all are closed at the end. BibTeX counts
 * every brace; in LaTeX source (`latexEscapes`) `\{` and `\}` are characters, not groups.
 */
export function bracesBalanced(text: string, { latexEscapes = false } = {}): boolean {
  let depth = 0
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i)
    if (latexEscapes && char === '\\') i += 1
    else if (char === '{') depth += 1
    else if (char === '}' && --depth < 0) return false
  }
  return depth === 0
}
