import type { Creator, Entry } from '@retorquere/bibtex-parser'
import { publicationSchema, type Author, type PublicationFrontmatter, type PublicationType } from '../../domain/schema'
import { isWebUrl } from '../../domain/urls.mjs'
import { ARXIV_IN_TEXT, cleanArxiv, cleanDoi, DOI_URL, isArxivId, unescapeVerbatim } from '../identifiers'
import { bracesBalanced } from '../../markup/text'
import { convertLatex, plain, TEXT_FIELDS, tidy, toMdx } from './latex'

/** One parsed BibTeX entry mapped onto a draft publication: its fields, checked one by one against the schema. */

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

const MAX_TAGS = 10

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

function stringOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed || undefined
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

/**
 * How an error names its entry, the one place that does: `Entry “key” (line 3)`. The messages
 * start with it and are shown as they are.
 */
export function entryLabel(key: string | undefined, line: number | undefined, directive?: string): string {
  const name = key ? `Entry “${key}”` : directive === 'string' ? 'An @string definition' : 'An entry'
  return line === undefined ? name : `${name} (line ${line})`
}

export function importEntry(entry: Entry, line: number, noted: string[]): ImportedEntry | ImportError {
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
  const splitAbstract = paragraphs.every((paragraph) => bracesBalanced(paragraph, { latexEscapes: true }))
    ? paragraphs
    : abstract
      ? [abstract]
      : []
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
  if (eprint && (prefix === 'arxiv' || (prefix === undefined && isArxivId(cleanArxiv(eprint)))))
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
    if (isArxivId(arxivCandidate)) arxiv = arxivCandidate
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
  const doiUrl = url !== undefined && DOI_URL.test(url)
  const doiText = raw('doi') ?? (doiUrl ? url : undefined)
  accept(draft, 'doi', doiText === undefined ? undefined : cleanDoi(doiText), warnings)

  const pdf = [raw('pdf'), raw('file')]
    .map((value) => value && unescapeVerbatim(value))
    .find((value) => value !== undefined && isWebUrl(value))
  accept(draft, 'pdf', pdf, warnings)
  // Links to the DOI or the arXiv page already get their own buttons.
  const redundant = url !== undefined && (doiUrl || (arxiv !== undefined && /arxiv\.org\/(abs|pdf)\//i.test(url)))
  if (url !== undefined && !redundant) {
    if (isWebUrl(url)) accept(draft, 'website', url, warnings)
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
