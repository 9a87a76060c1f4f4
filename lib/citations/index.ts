import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-csl'
import '@citation-js/plugin-ris'
import { parse as parseName } from '@citation-js/name'
import { bibtexKeyFor } from '../bibtex'
import { arxivUrl } from '../links'
import type { PublicationFrontmatter, PublicationType } from '../schema'
import { latexToPlainText, mdxToPlainText } from '../text'
import { CHICAGO_STYLE } from './chicago'
import { MLA_STYLE } from './mla'

/**
 * Citations of a paper in every format a reader's manuscript may need, produced by citation-js
 * (citeproc for the styles) from one CSL-JSON record.
 */

type CslName = { given?: string; family?: string; literal?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string; suffix?: string }
export type CslItem = {
  id: string
  'citation-key': string
  type: string
  title: string
  author: CslName[]
  issued: { 'date-parts': [[number] | [number, number]] }
  'container-title'?: string
  'container-title-short'?: string
  volume?: string
  issue?: string
  page?: string
  DOI?: string
  URL?: string
  abstract?: string
  keyword?: string
  publisher?: string
  genre?: string
}

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

let registered = false
function registerStyles() {
  if (registered) return
  const templates = plugins.config.get('@csl').templates
  templates.add('mla', MLA_STYLE)
  templates.add('chicago', CHICAGO_STYLE)
  registered = true
}

function toCslName(name: string): CslName {
  const parsed: CslName = parseName(name)
  return parsed.family || parsed.literal ? parsed : { literal: name }
}

type Citable = PublicationFrontmatter & { body?: string }

/** The paper as CSL-JSON. `pageUrl` is its page on this site, the fallback link. */
export function toCsl(publication: Citable, pageUrl?: string): CslItem {
  const type = publication.type ?? 'other'
  const key = bibtexKeyFor(publication)
  const venue = publication.venue ?? (type === 'preprint' && publication.arxiv ? `arXiv preprint arXiv:${publication.arxiv}` : undefined)
  const url = publication.website ?? publication.pdf ?? (publication.arxiv ? arxivUrl(publication.arxiv) : pageUrl)
  const abstract = publication.body ? mdxToPlainText(publication.body) : ''
  const item: CslItem = {
    id: key,
    'citation-key': key,
    type: CSL_TYPES[type],
    title: latexToPlainText(publication.title),
    // Names only: co-first and corresponding marks are roles, never part of a name.
    author: publication.authors.map((author) => toCslName(author.name)),
    issued: { 'date-parts': [publication.month ? [publication.year, publication.month] : [publication.year]] },
  }
  if (venue) {
    if (type === 'thesis' || type === 'book') item.publisher = venue
    else item['container-title'] = venue
  }
  if (type === 'thesis') item.genre = 'PhD thesis'
  if (publication.venueShort) item['container-title-short'] = publication.venueShort
  if (publication.volume) item.volume = publication.volume
  if (publication.issue) item.issue = publication.issue
  // Split on the dashes alone, then trim: `\s*[–—]\s*` took quadratic time on a run of spaces.
  if (publication.pages) item.page = publication.pages.split(/[–—]/).map((part) => part.trim()).join('-')
  if (publication.doi) item.DOI = publication.doi
  if (url) item.URL = url
  if (abstract) item.abstract = abstract
  if (publication.tags?.length) item.keyword = publication.tags.join(',')
  return item
}

export type CitationStyle = 'apa' | 'mla' | 'chicago'
export const CITATION_STYLES: { id: CitationStyle; label: string }[] = [
  { id: 'apa', label: 'APA' },
  { id: 'mla', label: 'MLA' },
  { id: 'chicago', label: 'Chicago' },
]

export function formatCitation(items: CslItem | CslItem[], style: CitationStyle): string {
  registerStyles()
  return new Cite(items).format('bibliography', { template: style, format: 'text', lang: 'en-US' }).trim()
}

/** BibTeX, valid and LaTeX-escaped by citation-js; one entry per item. */
export function toBibtexEntries(items: CslItem | CslItem[]): string {
  return (Array.isArray(items) ? items : [items])
    .map((item) => {
      const entry = new Cite(item).format('bibtex', { format: 'text' }).trim()
      // citation-js replaces keys with characters it is wary of (DBLP's `DBLP:journals/…`); BibTeX accepts them.
      return entry.replace(/^(@\w+\{)[^,\n]*,/, (_, start: string) => `${start}${item['citation-key']},`)
    })
    .join('\n\n')
}

/** The BibTeX entry of one paper (valid, LaTeX-escaped, names without role marks). */
export function toBibtex(publication: Citable, pageUrl?: string): string {
  return toBibtexEntries(toCsl(publication, pageUrl))
}

export function toRis(items: CslItem | CslItem[]): string {
  return new Cite(items).format('ris', { format: 'text' }).trim()
}

export function toCslJson(items: CslItem | CslItem[]): string {
  return JSON.stringify(items, null, 2)
}
