import 'server-only'
import fs from 'node:fs'
import path from 'node:path'
import type { Site as GeneratedSite } from 'contentlayer/generated'
import { citationKeys } from '../formats/bibtex'
import { env } from '../env.mjs'
import { comparePublications } from '../domain/sort'
import type { Publication, Site } from '../domain/types'
import { fromGenerated, type GeneratedDocument } from './publication'

/**
 * The one door to the content. Contentlayer's generated data is read from disk at run time,
 * not imported: an import is bundled into the server at `next build` and could never show an
 * edit saved later from the dashboard. The parsed data is kept in memory and reloaded when
 * Contentlayer rewrites its output (its file's mtime or size changes).
 */

type Loaded<T> = { stamp: string; value: T }
// On globalThis: Next may load this module once per route bundle, and the data can be large.
const cacheState = globalThis as { __contentCache?: Map<string, Loaded<unknown>> }
const cache = (cacheState.__contentCache ??= new Map<string, Loaded<unknown>>())

function generatedFile(type: 'Publication' | 'Site'): string {
  return path.join(/* turbopackIgnore: true */ env.contentlayerDir, 'generated', type, '_index.json')
}

function readGenerated<T>(type: 'Publication' | 'Site', map: (raw: unknown) => T): T {
  const file = generatedFile(type)
  const hit = cache.get(file)
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    // Contentlayer removes the file before writing it anew: between the two, serve what we have.
    if (hit) return hit.value as T
    throw new Error(`No generated content at ${file}. Run \`npm run build\` (or \`npm run content\`) first.`)
  }
  const stamp = `${stat.mtimeMs}:${stat.size}`
  if (hit && hit.stamp === stamp) return hit.value as T
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    // Caught half-written, keep serving the last complete data.
    if (hit) return hit.value as T
    throw error
  }
  const value = map(raw)
  cache.set(file, { stamp, value })
  return value
}

/**
 * Something derived from the whole public list (the BibTeX file, the feed), computed once per
 * content version and kept until the content changes.
 */
export function derived<T>(name: string, compute: (publications: Publication[]) => T): T {
  const publications = getPublishedPublications()
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

type PublicationData = { all: Publication[]; published: Publication[]; bySlug: Map<string, Publication> }

function index(all: Publication[]): PublicationData {
  const published = all.filter((publication) => !publication.draft)
  return { all, published, bySlug: new Map(published.map((publication) => [publication.slug, publication])) }
}

/**
 * Saves not yet in Contentlayer's output. The store puts each saved file here as it commits it,
 * so the site shows a save at once, whatever the size of the list; Contentlayer then regenerates
 * in the background, and the entries it has taken in are dropped (`settleChanges`).
 */
type Pending = { seq: number; publication: Publication | null }
type Overlay = { seq: number; entries: Map<string, Pending>; applied?: { base: PublicationData; seq: number; data: PublicationData } }
const overlayState = globalThis as { __contentOverlay?: Overlay }
const overlay: Overlay = (overlayState.__contentOverlay ??= { seq: 0, entries: new Map<string, Pending>() })

/**
 * Shows saved files on the site now: a publication under its slug, or `null` for a deleted one.
 * A regeneration that starts later (`latestChange`) takes them in.
 */
export function publishChanges(changes: { slug: string; publication: Publication | null }[]): void {
  const seq = ++overlay.seq
  for (const { slug, publication } of changes) overlay.entries.set(slug, { seq, publication })
}

/** The highest number `publishChanges` has returned: what a regeneration starting now will include. */
export function latestChange(): number {
  return overlay.seq
}

/**
 * Contentlayer has regenerated from files that include every change up to `seq`: load its output,
 * then stop overlaying those changes (later ones stay until the next regeneration).
 */
export function settleChanges(seq: number): void {
  load()
  for (const [slug, pending] of overlay.entries) if (pending.seq <= seq) overlay.entries.delete(slug)
  overlay.seq++
}

function load(): PublicationData {
  const base = readGenerated('Publication', (raw) => index((raw as unknown as GeneratedDocument[]).map(fromGenerated).sort(comparePublications)))
  if (overlay.entries.size === 0) return base
  const applied = overlay.applied
  if (applied && applied.base === base && applied.seq === overlay.seq) return applied.data
  const bySlug = new Map(base.all.map((publication) => [publication.slug, publication]))
  for (const [slug, { publication }] of overlay.entries) {
    if (publication) bySlug.set(slug, publication)
    else bySlug.delete(slug)
  }
  const data = index([...bySlug.values()].sort(comparePublications))
  overlay.applied = { base, seq: overlay.seq, data }
  return data
}

/** The public list: no drafts, newest first. The same array until the content changes. */
export function getPublishedPublications(): Publication[] {
  return load().published
}

/** A public publication by slug, or undefined for unknown and draft slugs. */
export function getPublication(slug: string): Publication | undefined {
  return load().bySlug.get(slug)
}

export function getSite(): Site {
  return readGenerated('Site', (raw) => {
    const { _id, _raw, documentType, valid, ...site } = raw as GeneratedSite
    return {
      ...site,
      links: Array.isArray(site.links) ? (site.links as Site['links']) : [],
      nameVariants: site.nameVariants?.length ? site.nameVariants : [site.owner],
      maxAuthors: site.maxAuthors ?? 3,
    }
  })
}

/** The neighbours of a paper in the public list's order (newer first). */
export function getNeighbours(slug: string): { previous?: Publication; next?: Publication } {
  const list = getPublishedPublications()
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
  return getPublishedPublications()
    .filter((other) => other.slug !== publication.slug)
    .map((other) => ({ other, shared: (other.tags ?? []).filter((tag) => tags.has(tag)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || comparePublications(a.other, b.other))
    .slice(0, limit)
    .map(({ other }) => other)
}
