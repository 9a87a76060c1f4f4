import fs from 'node:fs'
import path from 'node:path'
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-csl'
import { parse as parseName } from '@citation-js/name'
import { arxivUrl } from '../../domain/links'
import type { PublicationFrontmatter, PublicationType } from '../../domain/schema'
import { logOnce } from '../../server/log'
import { mdxToPlainText } from '../../markup/plain-text'
import { bracesBalanced, latexToPlainText } from '../../markup/text'
import { ARXIV, arxivFields, arxivIdOf, oneLine, type CslItem, type CslName } from './record'
import { risRecord } from './ris'

export type { CslItem }

/**
 * Citations of a paper in every format a reader's manuscript may need, made from one CSL-JSON
 * record: the styles (citeproc) and BibTeX by citation-js, RIS by `./ris`.
 */

const CSL_TYPES: Record<PublicationType, string> = {
  article: 'article-journal',
  conference: 'paper-conference',
  preprint: 'article',
  thesis: 'thesis',
  book: 'book',
  chapter: 'chapter',
  talk: 'speech',
  other: 'document',
}

/**
 * The official CSL styles citation-js does not ship (it has APA), vendored unchanged from
 * citation-style-language/styles (CC BY-SA 3.0, `styles/README.md`) and read once, at first use.
 */
export const STYLE_FILES = {
  mla: 'modern-language-association.csl',
  chicago: 'chicago-author-date.csl',
} as const

export function styleFile(name: string): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), 'lib', 'formats', 'citations', 'styles', name)
}

let registered = false
function registerStyles() {
  if (registered) return
  const templates = plugins.config.get('@csl').templates
  for (const [id, file] of Object.entries(STYLE_FILES)) templates.add(id, fs.readFileSync(styleFile(file), 'utf8'))
  registered = true
}

/** The characters of a name but spaces and commas, in a fixed order: equal when two spellings hold the same characters. */
function nameCharacters(text: string): string {
  return [...text.replace(/[\s,]/g, '')].sort().join('')
}

/**
 * A name split into CSL parts by `@citation-js/name`. It throws on some strings (a line break, an
 * empty name) and drops parts of others (the particle of "von Neumann", a leading "α"): a name
 * whose parts do not hold every character it has stays whole, as one literal name.
 */
function toCslName(name: string): CslName {
  const clean = oneLine(name)
  if (!clean) return { literal: '?' }
  try {
    const parsed: CslName = parseName(clean)
    const parts = [
      parsed.given,
      parsed['dropping-particle'],
      parsed['non-dropping-particle'],
      parsed.family,
      parsed.suffix,
      parsed.literal,
    ]
    return parsed.family && nameCharacters(parts.join('')) === nameCharacters(clean) ? parsed : { literal: clean }
  } catch {
    return { literal: clean }
  }
}

/**
 * A link as the citation files carry it: absolute (a path on this site is resolved against the
 * paper's page) and in the WHATWG serialisation, so spaces, quotes and `<`/`>` are percent-encoded.
 */
function citableUrl(value: string, base: string | undefined): string | undefined {
  try {
    return new URL(oneLine(value), base).href
  } catch {
    return undefined
  }
}

type Citable = PublicationFrontmatter & { body?: string }

/** A venue that only says "on arXiv", as importers and BibTeX files write one ("arXiv preprint arXiv:…", DBLP's "CoRR"). */
const NAMES_ARXIV = /arxiv|^corr$/i

/**
 * Where a preprint is, as CSL's `publisher` (Zotero's "Repository"): arXiv when its venue says
 * so or it has none but an arXiv id, else its venue ("bioRxiv"). Never a container-title: a
 * preprint is in no journal, and APA would print "In arXiv preprint arXiv:…".
 */
function preprintRepository(venue: string | undefined, arxiv: string | undefined): string | undefined {
  if (venue && !NAMES_ARXIV.test(venue)) return venue
  return venue || arxiv ? ARXIV : undefined
}

/**
 * The paper as CSL-JSON under `key`, its BibTeX key: the one `citationKeys` (lib/formats/bibtex.ts)
 * gives it, unique across the public list, so that every file cites it alike. `pageUrl` is its
 * page on this site, the fallback link.
 */
