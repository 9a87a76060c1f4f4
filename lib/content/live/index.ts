import 'server-only'
import { revalidatePath } from 'next/cache'
import type { PublicationFrontmatter, SiteSettings } from '../../domain/schema'
import { toSite } from '../generated'
import { fromSaved } from '../publication'
import { publishChanges, publishSite } from './overlay'
import { regenerateContent, regenerateInBackground } from './regenerate'

/**
 * The live-edit mechanism: how a save is on the public site within about a second, with no
 * rebuild and no restart, while Contentlayer stays the reader of the files.
 *
 * - After a write, the store calls `showSaved` with each file as it now is. The files are shown
 *   over Contentlayer's output at once (`./overlay.ts`: a re-sort in memory), every public page is
 *   revalidated, and a long-lived Contentlayer worker (`./regenerate.ts`, running
 *   `../contentlayer/worker.mjs`) regenerates `.contentlayer/` in the background, once for any
 *   number of saves made while it runs; the overlay entries it has taken in are then dropped.
 * - At a start, `regenerateAtStart` brings Contentlayer's output up to what the files hold before
 *   the first request is answered: a stop can come before the background regeneration caught up.
 */

/** A file the store has just written (parsed from its bytes), or `null` when it is gone. */
export type SavedFile = {
  slug: string
  saved: { frontmatter: PublicationFrontmatter; body: string; version: string; lastModified: Date } | null
}

/** Site settings the store has just written (parsed from the file), with the file's version. */
export type SavedSite = { settings: SiteSettings; version: string }

export function showSaved(files: SavedFile[], site?: SavedSite): void {
  if (site) publishSite(toSite(site.settings))
  publishChanges(
    files.map(({ slug, saved }) => ({
      slug,
      entry: saved && {
        publication: fromSaved(slug, saved.frontmatter, saved.body, saved.lastModified),
        version: saved.version,
      },
    })),
  )
  // Every public page depends on the whole list (neighbours, related papers, counts, feeds, cards).
  revalidatePath('/', 'layout')
  regenerateInBackground()
}

export async function regenerateAtStart(): Promise<void> {
  try {
    const { documents, ms } = await regenerateContent()
    console.log(`Content regenerated: ${documents} documents in ${ms} ms`)
  } catch (error) {
    // Serve what the build generated; the next save regenerates again.
    console.error('Contentlayer could not regenerate the content at start:', error)
  }
}
