import 'server-only'
import { citationKeys } from '../formats/bibtex'
import { comparePublications } from '../domain/sort'
import type { Publication, Site } from '../domain/types'
import { generatedPublications, generatedSite } from './generated'
import { pendingSite, withPendingChanges } from './live/overlay'
import type { PublicationFrontmatter } from '../domain/schema'
import { frontmatterOf, type PublicationData } from './publication'
import { LRUCache } from 'lru-cache'
import { env } from '../env.mjs'
import { normalizeText } from '../domain/format'
import { mdxToPlainText } from '../markup/plain-text'

/**
 * The one door to the content: public pages, feeds, cards and the dashboard read publications and
 * the site settings here. Behind it, Contentlayer's output (`./generated.ts`) with the saves it
 * has not taken in yet laid over it (`./live/`). Drafts only where asked for.
 */

function load(): PublicationData {
  return withPendingChanges(generatedPublications())
}

type Drafts = { drafts?: boolean }

/** The public list (no drafts), or with `drafts: true` every paper; newest first, the same array until the content changes. */
export function getPublications({ drafts = false }: Drafts = {}): Publication[] {
  const data = load()
  return drafts ? data.all : data.published
}

/** A public publication by slug (with `drafts: true`, a draft too), or undefined. */
export function getPublication(slug: string, { drafts = false }: Drafts = {}): Publication | undefined {
  const publication = load().bySlug.get(slug)?.publication
  return publication && (drafts || !publication.draft) ? publication : undefined
}

/**
 * The version of the file a publication shown here was read from (a hash of its bytes): the
 * editor sends it back with a save, and the store refuses the save if the file has changed since.
 */
export function getVersion(slug: string): string | undefined {
  return load().bySlug.get(slug)?.version
}

/** What the dashboard's editor loads: a publication, draft or not, its frontmatter and its file's version. */
export function getForEditing(
  slug: string,
): { publication: Publication; frontmatter: PublicationFrontmatter; version: string } | undefined {
  const entry = load().bySlug.get(slug)
  return entry && { ...entry, frontmatter: frontmatterOf(entry.publication) }
}

/** The site settings: as last saved from the dashboard, else as Contentlayer last read them. */
export function getSite(): Site {
  return pendingSite() ?? generatedSite()
}

/**
 * Something derived from the whole public list (the BibTeX file, the feed), computed once per
 * content version and kept until the content changes.
 */
export function derived<T>(name: string, compute: (publications: Publication[]) => T): T {
  const publications = getPublications()
  const state = globalThis as { __derived?: Map<string, { source: Publication[]; value: unknown }> }
  state.__derived ??= new Map()
  const hit = state.__derived.get(name)
  // The loaded list is a new array after every reload, so identity says whether it changed.
  if (hit && hit.source === publications) return hit.value as T
  const value = compute(publications)
  state.__derived.set(name, { source: publications, value })
  return value
}

/**
 * A public paper's BibTeX key, unique across the public list: the same in `/publications.bib`,
 * its `/cite/*` files and its Cite panel. Undefined for unknown and draft slugs.
 */
export function getCitationKey(slug: string): string | undefined {
  return derived('citation-keys', citationKeys).get(slug)
}

/** The neighbours of a paper in the public list's order (newer first). */
export function getNeighbours(slug: string): { previous?: Publication; next?: Publication } {
  const list = getPublications()
  const index = list.findIndex((publication) => publication.slug === slug)
  if (index === -1) return {}
  const previous = list[index - 1]
  const next = list[index + 1]
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) }
}

/** Public papers sharing tags with this one, most shared tags first, then newest. */
export function getRelated(publication: Publication, limit = 3): Publication[] {
  const tags = new Set(publication.tags ?? [])
  if (tags.size === 0) return []
  return getPublications()
    .filter((other) => other.slug !== publication.slug)
    .map((other) => ({ other, shared: (other.tags ?? []).filter((tag) => tags.has(tag)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || comparePublications(a.other, b.other))
    .slice(0, limit)
    .map(({ other }) => other)
}

/**
 * Whether the public list fits on the publications page whole (`PUBLICATIONS_PER_PAGE`): then the
 * browser filters it in place; a longer one is filtered on the server.
 */
export function fitsOnePage(publications: readonly Publication[]): boolean {
  return publications.length <= env.publicationsPerPage
}

// Per body, so a save reads again only the abstract it changed.
const searchTexts = new LRUCache<string, string>({
  maxSize: 32 * 1024 * 1024,
  sizeCalculation: (text, body) => Math.max(1, text.length + body.length),
})

/** A paper's abstract as the search reads it: its plain text, lower-cased, accents and punctuation gone. */
export function searchableAbstract(publication: Publication): string {
  const hit = searchTexts.get(publication.body)
  if (hit !== undefined) return hit
  const text = publication.body.trim() ? normalizeText(mdxToPlainText(publication.body)) : ''
  searchTexts.set(publication.body, text)
  return text
}

/**
 * Reads every public abstract for the search ahead of the first one, a paper at a time between
 * other work (a start calls it): the first search of a long list then reads none itself.
 */
export async function warmSearch(): Promise<void> {
  for (const publication of getPublications()) {
    searchableAbstract(publication)
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** The papers with their abstracts, for a search on the server. */
export function withAbstracts(publications: readonly Publication[]): (Publication & { abstract: string })[] {
  return publications.map((publication) => ({ ...publication, abstract: searchableAbstract(publication) }))
}
