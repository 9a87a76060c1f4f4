import { citationKeys } from './bibtex'
import { citableItem, toBibtexEntries } from './citations'
import { logOnce } from '../server/log'
import type { Publication, Site } from '../domain/types'
import { mdxToPlainText } from '../markup/plain-text'
import { firstSentence, yearMonth } from '../domain/format'
import { escapeXml, latexToPlainText } from '../markup/text'
import { absoluteUrl, routes } from '../domain/routes.mjs'

/**
 * BibTeX of every public paper, one entry each, by citation-js, under the keys `citationKeys`
 * gives them (the same as on each paper's page). An entry that cannot be made is replaced by a
 * minimal one (`toBibtexEntries`), never failing the whole file.
 */
export function bibliography(publications: Publication[], siteUrl: URL): string {
  if (publications.length === 0) return ''
  const keys = citationKeys(publications)
  const items = publications.map((publication) =>
    citableItem(
      publication,
      absoluteUrl(siteUrl, routes.publication(publication.slug)),
      keys.get(publication.slug) ?? publication.slug,
    ),
  )
  return `${toBibtexEntries(items)}\n`
}

/** An Atom feed of the public papers, newest first, each with its link and a plain-text summary. */
export function atomFeed(publications: Publication[], site: Site, siteUrl: URL): string {
  const feedUrl = absoluteUrl(siteUrl, routes.feed)
  const updated = publications.reduce(
    (latest, publication) => (publication.lastModified > latest ? publication.lastModified : latest),
    '1970-01-01T00:00:00.000Z',
  )
  const entries = publications.map((publication) => {
    try {
      return feedEntry(publication, siteUrl)
    } catch (error) {
      // Only a hand-edited file can get here; the feed keeps the paper's link.
      logOnce(
        `feed:${publication.slug}`,
        `feed.xml: the entry of ${publication.slug} could not be made; giving a minimal one`,
        error,
      )
      const url = absoluteUrl(siteUrl, routes.publication(publication.slug))
      return [
        '  <entry>',
        `    <title>${escapeXml(publication.slug)}</title>`,
        `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
        `    <id>${escapeXml(url)}</id>`,
        `    <updated>${escapeXml(String(publication.lastModified))}</updated>`,
        '  </entry>',
      ].join('\n')
    }
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeXml(`${site.title}: publications`)}</title>`,
    `  <subtitle>${escapeXml(site.description)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(siteUrl, routes.publications()))}"/>`,
    `  <id>${escapeXml(feedUrl)}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(site.owner)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}

/** One paper's Atom entry: its link, a plain-text summary, authors and tags. */
function feedEntry(publication: Publication, siteUrl: URL): string {
  const url = absoluteUrl(siteUrl, routes.publication(publication.slug))
  const abstract = mdxToPlainText(publication.body)
  const summary = abstract
    ? firstSentence(abstract, 600)
    : [publication.venue, publication.year].filter(Boolean).join(', ')
  const published = `${yearMonth(publication.year, publication.month ?? 1)}-01T00:00:00Z`
  return [
    '  <entry>',
    `    <title>${escapeXml(latexToPlainText(publication.title))}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
    `    <id>${escapeXml(url)}</id>`,
    `    <published>${published}</published>`,
    `    <updated>${publication.lastModified}</updated>`,
    ...publication.authors.map((author) => `    <author><name>${escapeXml(author.name)}</name></author>`),
    `    <summary>${escapeXml(summary)}</summary>`,
    ...(publication.tags ?? []).map((tag) => `    <category term="${escapeXml(tag)}"/>`),
    '  </entry>',
  ].join('\n')
}

/**
 * The `alternates` of a public page's metadata: its canonical address, and the Atom feed, so
 * feed readers find it from any page. A page that sets `alternates` replaces its layout's, so
 * every public page sets them through this.
 */
export function pageAlternates(canonical?: string): {
  canonical?: string
  types: Record<string, { url: string; title: string }[]>
} {
  return {
    ...(canonical ? { canonical } : {}),
    types: { 'application/atom+xml': [{ url: routes.feed, title: 'Publications (Atom feed)' }] },
  }
}
