import { parse, type Creator, type Entry, type Library, type Options } from '@retorquere/bibtex-parser'
import { bibtexKeyFor } from '../formats/bibtex'
import {
  publicationSchema,
  isWindowsReserved,
  SLUG_PATTERN,
  type Author,
  type PublicationFrontmatter,
  type PublicationType,
} from '../domain/schema'
import { latexToPlainText, normalizeText } from '../markup/text'

/** One pasted entry, turned into a draft publication the owner reviews before saving. */
export type ImportedEntry = {
  /** The BibTeX key as written (it becomes `frontmatter.bibtexKey` only if the schema accepts it). */
  key: string
  frontmatter: PublicationFrontmatter
  /** The abstract as MDX-safe text (math kept as `$…$`), or `''`. */
  body: string
  warnings: string[]
  /** 1-based line of the entry's `@` in the pasted text. */
  line: number
}

export type ImportError = { line?: number; key?: string; message: string }

export type ImportResult = { entries: ImportedEntry[]; errors: ImportError[] }

export type DuplicateReason = 'doi' | 'arxiv' | 'bibtexKey' | 'title'

/** What duplicate detection needs of a publication already on the site. */
export type ExistingPublication = { slug: string } & Pick<PublicationFrontmatter, 'title'> &
  Partial<Pick<PublicationFrontmatter, 'doi' | 'arxiv' | 'bibtexKey' | 'authors' | 'year'>>

const MAX_TAGS = 10
const SLUG_MAX = 80

/** Fields read as raw LaTeX, so that math survives: the parser itself would turn `$\epsilon$` into `ϵ`. */
const TEXT_FIELDS = [
  'title',
  'abstract',
  'journal',
  'booktitle',
  'school',
  'institution',
  'publisher',
  'howpublished',
  'organization',
  'note',
  'volume',
  'number',
  'pages',
] as const

const parserOptions = (): Options => ({ sentenceCase: false, verbatimFields: [...TEXT_FIELDS] })

const VENUE_FIELDS: Record<PublicationType, readonly string[]> = {
  article: ['journal', 'howpublished', 'publisher'],
  preprint: ['journal', 'howpublished', 'publisher', 'institution'],
  conference: ['booktitle', 'journal', 'publisher', 'organization'],
  thesis: ['school', 'institution', 'publisher'],
  book: ['publisher'],
  chapter: ['booktitle', 'publisher'],
  talk: ['howpublished', 'booktitle'],
  other: ['howpublished', 'institution', 'publisher'],
}
const VENUE_FALLBACK = ['journal', 'booktitle', 'school', 'institution', 'publisher', 'howpublished'] as const

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const

const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/
const ARXIV_IN_TEXT = /arxiv(?:\.org\/(?:abs|pdf)\/|\s*:\s*)([^\s,;{}]+)/i

// -----------------------------------------------------------------------------------------------
// LaTeX text → plain text with math kept

type Segment = { math: boolean; text: string }

/**
 * A field value with math and literal `<`/`>` swapped for letter-only placeholders: the parser turns
 * math into Unicode and, following LaTeX's OT1 encoding, `<` into `¡` and `>` into `¿`.
 */
function protect(raw: string, tag: string, math: string[]): string {
  let out = ''
  let i = 0
  const stash = (formula: string) => {
    math.push(formula.replace(/\s+/g, ' '))
    return `${tag}m${math.length - 1}${tag}`
  }
  while (i < raw.length) {
    const char = raw.charAt(i)
    const next = raw.charAt(i + 1)
    // The parser's raw output writes `$$…$$` as `\[…\]`; people write `\(…\)` too.
    if (char === '\\' && (next === '(' || next === '[')) {
      const end = closing(raw, i + 2, next === '(' ? '\\)' : '\\]')
      if (end !== -1) {
        const delimiter = next === '(' ? '$' : '$$'
        out += stash(`${delimiter}${raw.slice(i + 2, end).trim()}${delimiter}`)
        i = end + 2
        continue
      }
    }
    if (char === '\\') {
      out += raw.slice(i, i + 2)
      i += 2
      continue
    }
    if (char === '$') {
      const delimiter = next === '$' ? '$$' : '$'
      const end = closing(raw, i + delimiter.length, delimiter)
      if (end === -1) {
        out += '\\$'
        i += 1
      } else {
        out += stash(raw.slice(i, end + delimiter.length))
        i = end + delimiter.length
      }
      continue
    }
    if (char === '<') out += `${tag}lt${tag}`
    else if (char === '>') out += `${tag}gt${tag}`
    // BibTeX keeps an unescaped `%` as text, LaTeX would read the rest of the line as a comment.
    else if (char === '%') out += '\\%'
    else out += char
    i += 1
  }
  return out
}

