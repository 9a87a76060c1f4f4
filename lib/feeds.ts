import { toBibtexEntries, toCsl, type CslItem } from './citations'
import { absoluteUrl } from './scholar'
import type { Publication, Site } from './types'
import { escapeXml, firstSentence, latexToPlainText, mdxToPlainText } from './text'

/** BibTeX of every public paper, one entry each, by citation-js. */
export function bibliography(publications: Publication[], siteUrl: URL): string {
  if (publications.length === 0) return ''
  const items = publications.map((publication) => toCsl(publication, absoluteUrl(siteUrl, `/publications/${publication.slug}`)))
  return `${toBibtexEntries(uniqueKeys(items))}\n`
}

/** Two papers may make the same key (same first author, year and first word): the later ones get b, c, … */
function uniqueKeys(items: CslItem[]): CslItem[] {
  const taken = new Set<string>()
  return items.map((item) => {
    let key = item['citation-key']
    for (let n = 1; taken.has(key); n++) key = `${item['citation-key']}${String.fromCharCode(97 + n)}`
    taken.add(key)
    return key === item['citation-key'] ? item : { ...item, id: key, 'citation-key': key }
  })
}

/** An Atom feed of the public papers, newest first, each with its link and a plain-text summary. */
export function atomFeed(publications: Publication[], site: Site, siteUrl: URL): string {
  const feedUrl = absoluteUrl(siteUrl, '/feed.xml')
  const updated = publications.reduce((latest, publication) => (publication.lastModified > latest ? publication.lastModified : latest), '1970-01-01T00:00:00.000Z')
  const entries = publications.map((publication) => {
    const url = absoluteUrl(siteUrl, `/publications/${publication.slug}`)
    const abstract = mdxToPlainText(publication.body)
    const summary = abstract ? firstSentence(abstract, 600) : [publication.venue, publication.year].filter(Boolean).join(', ')
    const published = `${publication.year}-${String(publication.month ?? 1).padStart(2, '0')}-01T00:00:00Z`
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
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeXml(`${site.title}: publications`)}</title>`,
    `  <subtitle>${escapeXml(site.description)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(siteUrl, '/publications'))}"/>`,
    `  <id>${escapeXml(feedUrl)}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(site.owner)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