export function toCsl(publication: Citable, key: string, pageUrl?: string): CslItem {
  const type = publication.type ?? 'other'
  const venue = publication.venue ? oneLine(publication.venue) : undefined
  const arxiv = publication.arxiv ? oneLine(publication.arxiv) : undefined
  const link = publication.website ?? publication.pdf ?? (arxiv ? arxivUrl(arxiv) : undefined)
  const url = (link ? citableUrl(link, pageUrl) : undefined) ?? (pageUrl ? citableUrl(pageUrl, undefined) : undefined)
  const abstract = publication.body ? oneLine(mdxToPlainText(publication.body)) : ''
  const item: CslItem = {
    id: key,
    'citation-key': key,
    type: CSL_TYPES[type],
    title: oneLine(latexToPlainText(publication.title)),
    // Names only: co-first and corresponding marks are roles, never part of a name.
    author: publication.authors.map((author) => toCslName(author.name)),
    issued: { 'date-parts': [publication.month ? [publication.year, publication.month] : [publication.year]] },
  }
  if (type === 'preprint' || type === 'thesis' || type === 'book') {
    const publisher = type === 'preprint' ? preprintRepository(venue, arxiv) : venue
    if (publisher) item.publisher = publisher
  } else if (venue) item['container-title'] = venue
  Object.assign(item, arxivFields(arxiv, item.publisher))
  if (type === 'thesis') item.genre = 'PhD thesis'
  if (publication.venueShort && item['container-title']) item['container-title-short'] = oneLine(publication.venueShort)
  if (publication.volume) item.volume = oneLine(publication.volume)
  if (publication.issue) item.issue = oneLine(publication.issue)
  if (publication.pages)
    item.page = oneLine(publication.pages)
      .split(/[–—]/)
      .map((part) => part.trim())
      .join('-')
  if (publication.doi) item.DOI = oneLine(publication.doi)
  if (url) item.URL = url
  if (abstract) item.abstract = abstract
  if (publication.tags?.length) item.keyword = publication.tags.map(oneLine).join(',')
  return item
}

/**
 * `toCsl`, or when that throws (only a hand-edited file can make it) a record of the title, year
 * and link alone, logged once: one paper's citation files degrade, they never fail.
 */
export function citableItem(publication: Citable, pageUrl: string, key: string): CslItem {
  try {
    return toCsl(publication, key, pageUrl)
  } catch (error) {
    logOnce(`csl:${key}`, `The CSL record of ${key} could not be made; giving a minimal one`, error)
    const year = Number.isInteger(publication.year) ? publication.year : 0
    return minimalCsl({
      id: key,
      'citation-key': key,
      type: 'document',
      title: oneLine(String(publication.title)),
      author: [],
      issued: { 'date-parts': [[year]] },
      URL: pageUrl,
    })
  }
}

/**
 * What is left of a paper when its full record cannot be formatted (only a hand-edited file can
 * make that happen): the title's letters and digits, the year and the link, which format anywhere.
 */
function minimalCsl(item: CslItem): CslItem {
  const title =
    item.title
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9 ]+/g, ' ')
      .replace(/ +/g, ' ')
      .trim() || item['citation-key']
  return {
    id: item.id,
    'citation-key': item['citation-key'],
    type: 'document',
    title,
    author: [],
    issued: item.issued,
    ...(item.URL ? { URL: item.URL } : {}),
  }
}

/** The result of `format(item)`, or of `format(minimalCsl(item))` when the first throws (logged once per paper and reason). */
function withFallback(item: CslItem, what: string, format: (item: CslItem) => string): string {
  try {
    return format(item)
  } catch (error) {
    logOnce(`${what}:${item.id}`, `The ${what} of ${item.id} could not be made; giving a minimal one`, error)
    return format(minimalCsl(item))
  }
}

export type CitationStyle = 'apa' | 'mla' | 'chicago'
export const CITATION_STYLES: { id: CitationStyle; label: string }[] = [
  { id: 'apa', label: 'APA' },
  { id: 'mla', label: 'MLA' },
  { id: 'chicago', label: 'Chicago' },
]

export function formatCitation(items: CslItem | CslItem[], style: CitationStyle): string {
  // Inside the fallback: a style that cannot be read costs a paper its citation text, never its page.
  const format = (data: CslItem | CslItem[]) => {
    registerStyles()
    return new Cite(data).format('bibliography', { template: style, format: 'text', lang: 'en-US' }).trim()
  }
  return Array.isArray(items) ? format(items) : withFallback(items, `${style} citation`, format)
}

/**
 * Compiles each style once (citeproc takes about 2 s for the 168 kB Chicago style), so the first
 * paper page after a start does not hold the server's thread for it. Called by the start path.
 */
