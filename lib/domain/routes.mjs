/**
 * Every address of the site, public and admin, in one place. A slug is `[a-z0-9-]` by the
 * schema, but it is still encoded here: an address is never built from a string unencoded.
 * Plain JavaScript, so that the request guard and the benchmark, which Node runs as they are,
 * build their addresses here too.
 */

/** @typedef {'bibtex' | 'ris' | 'csl-json'} CiteFormat */
/** @typedef {import('./filter').Filters} Filters */

/** @param {string} slug */
const slugSegment = (slug) => encodeURIComponent(slug)

/**
 * The query string for these filters, in a fixed order so equal filters give equal URLs.
 * @param {Filters} filters
 */
export function filtersToQuery(filters) {
  const params = new URLSearchParams()
  if (filters.q) params.set('q', filters.q)
  if (filters.type) params.set('type', filters.type)
  if (filters.tag) params.set('tag', filters.tag)
  if (filters.year !== undefined) params.set('year', String(filters.year))
  const query = params.toString()
  return query ? `?${query}` : ''
}

/** Where the papers' own pages live: `/publications/<slug>`. */
const PUBLICATIONS = '/publications'

export const routes = {
  home: '/',
  /**
   * The list, with these filters in the query string (`/publications?tag=…`).
   * @param {Filters} [filters]
   */
  publications: (filters = {}) => `${PUBLICATIONS}${filtersToQuery(filters)}`,
  /** @param {string} slug */
  publication: (slug) => `${PUBLICATIONS}/${slugSegment(slug)}`,
  /**
   * A section of a paper's page (`#abstract-heading`).
   * @param {string} slug
   * @param {string} anchor
   */
  publicationSection: (slug, anchor) => `${routes.publication(slug)}#${anchor}`,
  /** @param {string} slug */
  abstract: (slug) => `${routes.publication(slug)}/abstract`,
  /**
   * A paper's social card, by the version of what it shows (an edit makes a new address; an old
   * one still answers, with the current card).
   * @param {string} slug
   * @param {string} version
   */
  card: (slug, version) => `${routes.publication(slug)}/opengraph-image/${encodeURIComponent(version)}`,
  /**
   * The card of the home page and the list.
   * @param {string} version
   */
  siteCard: (version) => `/opengraph-image/${encodeURIComponent(version)}`,
  /**
   * @param {string} slug
   * @param {CiteFormat} format
   */
  cite: (slug, format) => `${routes.publication(slug)}/cite/${format}`,
  bibliography: '/publications.bib',
  feed: '/feed.xml',
  /** The abstracts the publications page's search reads in the browser (fetched on a first search). */
  searchIndex: '/search-index.json',

  admin: '/admin',
  signIn: '/admin/login',
  newPublication: '/admin/publications/new',
  /** The editor filled from an entry chosen on the import page. */
  newFromImport: '/admin/publications/new?from=import',
  importBibtex: '/admin/import',
  /** Papers deleted in the git history, to restore. */
  deleted: '/admin/deleted',
  /** The site settings: profile, bio, photo, links. */
  settings: '/admin/settings',
  /** The commits that changed the site settings. */
  settingsHistory: '/admin/settings/history',
  /** Every uploaded medium, with those no paper or setting uses. */
  mediaLibrary: '/admin/media',
  /** Where the dashboard uploads a file (`?kind=pdf|cv|photo|thumbnail`). */
  mediaUpload: '/api/admin/media',
  /**
   * An uploaded medium, by its name (a hash of its bytes and its extension).
   * @param {string} name
   */
  medium: (name) => `/media/${encodeURIComponent(name)}`,
  /** @param {string} slug */
  edit: (slug) => `/admin/publications/${slugSegment(slug)}/edit`,
  /**
   * The editor after a save that gave the paper a new address (a new paper, a rename).
   * @param {string} slug
   */
  editSaved: (slug) => `${routes.edit(slug)}?saved=1`,
  /** @param {string} slug */
  history: (slug) => `/admin/publications/${slugSegment(slug)}/history`,
  /** @param {string} data */
  cardPreview: (data) => `/admin/card-preview?data=${encodeURIComponent(data)}`,

  /** The admin API: a paper's save and delete (`PUT`, `DELETE`), and new papers (`POST`). */
  api: {
    publications: '/api/admin/publications',
    /** @param {string} slug */
    publication: (slug) => `/api/admin/publications/${slugSegment(slug)}`,
    import: '/api/admin/import',
  },
}

/**
 * The paper whose page `pathname` is (`/publications/<segment>`, as it came: not decoded), or
 * undefined for any other address.
 * @param {string} pathname
 */
export function paperSegment(pathname) {
  const prefix = `${PUBLICATIONS}/`
  if (!pathname.startsWith(prefix)) return undefined
  const rest = pathname.slice(prefix.length).replace(/\/$/, '')
  return rest === '' || rest.includes('/') ? undefined : rest
}

/**
 * Whether `pathname` (no query) is a page of the dashboard: `/admin` or under it.
 * @param {string} pathname
 */
export function isDashboardPath(pathname) {
  return pathname === routes.admin || pathname.startsWith(`${routes.admin}/`)
}

/**
 * The public address of a path on this site (a paper's page, the feed), for feeds, cards and citations.
 * @param {URL} siteUrl
 * @param {string} pathname
 */
export function absoluteUrl(siteUrl, pathname) {
  return new URL(pathname, siteUrl).toString()
}
