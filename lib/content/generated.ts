import 'server-only'
import fs from 'node:fs'
import path from 'node:path'
import type { Site as GeneratedSite } from 'contentlayer/generated'
import { env } from '../env.mjs'
import { COMMIT_DATES_FILE } from './contentlayer/commit-dates.mjs'
import type { Site } from '../domain/types'
import type { SiteSettings } from '../domain/schema'
import { fromGenerated, indexPublications, type GeneratedDocument, type PublicationData } from './publication'

/**
 * Contentlayer's generated data, read from disk at run time, not imported: an import is bundled
 * into the server at `next build` and could never show an edit saved later from the dashboard.
 * The parsed data is kept in memory and reloaded when Contentlayer rewrites its output (its file's
 * mtime or size changes).
 */

type Loaded<T> = { stamp: string; value: T }
// On globalThis: Next may load this module once per route bundle, and the data can be large.
const cacheState = globalThis as { __contentCache?: Map<string, Loaded<unknown>> }
const cache = (cacheState.__contentCache ??= new Map<string, Loaded<unknown>>())

/** Changes when the file is rewritten; empty when it is missing. */
function stampOf(file: string): string {
  try {
    const stat = fs.statSync(file)
    return `${stat.mtimeMs}:${stat.size}`
  } catch {
    return ''
  }
}

/**
 * The last commit date of each publication file, by path in the content folder, as the runner
 * wrote them beside Contentlayer's output before its last generation
 * (lib/content/contentlayer/commit-dates.mjs); empty without git or before a first run.
 */
function commitDates(file: string): Record<string, string> {
  try {
    const dates: unknown = JSON.parse(fs.readFileSync(file, 'utf8'))
    return dates && typeof dates === 'object' ? (dates as Record<string, string>) : {}
  } catch {
    return {}
  }
}

function readGenerated<T>(type: 'Publication' | 'Site', map: (raw: unknown, dates: Record<string, string>) => T): T {
  const file = path.join(/* turbopackIgnore: true */ env.contentlayerDir, 'generated', type, '_index.json')
  const datesFile = path.join(/* turbopackIgnore: true */ env.contentlayerDir, COMMIT_DATES_FILE)
  const hit = cache.get(file)
  const fileStamp = stampOf(file)
  if (!fileStamp) {
    // Contentlayer removes the file before writing it anew: between the two, serve what we have.
    if (hit) return hit.value as T
    throw new Error(`No generated content at ${file}. Run \`npm run build\` (or \`npm run content\`) first.`)
  }
  const stamp = type === 'Publication' ? `${fileStamp} ${stampOf(datesFile)}` : fileStamp
  if (hit && hit.stamp === stamp) return hit.value as T
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    // Caught half-written, keep serving the last complete data.
    if (hit) return hit.value as T
    throw error
  }
  const value = map(raw, type === 'Publication' ? commitDates(datesFile) : {})
  cache.set(file, { stamp, value })
  return value
}

/** Every publication as Contentlayer last generated it. The same object until it regenerates. */
export function generatedPublications(): PublicationData {
  return readGenerated('Publication', (raw, dates) =>
    indexPublications(
      (raw as GeneratedDocument[]).map((doc) => ({ publication: fromGenerated(doc, dates), version: doc.version })),
    ),
  )
}

export function generatedSite(): Site {
  return readGenerated('Site', (raw) => {
    const { _id, _raw, documentType, valid, ...site } = raw as GeneratedSite
    // Contentlayer hands lists and objects over as its own types; plain JSON is what the schema knows.
    return toSite(JSON.parse(JSON.stringify(site)) as SiteSettings)
  })
}

/** The settings as the site uses them, with the defaults of what is unset. */
export function toSite(settings: SiteSettings): Site {
  return {
    ...settings,
    links: Array.isArray(settings.links) ? settings.links : [],
    nameVariants: settings.nameVariants?.length ? settings.nameVariants : [settings.owner],
    maxAuthors: settings.maxAuthors ?? 3,
  }
}