export function warmCitationStyles(): void {
  const item: CslItem = {
    id: 'warm',
    'citation-key': 'warm',
    type: 'article-journal',
    title: 'A title',
    author: [{ family: 'Lovelace', given: 'Ada' }],
    issued: { 'date-parts': [[2020]] },
  }
  try {
    for (const { id } of CITATION_STYLES) formatCitation(item, id)
  } catch (error) {
    // The first citation will try again (and fall back); a start never fails for this.
    logOnce('citation-styles', 'Could not compile the citation styles at start', error)
  }
}

// ------------------------------------------------------------------------------------------------
// BibTeX

/**
 * citation-js reads `<i>`, `<b>`, `<sc>`, `<sup>`, `<sub>` and `<span …>` in CSL text as markup and
 * writes `\textit{`… for them, closing only the ones that are closed: an unclosed `<b>` leaves a
 * `\textbf{` open and swallows every entry after it. Our CSL text is plain, so every `<` is a
 * character: handed over as U+FE64 SMALL LESS-THAN SIGN, which no tag pattern matches and which
 * citation-js's own NFKD normalisation turns back into `<` before escaping it as `\textless{}`.
 */
function noMarkup(value: string): string {
  return value.replaceAll('<', '\ufe64')
}

/**
 * LaTeX's specials escaped, as citation-js escapes other text: for the names it writes without
 * escaping (see `bibtexName`). Braces become `\textbraceleft{}`, never `\{`: BibTeX counts every
 * brace, escaped or not, so `\{` alone would leave a group open.
 */
