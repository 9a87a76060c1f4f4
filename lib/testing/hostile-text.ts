/**
 * Text no output may be broken by, shared by the unit tests and the fuzz: what a hand-edited file
 * can hold even though the dashboard refuses most of it.
 */

/** Controls, noncharacters and lone surrogates: refused in every field, stripped from XML. */
export const FORBIDDEN_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
]

/** Breaks a single-line field may not hold (an abstract may). */
export const LINE_BREAKS = ['\t', '\n', '\r', '\u2028', '\u2029']

/** What opens a group, a comment or markup in BibTeX, LaTeX or XML. */
export const MARKUP_SPECIALS = ['\\', '{', '}', '%', '@', '#', '&', '$', '_', '~', '^', '<b>', '<span class="x">']

/** Numeric references to no character, and entities. */
export const REFERENCES = ['&#x110000;', '&#0;', '&#xD800;', '&amp;']
