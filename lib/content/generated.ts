import 'server-only'
import fs from 'node:fs'
import path from 'node:path'
import type { Site as GeneratedSite } from 'contentlayer/generated'
import { env } from '../env.mjs'
import type { Site } from '../domain/types'
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

function readGenerated<T>(type: 'Publication' | 'Site', map: (raw: unknown) => T): T {
  const file = path.join(/* turbopackIgnore: true */ env.contentlayerDir, 'generated', type, '_index.json')
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

/** Every publication as Contentlayer last generated it. The same object until it regenerates. */
export function generatedPublications(): PublicationData {
  return readGenerated('Publication', (raw) =>
    indexPublications(
      (raw as GeneratedDocument[]).map((doc) => ({ publication: fromGenerated(doc), version: doc.version })),
    ),
  )
}

export function generatedSite(): Site {
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