/** Index of `delimiter` at or after `from`, skipping backslash escapes; -1 if absent. */
function closing(text: string, from: number, delimiter: string): number {
  for (let i = from; i < text.length; i += 1) {
    if (text.startsWith(delimiter, i)) return i
    if (text.charAt(i) === '\\') i += 1
  }
  return -1
}

function bracesBalanced(text: string): boolean {
  let depth = 0
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i)
    if (char === '\\') i += 1
    else if (char === '{') depth += 1
    else if (char === '}' && --depth < 0) return false
  }
  return depth === 0
}

function crudeLatexStrip(latex: string): string {
  return latex
    .replace(/\\([a-zA-Z]+)\s*/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/[{}]/g, '')
}

function tidy(text: string): string {
  return (
    text
      // The parser renders \emph, \textsc, \url… as HTML; every literal `<` was a placeholder, so all tags are its markup.
      .replace(/<[^>]*>/g, '')
      // `\'{\i}` becomes a dotless i plus an accent.
      .replace(/ı(?=\p{M})/gu, 'i')
      .normalize('NFC')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

function unhandledMacro(message: string): string {
  const macro = /^unhandled (?:macro|environment) (.*)$/s.exec(message)?.[1]
  return macro ? `the LaTeX command ${macro} was not recognised and is kept as written` : message
}

/**
 * Converts LaTeX field values (accents, braces, `--`, `\emph`…) to plain text with one parser run,
 * keeping `$…$` math as written. Values are keyed by any name the caller likes.
 */
function convertLatex(values: ReadonlyMap<string, string>): { segments: Map<string, Segment[]>; warnings: string[] } {
  const segments = new Map<string, Segment[]>()
  const warnings: string[] = []
  if (values.size === 0) return { segments, warnings }

  let tag = 'zqx'
  const all = [...values.values()].join('\n')
  while (all.includes(tag)) tag += 'j'
  const math: string[] = []
  const names = [...values.keys()]
  const protectedValues = names.map((name) => protect(values.get(name) ?? '', tag, math))

  const run = (indices: number[]): Map<number, string> | undefined => {
    const body = indices.map((index) => `  f${index} = {${protectedValues[index] ?? ''}}`).join(',\n')
    try {
      const library = parse(`@misc{${tag},\n${body}\n}`, parserOptions())
      const entry = library.entries[0]
      if (!entry?.input || library.errors.some((error) => error.input?.trimStart().startsWith('@'))) return undefined
      for (const error of library.errors) warnings.push(unhandledMacro(error.error))
      const fields = new Map<string, unknown>(Object.entries(entry.fields))
      return new Map(indices.map((index) => [index, stringOf(fields.get(`f${index}`)) ?? '']))
    } catch {
      return undefined
    }
  }

  const indices = names.map((_, index) => index)
  const converted =
    run(indices.filter((index) => bracesBalanced(protectedValues[index] ?? ''))) ?? new Map<number, string>()
  for (const index of indices) {
    if (converted.has(index)) continue
    const single = run([index])?.get(index)
    if (single !== undefined) converted.set(index, single)
    else {
      converted.set(index, crudeLatexStrip(protectedValues[index] ?? ''))
      warnings.push(`could not read the LaTeX in ${names[index] ?? 'a field'}; braces and commands were removed`)
    }
  }

  const placeholder = new RegExp(`${tag}(m\\d+|lt|gt)${tag}`, 'g')
  names.forEach((name, index) => {
    const text = tidy(converted.get(index) ?? '')
    const parts: Segment[] = []
    let last = 0
    const pushText = (value: string) => {
      const previous = parts.at(-1)
      if (previous && !previous.math) previous.text += value
      else if (value) parts.push({ math: false, text: value })
    }
    for (const match of text.matchAll(placeholder)) {
      pushText(text.slice(last, match.index))
      const what = match[1] ?? ''
      if (what === 'lt') pushText('<')
      else if (what === 'gt') pushText('>')
      else parts.push({ math: true, text: math[Number(what.slice(1))] ?? '' })
      last = match.index + match[0].length
    }
    pushText(text.slice(last))
    segments.set(name, parts)
  })
  return { segments, warnings }
}

function plain(segments: readonly Segment[] | undefined): string | undefined {
  const text = segments
    ?.map((segment) => segment.text)
    .join('')
    .trim()
  return text || undefined
}

/**
 * MDX-safe text: outside math, `\ { } < > $` are backslash-escaped so the body holds no JSX, no
 * `{expressions}` and no accidental math; math is left for remark-math.
 */
function toMdx(segments: readonly Segment[]): string {
  const text = segments
    .map((segment) => (segment.math ? segment.text : segment.text.replace(/[\\{}<>$]/g, '\\$&')))
    .join('')
    .trim()
  // A paragraph starting with `import `/`export ` would be read as JavaScript.
  return text.replace(/^(i)(?=mport\b)|^(e)(?=xport\b)/, (letter) => `&#${letter.charCodeAt(0)};`)
}

// -----------------------------------------------------------------------------------------------
// Field helpers

function stringOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed || undefined
}

/** Verbatim fields (URLs, DOIs) as BibTeX writers escape them: `\_`, `\%`, braces. */
function unescapeVerbatim(value: string): string {
  return value
    .replace(/\\([_%&#$~])/g, '$1')
    .replace(/[{}]/g, '')
    .trim()
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

function cleanDoi(value: string): string {
  const doi = unescapeVerbatim(value)
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '')
    .trim()
  try {
    return decodeURIComponent(doi)
  } catch {
    return doi
  }
}

function cleanArxiv(value: string): string {
  return value
    .trim()
    .replace(/^arxiv:\s*/i, '')
    .replace(/\.pdf$/i, '')
}

function maxLength(field: 'title' | 'venue' | 'venueShort' | 'volume' | 'issue' | 'pages'): number {
  const schema = publicationSchema.shape[field]
  const length = 'unwrap' in schema ? schema.unwrap().maxLength : schema.maxLength
  return length ?? Number.POSITIVE_INFINITY
}

const AUTHOR_NAME_MAX = publicationSchema.shape.authors.element.shape.name.maxLength ?? 200
const TAG_MAX = publicationSchema.shape.tags.unwrap().element.maxLength ?? 60
const AUTHORS_MAX = 500 // the schema's `authors` limit

/** The schema refuses over-long text; cut it instead of losing it, and say so. */
function fit(value: string | undefined, max: number, field: string, warnings: string[]): string | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (!trimmed) return undefined
  if (trimmed.length <= max) return trimmed
  warnings.push(`${field}: cut to ${max} characters (was ${trimmed.length})`)
  return `${trimmed.slice(0, max - 1).trimEnd()}…`
}

type Draft = Partial<PublicationFrontmatter>

/** Sets a field only if the schema accepts it on its own; otherwise drops it with a warning naming it. */
function accept<K extends keyof PublicationFrontmatter>(
  draft: Draft,
  key: K,
  value: PublicationFrontmatter[K] | undefined,
  warnings: string[],
): void {
  if (value === undefined) return
  const result = publicationSchema.shape[key].safeParse(value)
  if (result.success) draft[key] = value
  else warnings.push(`${key}: dropped ${JSON.stringify(value)} (${result.error.issues[0]?.message ?? 'invalid'})`)
}

function monthOf(value: string | undefined): number | undefined | 'invalid' {
  if (value === undefined) return undefined
  if (/^\d{1,2}$/.test(value)) {
    const month = Number(value)
    return month >= 1 && month <= 12 ? month : 'invalid'
  }
  const index = MONTHS.findIndex((name) => value.toLowerCase().startsWith(name))
  return index === -1 ? 'invalid' : index + 1
}

function creatorName(creator: Creator): string {
  return tidy(
    creator.name ?? [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' '),
  )
}

function isOthers(creator: Creator): boolean {
  const name = (creator.name ?? (creator.firstName ? '' : creator.lastName) ?? '').trim().toLowerCase()
  return name === 'others'
}

function typeOf(entryType: string, journal: string | undefined, hasArxiv: boolean): PublicationType {
  const journalIsArxiv = journal !== undefined && (/arxiv/i.test(journal) || /^corr$/i.test(journal))
  switch (entryType) {
    case 'article':
      return journalIsArxiv ? 'preprint' : 'article'
    case 'inproceedings':
    case 'conference':
    case 'proceedings':
      return 'conference'
    case 'phdthesis':
    case 'mastersthesis':
    case 'thesis':
      return 'thesis'
    case 'book':
      return 'book'
    case 'incollection':
    case 'inbook':
      return 'chapter'
    case 'misc':
    case 'unpublished':
    case 'online':
    case 'techreport':
      return hasArxiv || journalIsArxiv ? 'preprint' : 'other'
    default:
      return journalIsArxiv ? 'preprint' : 'other'
  }
}

function lineAt(input: string, offset: number): number {
  let line = 1
  for (let i = input.indexOf('\n'); i !== -1 && i < offset; i = input.indexOf('\n', i + 1)) line += 1
  return line
}

/** The directive (`article`, `string`…) and key of an entry's source text. */
function headOf(source: string): { directive?: string; key?: string } {
  const match = /^@\s*([A-Za-z]+)\s*[{(]\s*([^,\s}=]*)/.exec(source.trimStart())
  const directive = match?.[1]?.toLowerCase()
  const key = directive && !['string', 'preamble', 'comment'].includes(directive) ? match?.[2] : undefined
  return { ...(directive ? { directive } : {}), ...(key ? { key } : {}) }
}

function entryLabel(key: string | undefined, line: number | undefined, directive?: string): string {
  const name = key ? `Entry "${key}"` : directive === 'string' ? 'An @string definition' : 'An entry'
  return line === undefined ? name : `${name} (line ${line})`
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

// -----------------------------------------------------------------------------------------------
// One entry

function importEntry(entry: Entry, line: number, noted: string[]): ImportedEntry | ImportError {
  const warnings = [...noted]
  const where = entryLabel(entry.key || undefined, line)
  const fail = (problem: string): ImportError => ({
    line,
    ...(entry.key ? { key: entry.key } : {}),
    message: `${where} ${problem}`,
  })
  const fields = new Map<string, unknown>(Object.entries(entry.fields))
  const raw = (name: string) => stringOf(fields.get(name))

  // Text fields, abstract paragraphs and keywords are converted together, in one parser run.
  const latex = new Map<string, string>()
  for (const name of TEXT_FIELDS) {
    const value = raw(name)
    if (value !== undefined && name !== 'abstract') latex.set(name, value)
  }
  const abstract = raw('abstract')
  const paragraphs = abstract?.split(/\s*(?:\n[ \t]*\n|\\par\b)\s*/).filter(Boolean) ?? []
  const splitAbstract = paragraphs.every(bracesBalanced) ? paragraphs : abstract ? [abstract] : []
  splitAbstract.forEach((paragraph, index) => latex.set(`abstract#${index}`, paragraph))
  const keywordsValue = fields.get('keywords')
  const keywords = Array.isArray(keywordsValue)
    ? keywordsValue.filter((keyword): keyword is string => typeof keyword === 'string')
    : []
  keywords.forEach((keyword, index) => latex.set(`keywords#${index}`, keyword))
  const { segments, warnings: latexWarnings } = convertLatex(latex)
  warnings.push(...latexWarnings)
  const text = (name: string) => plain(segments.get(name))

  const title = fit(text('title'), maxLength('title'), 'title', warnings)
  if (!title) return fail('has no title.')

  let authorCreators = entry.fields.author ?? []
  if (authorCreators.length === 0 && entry.fields.editor?.length) {
    authorCreators = entry.fields.editor
    warnings.push('authors: none given, the editors were used instead')
  }
  if (authorCreators.length > 0 && isOthers(authorCreators[authorCreators.length - 1] ?? {})) {
    authorCreators = authorCreators.slice(0, -1)
    warnings.push('authors: the list was cut short with "and others"; add the missing authors by hand')
  }
  const authors: Author[] = []
  for (const creator of authorCreators) {
    const name = fit(creatorName(creator), AUTHOR_NAME_MAX, 'author name', warnings)
    if (name) authors.push({ name })
  }
  if (authors.length > AUTHORS_MAX) {
    warnings.push(`authors: only the first ${AUTHORS_MAX} of ${authors.length} were kept`)
    authors.length = AUTHORS_MAX
  }
  if (authors.length === 0) return fail('has no authors.')

  const date = /^(\d{4})(?:-(\d{2}))?/.exec(raw('date') ?? '')
  const yearText = raw('year') ?? date?.[1]
  if (yearText === undefined) return fail('has no year.')
  if (!/^\d{4}$/.test(yearText)) return fail(`has a year that is not a number: "${yearText}".`)
  const year = Number(yearText)
  const yearCheck = publicationSchema.shape.year.safeParse(year)
  if (!yearCheck.success)
    return fail(`has year ${year}, which ${yearCheck.error.issues[0]?.message ?? 'is not accepted'}.`)

  const draft: Draft = { title, year }
  const monthText = raw('month') ?? (raw('year') === undefined ? date?.[2] : undefined)
  const month = monthOf(monthText)
  if (month === 'invalid') warnings.push(`month: dropped "${monthText ?? ''}", not a month`)
  else accept(draft, 'month', month, warnings)
  draft.authors = authors

  // arXiv: an eprint marked as arXiv, else an id mentioned in journal / note / url.
  const prefix = (raw('archiveprefix') ?? raw('eprinttype'))?.toLowerCase()
  const eprint = raw('eprint')
  let arxivCandidate: string | undefined
  if (eprint && (prefix === 'arxiv' || (prefix === undefined && /^(arxiv:)?\d{4}\.\d{4,5}(v\d+)?$/i.test(eprint))))
    arxivCandidate = cleanArxiv(eprint)
  arxivCandidate ??= raw('arxivid') ? cleanArxiv(raw('arxivid') ?? '') : undefined
  if (arxivCandidate === undefined) {
    for (const value of [text('journal'), text('note'), raw('url'), text('howpublished')]) {
      const found = value === undefined ? undefined : ARXIV_IN_TEXT.exec(unescapeVerbatim(value))?.[1]
      if (found) {
        arxivCandidate = cleanArxiv(found)
        break
      }
    }
  }
  const volumeText = text('volume')
  if (arxivCandidate === undefined && /^corr$/i.test(text('journal') ?? '') && volumeText?.startsWith('abs/')) {
    arxivCandidate = volumeText.slice(4)
  }
  let arxiv: string | undefined
  if (arxivCandidate !== undefined) {
    if (ARXIV_ID.test(arxivCandidate)) arxiv = arxivCandidate
    else warnings.push(`arxiv: dropped "${arxivCandidate}", not an arXiv id`)
  }

  const type = typeOf(entry.type.toLowerCase(), text('journal'), arxiv !== undefined)
  const venueField = [...VENUE_FIELDS[type], ...VENUE_FALLBACK].find((name) => text(name) !== undefined)
  accept(draft, 'venue', fit(venueField && text(venueField), maxLength('venue'), 'venue', warnings), warnings)
  if (type === 'preprint' && arxiv) accept(draft, 'venueShort', 'arXiv', warnings)
  // DBLP files arXiv papers under journal "CoRR" with volume "abs/<id>", which is no volume.
  if (!(type === 'preprint' && volumeText?.startsWith('abs/'))) {
    accept(draft, 'volume', fit(volumeText, maxLength('volume'), 'volume', warnings), warnings)
  }
  accept(draft, 'issue', fit(text('number'), maxLength('issue'), 'issue', warnings), warnings)
  const pages = text('pages')?.replace(/^(\d+)\s*[-–—]+\s*(\d+)$/, '$1–$2')
  accept(draft, 'pages', fit(pages, maxLength('pages'), 'pages', warnings), warnings)
  draft.type = type

  const tags: string[] = []
  const seen = new Set<string>()
  keywords.forEach((_, index) => {
    const tag = fit(text(`keywords#${index}`), TAG_MAX, 'tag', warnings)
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase())
      tags.push(tag)
    }
  })
  if (tags.length > MAX_TAGS) warnings.push(`tags: kept the first ${MAX_TAGS} of ${tags.length} keywords`)
  if (tags.length > 0) accept(draft, 'tags', tags.slice(0, MAX_TAGS), warnings)

  accept(draft, 'arxiv', arxiv, warnings)

  const url = raw('url') === undefined ? undefined : unescapeVerbatim(raw('url') ?? '')
  const doiUrl = url !== undefined && /^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i.test(url)
  const doiText = raw('doi') ?? (doiUrl ? url : undefined)
  accept(draft, 'doi', doiText === undefined ? undefined : cleanDoi(doiText), warnings)

  const pdf = [raw('pdf'), raw('file')]
    .map((value) => value && unescapeVerbatim(value))
    .find((value) => value !== undefined && isHttpUrl(value))
  accept(draft, 'pdf', pdf, warnings)
  // Links to the DOI or the arXiv page already get their own buttons.
  const redundant = url !== undefined && (doiUrl || (arxiv !== undefined && /arxiv\.org\/(abs|pdf)\//i.test(url)))
  if (url !== undefined && !redundant) {
    if (isHttpUrl(url)) accept(draft, 'website', url, warnings)
    else warnings.push(`website: dropped "${url}", not an http(s) URL`)
  }

  draft.draft = true
  if (entry.key) accept(draft, 'bibtexKey', entry.key, warnings)
  else warnings.push('bibtexKey: the entry has no citation key')

  const result = publicationSchema.safeParse(draft)
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    return fail(`could not be imported: ${issues}.`)
  }
  const body = splitAbstract
    .map((_, index) => toMdx(segments.get(`abstract#${index}`) ?? []))
    .filter(Boolean)
    .join('\n\n')
  return { key: entry.key, frontmatter: result.data, body, warnings, line }
}

// -----------------------------------------------------------------------------------------------
// Public API

/**
 * Reads a BibTeX paste into draft publications. Entries the parser cannot read, or that lack a
 * title, authors or a valid year, become errors naming their key and line; the others still import.
 */
export function parseBibtexImport(input: string): ImportResult {
  if (!input.trim()) return { entries: [], errors: [{ message: 'Paste at least one BibTeX entry.' }] }

  let library: Library
  try {
    library = parse(input, parserOptions())
  } catch (error) {
    return {
      entries: [],
      errors: [{ message: `Could not read the BibTeX: ${error instanceof Error ? error.message : String(error)}` }],
    }
  }

  // The parser leaves an entry it failed on in `entries`, half-filled and with an empty `input`.
  const parsed = library.entries.filter((entry) => entry.input !== '')
  const lines: number[] = []
  let cursor = 0
  for (const entry of parsed) {
    const offset = input.indexOf(entry.input, cursor)
    lines.push(offset === -1 ? 0 : lineAt(input, offset))
    if (offset !== -1) cursor = offset + entry.input.length
  }

  const errors: { offset: number; error: ImportError }[] = []
  const notes = parsed.map((): string[] => [])
  let errorCursor = 0
  for (const { error: message, input: source = '' } of library.errors) {
    if (source.trimStart().startsWith('@')) {
      // A whole entry the parser gave up on: `source` runs from its `@` to the next one.
      const found = input.indexOf(source, errorCursor)
      const offset = found === -1 ? input.indexOf(source) : found
      if (found !== -1) errorCursor = found + 1
      const line = offset === -1 ? undefined : lineAt(input, offset + source.length - source.trimStart().length)
      const { directive, key } = headOf(source)
      const detail = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+.*$/, '')
      errors.push({
        offset: offset === -1 ? Number.POSITIVE_INFINITY : offset,
        error: {
          ...(line === undefined ? {} : { line }),
          ...(key ? { key } : {}),
          message: `${entryLabel(key, line, directive)} could not be read (${detail}). Check it for an unbalanced brace or quote, or a missing comma.`,
        },
      })
      continue
    }
    const attributed = attribute(message, source, parsed)
    if (attributed.length === 0) errors.push({ offset: Number.POSITIVE_INFINITY, error: { message } })
    for (const { index, note } of attributed) notes[index]?.push(note)
  }

  const entries: ImportedEntry[] = []
  parsed.forEach((entry, index) => {
    const line = lines[index] ?? 0
    const imported = importEntry(entry, line, notes[index] ?? [])
    if ('frontmatter' in imported) entries.push(imported)
    else errors.push({ offset: input.indexOf(entry.input), error: imported })
  })

  if (entries.length === 0 && errors.length === 0)
    errors.push({
      offset: 0,
      error: { message: 'No BibTeX entries found. Entries start with @, like @article{key, …}.' },
    })
  errors.sort((a, b) => a.offset - b.offset)
  return { entries, errors: errors.map(({ error }) => error) }
}

/** Pins a parser complaint that did not cost an entry (unknown @string, unknown command) on the entries it concerns. */
function attribute(message: string, source: string, entries: readonly Entry[]): { index: number; note: string }[] {
  const notes: { index: number; note: string }[] = []
  const unresolved = /^Unresolved @string reference "(.*)"$/.exec(message)?.[1]
  const creatorKey = /^@([^:]+): (.*)$/s.exec(message)
  entries.forEach((entry, index) => {
    if (unresolved !== undefined) {
      if (new RegExp(`[=#]\\s*${escapeRegExp(unresolved)}\\s*(?:[,#})]|$)`, 'i').test(entry.input)) {
        notes.push({ index, note: `unknown @string macro "${unresolved}"; its name was used as the text` })
      }
    } else if (creatorKey) {
      if (creatorKey[1] === entry.key) notes.push({ index, note: `authors: ${creatorKey[2] ?? ''}` })
    } else if (source && entry.input.includes(source)) {
      notes.push({ index, note: unhandledMacro(message) })
    }
  })
  return notes
}

const LATEX_LETTERS: Record<string, string> = {
  o: 'o',
  O: 'O',
  ss: 'ss',
  ae: 'ae',
  AE: 'AE',
  oe: 'oe',
  OE: 'OE',
  aa: 'a',
  AA: 'A',
  l: 'l',
  L: 'L',
  i: 'i',
  j: 'j',
}
const SPECIAL_LETTERS: Record<string, string> = {
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
}

/** Text-mode LaTeX reduced to its letters: `Sch{\"o}lkopf` → `Scholkopf`, `\emph{x}` → `x`. */
function foldLatex(value: string): string {
  return value
    .replace(/\\([a-zA-Z]+)\s*/g, (_, name: string) => LATEX_LETTERS[name] ?? '')
    .replace(/\\[^a-zA-Z\s]/g, '')
    .replace(/[{}]/g, '')
}

function foldLetters(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øßæœłđðþı]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter)
}

const MATH = /\$\$[\s\S]*?\$\$|\$(?:\\.|[^$\\])*\$|\\\([\s\S]*?\\\)/g

/** A title reduced for comparison: lowercase, no accents, LaTeX, math markup or punctuation, single spaces. */
export function normalizeTitleForMatch(title: string): string {
  return foldLetters(normalizeText(foldLatex(latexToPlainText(title))))
}

/**
 * A URL slug from a title: lowercase `a-z0-9` words joined by `-`, accents folded, LaTeX and math
 * dropped, at most 80 characters (cut between words when possible); `untitled` if nothing is left.
 */
export function slugify(title: string): string {
  const slug = foldLetters(foldLatex(title.replace(MATH, ' ')))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  // A title such as "Con" or "Aux" must not make a name Windows reserves (`con.mdx`).
  if (isWindowsReserved(slug)) return `${slug}-paper`
  if (slug.length <= SLUG_MAX) return slug || 'untitled'
  const cut = slug.slice(0, SLUG_MAX)
  const boundary = slug.charAt(SLUG_MAX) === '-' ? SLUG_MAX : cut.lastIndexOf('-')
  const result = (boundary > 0 ? cut.slice(0, boundary) : cut).replace(/-+$/, '')
  return SLUG_PATTERN.test(result) ? result : 'untitled'
}

/** `base` if free, else `base-2`, `base-3`, … — the first not in `taken`. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}

// -----------------------------------------------------------------------------------------------
// Duplicates

type Comparable = { doi?: string; arxiv?: string; keys: string[]; title: string }

const REASONS: readonly DuplicateReason[] = ['doi', 'arxiv', 'bibtexKey', 'title']

function comparable(
  fields: Pick<PublicationFrontmatter, 'title'> & Partial<PublicationFrontmatter>,
  generatedKey: boolean,
): Comparable {
  const keys = new Set<string>()
  if (fields.bibtexKey) keys.add(fields.bibtexKey.toLowerCase())
  if (generatedKey && fields.authors && fields.year !== undefined) {
    keys.add(bibtexKeyFor({ title: fields.title, authors: fields.authors, year: fields.year }).toLowerCase())
  }
  return {
    ...(fields.doi ? { doi: cleanDoi(fields.doi).toLowerCase() } : {}),
    ...(fields.arxiv ? { arxiv: cleanArxiv(fields.arxiv).replace(/v\d+$/, '').toLowerCase() } : {}),
    keys: [...keys],
    title: normalizeTitleForMatch(fields.title),
  }
}

function same(reason: DuplicateReason, a: Comparable, b: Comparable): boolean {
  switch (reason) {
    case 'doi':
      return a.doi !== undefined && a.doi === b.doi
    case 'arxiv':
      return a.arxiv !== undefined && a.arxiv === b.arxiv
    case 'bibtexKey':
      return a.keys.some((key) => b.keys.includes(key))
    case 'title':
      return a.title !== '' && a.title === b.title
  }
}

/**
 * The site publication an imported entry duplicates, by the strongest evidence: same DOI
 * (case-insensitive), same arXiv id (version ignored), same BibTeX key (the existing paper's
 * explicit key or the one `bibtexKeyFor` generates), or same normalized title.
 */
export function findDuplicate(
  entry: { frontmatter: PublicationFrontmatter },
  existing: readonly ExistingPublication[],
): { slug: string; reason: DuplicateReason } | undefined {
  const candidate = comparable(entry.frontmatter, false)
  const others = existing.map((publication) => ({ slug: publication.slug, fields: comparable(publication, true) }))
  for (const reason of REASONS) {
    const match = others.find((other) => same(reason, candidate, other.fields))
    if (match) return { slug: match.slug, reason }
  }
  return undefined
}

/**
 * Duplicates inside one paste: for each entry, the index of the first earlier entry it repeats
 * (same rules as `findDuplicate`, keys compared as written), or `undefined`. The result is
 * parallel to `entries`.
 */
export function findDuplicatesInPaste(
  entries: readonly { frontmatter: PublicationFrontmatter }[],
): ({ index: number; reason: DuplicateReason } | undefined)[] {
  const fields = entries.map((entry) => comparable(entry.frontmatter, false))
  return fields.map((candidate, i) => {
    for (const reason of REASONS) {
      const index = fields.findIndex((other, j) => j < i && same(reason, candidate, other))
      if (index !== -1) return { index, reason }
    }
    return undefined
  })
}
