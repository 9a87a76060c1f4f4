import type { PublicationFrontmatter, PublicationType } from './schema'
import { normalizeText } from './text'

type Citable = PublicationFrontmatter

const ENTRY_TYPES: Record<PublicationType, string> = {
  article: 'article',
  conference: 'inproceedings',
  preprint: 'article',
  thesis: 'phdthesis',
  book: 'book',
  chapter: 'incollection',
  talk: 'misc',
  other: 'misc',
}

/** The field that names where a work appeared, by entry type. */
const VENUE_FIELDS: Record<PublicationType, string> = {
  article: 'journal',
  conference: 'booktitle',
  preprint: 'journal',
  thesis: 'school',
  book: 'publisher',
  chapter: 'booktitle',
  talk: 'howpublished',
  other: 'howpublished',
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'and', 'to', 'with', 'how', 'what', 'why', 'when'])

function lastName(name: string): string {
  const parts = name.trim().split(/\s+/)
  return parts.at(-1) ?? name
}

/** `tomasini2022deep`: first author's last name, year, first significant title word. */
export function bibtexKeyFor(publication: Pick<Citable, 'bibtexKey' | 'authors' | 'year' | 'title'>): string {
  if (publication.bibtexKey) return publication.bibtexKey
  const author = normalizeText(lastName(publication.authors[0]?.name ?? 'anonymous')).replace(/\s+/g, '')
  const words = normalizeText(publication.title).split(' ')
  const word = words.find((w) => !STOP_WORDS.has(w)) ?? words[0] ?? ''
  return `${author || 'anonymous'}${publication.year}${word}`
}

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
}

/** Escapes LaTeX specials outside `$…$` math, which is kept as written. */
export function escapeLatex(value: string): string {
  return value
    .split(/(\$[^$]+\$)/g)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[\\{}&%#_~^$]/g, (c) => SPECIALS[c] ?? `\\${c}`)))
    .join('')
}

export function toBibtex(publication: Citable): string {
  const type = publication.type ?? 'other'
  const fields: [string, string][] = []
  // `text` values are LaTeX-escaped; `verbatim` ones (DOIs, URLs) are read as-is by BibTeX's url
  // handling; a `macro` (month) goes unbraced.
  const add = (name: string, value: string | undefined, mode: 'text' | 'verbatim' | 'macro' = 'text') => {
    if (!value) return
    fields.push([name, mode === 'macro' ? value : `{${mode === 'text' ? escapeLatex(value) : value}}`])
  }
  // Double braces keep the title's capitalisation, which most styles would otherwise lowercase.
  fields.push(['title', `{{${escapeLatex(publication.title)}}}`])
  add('author', publication.authors.map((author) => author.name).join(' and '))
  add(VENUE_FIELDS[type], publication.venue ?? (type === 'preprint' && publication.arxiv ? `arXiv preprint arXiv:${publication.arxiv}` : undefined))
  add('volume', publication.volume)
  add('number', publication.issue)
  add('pages', publication.pages?.replace(/\s*[–—-]+\s*/g, '--'))
  add('year', String(publication.year))
  add('month', publication.month ? MONTH_MACROS[publication.month - 1] : undefined, 'macro')
  add('doi', publication.doi, 'verbatim')
  if (publication.arxiv) {
    add('eprint', publication.arxiv, 'verbatim')
    add('archivePrefix', 'arXiv')
  }
  add('url', publication.website ?? publication.pdf ?? (publication.doi ? `https://doi.org/${publication.doi}` : undefined), 'verbatim')
  const width = Math.max(...fields.map(([name]) => name.length))
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`).join(',\n')
  return `@${ENTRY_TYPES[type]}{${bibtexKeyFor(publication)},\n${body}\n}`
}
