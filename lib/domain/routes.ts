import { filtersToQuery, type Filters } from './filter'

/**
 * Every address of the site, public and admin, in one place. A slug is `[a-z0-9-]` by the
 * schema, but it is still encoded here: an address is never built from a string unencoded.
 */

export type CiteFormat = 'bibtex' | 'ris' | 'csl-json'

const slugSegment = (slug: string) => encodeURIComponent(slug)

export const routes = {
  home: '/',
  /** The list, with these filters in the query string (`/publications?tag=…`). */
  publications: (filters: Filters = {}) => `/publications${filtersToQuery(filters)}`,
  publication: (slug: string) => `/publications/${slugSegment(slug)}`,
  /** A section of a paper's page (`#abstract-heading`). */
  publicationSection: (slug: string, anchor: string) => `${routes.publication(slug)}#${anchor}`,
  abstract: (slug: string) => `${routes.publication(slug)}/abstract`,
  cite: (slug: string, format: CiteFormat) => `${routes.publication(slug)}/cite/${format}`,
  bibliography: '/publications.bib',
  feed: '/feed.xml',

  admin: '/admin',
  signIn: '/admin/login',
  newPublication: '/admin/publications/new',
  /** The editor filled from an entry chosen on the import page. */
  newFromImport: '/admin/publications/new?from=import',
  importBibtex: '/admin/import',
  edit: (slug: string) => `/admin/publications/${slugSegment(slug)}/edit`,
  /** The editor after a save that gave the paper a new address (a new paper, a rename). */
  editSaved: (slug: string) => `${routes.edit(slug)}?saved=1`,
  history: (slug: string) => `/admin/publications/${slugSegment(slug)}/history`,
  cardPreview: (data: string) => `/admin/card-preview?data=${encodeURIComponent(data)}`,
} as const

/** The public address of a path on this site (a paper's page, the feed), for feeds, cards and citations. */
export function absoluteUrl(siteUrl: URL, pathname: string): string {
  return new URL(pathname, siteUrl).toString()
}