function escapeLatex(value: string): string {
  return value.replace(/[\\{}%&$#_~^`]/g, (char) => LATEX_SPECIALS[char] ?? char)
}
const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '`': '\\textasciigrave{}',
}

/**
 * A name as citation-js should write it into BibTeX's `author` field. citation-js escapes a
 * name with a given name, but writes a family-only (or literal) name between braces as it is, so
 * `\` became `{\}` and `{` an unclosed brace. Names BibTeX would split wrongly (a comma or the word
 * "and" inside a part) are written whole, as one braced, escaped literal, like family-only names.
 */
function bibtexName(name: CslName): CslName {
  const parts = [name.given, name.family, name['non-dropping-particle'], name['dropping-particle'], name.suffix].filter(
    (part) => part !== undefined,
  )
  const splitsWrongly = parts.some((part) => part.includes(',') || /(^|\s)and(\s|$)/i.test(part))
  if (name.given && name.family && !splitsWrongly) return name
  const whole =
    name.literal ??
    [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix]
      .filter(Boolean)
      .join(' ')
  return { family: escapeLatex(whole) }
}

/**
 * BibTeX's `doi` and `url` are verbatim, and citation-js copies them as they are: what would open
 * or close a group or math there (braces, `\`, `$`) and what no URL holds unencoded is
 * percent-encoded, as RFC 3986 allows.
 */
function verbatim(value: string): string {
  return value.replace(
    /[{}\\$\s"<>^`|]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )
}

/**
 * Characters citation-js has no LaTeX for (CJK, emoji, most symbols) it drops from BibTeX. They
 * are handed over as letter-only placeholders and put back, as themselves, into its output.
 */
function protectUnmapped(tag: string, kept: string[]): (value: string) => string {
  return (value) =>
    value.replace(/[^\u0000-\u007f]/gu, (char) => {
      if (bibtexKeeps(char)) return char
      kept.push(char)
      return `${tag}${letters(kept.length - 1)}${tag}`
    })
}

/** A number in the letters a–j: digits would let citation-js or BibTeX read the placeholder apart. */
function letters(n: number): string {
  return [...String(n)].map((digit) => String.fromCharCode(97 + Number(digit))).join('')
}

const keepsCache = new Map<string, boolean>()
/** Whether citation-js writes `char` into BibTeX (as itself or as LaTeX) rather than dropping it; asked once per character. */
function bibtexKeeps(char: string): boolean {
  const known = keepsCache.get(char)
  if (known !== undefined) return known
  const probe = new Cite({ id: 'p', type: 'document', title: `a${char}b` }).format('bibtex', { format: 'text' })
  const keeps = !/title = \{ab\}/.test(probe)
  if (keepsCache.size < 10_000) keepsCache.set(char, keeps)
  return keeps
}

const NAME_PARTS = ['given', 'family', 'non-dropping-particle', 'dropping-particle', 'suffix'] as const

/** The item with every value in the shape citation-js writes into valid BibTeX (see the functions above). */
function forBibtex(item: CslItem, protect: (value: string) => string): CslItem {
  const text = (value: string | undefined) => (value === undefined ? undefined : protect(noMarkup(value)))
  const copy: CslItem = {
    ...item,
    title: protect(noMarkup(item.title)),
    // Every part: citation-js drops a character it cannot write from a particle as from a family name.
    author: item.author.map(bibtexName).map((name) => {
      const protectedName: CslName = { ...name }
      for (const part of NAME_PARTS) {
        const value = name[part]
        if (value) protectedName[part] = protect(value)
      }
      return protectedName
    }),
  }
  for (const field of [
    'container-title',
    'container-title-short',
    'publisher',
    'volume',
    'issue',
    'page',
    'abstract',
    'keyword',
    'genre',
  ] as const) {
    const value = text(item[field])
    if (value !== undefined) copy[field] = value
  }
  if (item.DOI) copy.DOI = verbatim(item.DOI)
  if (item.URL) copy.URL = verbatim(item.URL)
  return copy
}

/** A BibTeX entry as citation-js gives it with `format: 'object'`: its values already escaped. */
type BibtexObject = { type: string; label: string; properties: Record<string, string> }
declare module '@citation-js/core' {
  interface Cite {
    format(format: 'bibtex', options: { format: 'object' }): BibtexObject[]
  }
}

/**
 * citation-js's entry as reference managers expect it. A paper on arXiv gets `eprint` and
 * `archivePrefix` (what arXiv's own "Export BibTeX citation" writes, and biblatex reads); a
 * preprint is `@misc`, as arXiv exports one: no journal, and on arXiv no publisher. Left out: the
 * copy of `url` citation-js puts into `howpublished` (one link field), and the arXiv id where CSL
 * carries it (`note`, `number`). The key is ours: citation-js replaces characters it is wary of
 * (DBLP's `DBLP:journals/…`).
 */
function asReferenceManagersExpect(entry: BibtexObject, item: CslItem): BibtexObject {
  const arxiv = arxivIdOf(item)
  const preprint = item.type === 'article'
  const leftOut = ([field, value]: [string, string]) =>
    (field === 'howpublished' && value === entry.properties.url) ||
    (arxiv !== undefined && (field === 'note' || field === 'number') && value === `arXiv:${arxiv}`) ||
    (arxiv !== undefined && preprint && field === 'publisher' && value === ARXIV)
  const fields = Object.entries(entry.properties).filter((field) => !leftOut(field))
  if (arxiv) fields.push(['eprint', arxiv], ['archivePrefix', ARXIV])
  return { type: preprint ? 'misc' : entry.type, label: item['citation-key'], properties: Object.fromEntries(fields) }
}

/** An entry laid out as citation-js lays out its text (which it makes only from its own entries). */
function bibtexText({ type, label, properties }: BibtexObject): string {
  const fields = Object.entries(properties).map(([field, value]) => `\t${field} = {${value}},\n`)
  return `@${type}{${label},\n${fields.join('')}}`
}

function bibtexEntry(item: CslItem): string {
  const all = JSON.stringify(item)
  let tag = 'qzx'
  while (all.toLowerCase().includes(tag)) tag += 'q'
  const kept: string[] = []
  const [entry] = new Cite(forBibtex(item, protectUnmapped(tag, kept))).format('bibtex', { format: 'object' })
  if (!entry) throw new Error('citation-js made no BibTeX entry')
  // Split on the tag, the placeholders' numbers are the odd parts.
  const restored = bibtexText(asReferenceManagersExpect(entry, item))
    .split(tag)
    .map((part, index) =>
      index % 2 === 1 ? (kept[Number([...part].map((c) => c.charCodeAt(0) - 97).join(''))] ?? '') : part,
    )
    .join('')
  // The last guard: an entry whose braces do not balance would swallow the entries after it.
  if (!bracesBalanced(restored)) throw new Error('unbalanced braces in the BibTeX entry')
  return restored
}

/** BibTeX, valid and LaTeX-escaped by citation-js; one entry per item, each whole on its own. */
export function toBibtexEntries(items: CslItem | CslItem[]): string {
  return (Array.isArray(items) ? items : [items])
    .map((item) => withFallback(item, 'BibTeX entry', bibtexEntry))
    .join('\n\n')
}

/** The BibTeX entry of one paper under `key` (valid, LaTeX-escaped, names without role marks). */
export function toBibtex(publication: Citable, key: string, pageUrl?: string): string {
  return toBibtexEntries(toCsl(publication, key, pageUrl))
}

/** RIS, one record per item (`./ris`). */
export function toRis(items: CslItem | CslItem[]): string {
  return (Array.isArray(items) ? items : [items]).map(risRecord).join('\n')
}

export function toCslJson(items: CslItem | CslItem[]): string {
  return JSON.stringify(items, null, 2)
}
