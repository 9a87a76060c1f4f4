import { yearMonth } from '../domain/format'
import { arxivUrl, doiUrl } from '../domain/links'
import type { Publication } from '../domain/types'
import { mdxToPlainText } from '../markup/plain-text'
import { latexToPlainText } from '../markup/text'
import { absoluteUrl, routes } from '../domain/routes.mjs'

/**
 * Google Scholar's meta tags (https://scholar.google.com/intl/en/scholar/inclusion.html#indexing),
 * one `citation_author` per author in order. Values are plain text.
 */
export function scholarTags(publication: Publication, siteUrl: URL): Record<string, string | string[]> {
  const tags: Record<string, string | string[]> = {
    citation_title: latexToPlainText(publication.title),
    citation_author: publication.authors.map((author) => author.name),
    citation_publication_date: yearMonth(publication.year, publication.month, '/'),
  }
  const venue = publication.venue ? latexToPlainText(publication.venue) : undefined
  const type = publication.type ?? 'other'
  if (venue) {
    if (type === 'conference') tags.citation_conference_title = venue
    else if (type === 'thesis') tags.citation_dissertation_institution = venue
    else if (type === 'chapter') tags.citation_inbook_title = venue
    else if (type === 'book') tags.citation_publisher = venue
    else tags.citation_journal_title = venue
  }
  if (publication.volume) tags.citation_volume = publication.volume
  if (publication.issue) tags.citation_issue = publication.issue
  // Split on the dashes alone, then trim: `\s*[-–—]+\s*` took quadratic time on a run of spaces.
  const [first, last] = (publication.pages ?? '').split(/[-–—]+/).map((part) => part.trim())
  if (first) tags.citation_firstpage = first
  if (last) tags.citation_lastpage = last
  if (publication.pdf) tags.citation_pdf_url = absoluteUrl(siteUrl, publication.pdf)
  if (publication.doi) tags.citation_doi = publication.doi
  if (publication.arxiv) tags.citation_arxiv_id = publication.arxiv
  tags.citation_abstract_html_url = absoluteUrl(siteUrl, routes.publication(publication.slug))
  return tags
}

/** schema.org ScholarlyArticle as JSON-LD, for search engines. */
export function scholarlyArticle(publication: Publication, siteUrl: URL): Record<string, unknown> {
  const url = absoluteUrl(siteUrl, routes.publication(publication.slug))
  const sameAs = [
    publication.doi ? doiUrl(publication.doi) : undefined,
    publication.arxiv ? arxivUrl(publication.arxiv) : undefined,
  ].filter(Boolean)
  const abstract = mdxToPlainText(publication.body)
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': url,
    url,
    headline: latexToPlainText(publication.title),
    name: latexToPlainText(publication.title),
    author: publication.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      ...(author.url ? { url: author.url } : {}),
    })),
    datePublished: yearMonth(publication.year, publication.month),
    ...(publication.venue
      ? {
          isPartOf: {
            '@type': publication.type === 'article' ? 'Periodical' : 'CreativeWork',
            name: latexToPlainText(publication.venue),
          },
        }
      : {}),
    ...(sameAs.length ? { sameAs } : {}),
    ...(publication.doi ? { identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: publication.doi } } : {}),
    ...(abstract ? { abstract } : {}),
    ...(publication.tags?.length ? { keywords: publication.tags.join(', ') } : {}),
  }
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no value can close the script. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
