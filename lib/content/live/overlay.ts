import 'server-only'
import { generatedPublications } from '../generated'
import type { Site } from '../../domain/types'
import { indexPublications, type PublicationData, type Versioned } from '../publication'

/**
 * Saves not yet in Contentlayer's output. Each saved file is put here as the store commits it, so
 * the site shows a save at once, whatever the size of the list; Contentlayer then regenerates in
 * the background, and the entries it has taken in are dropped (`settleChanges`).
 */

type Pending = { seq: number; entry: Versioned | null }
type Overlay = {
  seq: number
  entries: Map<string, Pending>
  /** The site settings as last saved, until a regeneration has taken them in. */
  site?: { seq: number; site: Site }
  applied?: { base: PublicationData; seq: number; data: PublicationData }
}
// On globalThis: Next may load this module once per route bundle; every copy must see each save.
const overlayState = globalThis as { __contentOverlay?: Overlay }
const overlay: Overlay = (overlayState.__contentOverlay ??= { seq: 0, entries: new Map<string, Pending>() })

/**
 * Shows saved files on the site now: a publication under its slug, or `null` for a deleted one.
 * A regeneration that starts later (`latestChange`) takes them in.
 */
export function publishChanges(changes: { slug: string; entry: Versioned | null }[]): void {
  const seq = ++overlay.seq
  for (const { slug, entry } of changes) overlay.entries.set(slug, { seq, entry })
}

/** Shows saved site settings on the site now. */
export function publishSite(site: Site): void {
  overlay.site = { seq: ++overlay.seq, site }
}

/** The saved settings not yet in Contentlayer's output, or undefined. */
export function pendingSite(): Site | undefined {
  return overlay.site?.site
}

/** The highest number `publishChanges` has given out: what a regeneration starting now includes. */
export function latestChange(): number {
  return overlay.seq
}

/**
 * Contentlayer has regenerated from files that include every change up to `seq`: load its output,
 * then stop overlaying those changes (later ones stay until the next regeneration).
 */
export function settleChanges(seq: number): void {
  generatedPublications()
  for (const [slug, pending] of overlay.entries) if (pending.seq <= seq) overlay.entries.delete(slug)
  if (overlay.site && overlay.site.seq <= seq) delete overlay.site
  overlay.seq++
}

/** Contentlayer's output with the pending saves over it (a re-sort in memory, kept until either changes). */
export function withPendingChanges(base: PublicationData): PublicationData {
  if (overlay.entries.size === 0) return base
  const applied = overlay.applied
  if (applied && applied.base === base && applied.seq === overlay.seq) return applied.data
  const bySlug = new Map(base.bySlug)
  for (const [slug, { entry }] of overlay.entries) {
    if (entry) bySlug.set(slug, entry)
    else bySlug.delete(slug)
  }
  const data = indexPublications(bySlug.values())
  overlay.applied = { base, seq: overlay.seq, data }
  return data
}
