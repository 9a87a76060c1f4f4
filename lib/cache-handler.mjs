// Next's cache of rendered pages and route answers (`cacheHandler` in next.config.mjs), kept in
// this process's memory only. Next's default keeps it on disk and remembers `revalidatePath` in
// memory, so after a restart it served pages rendered before the last saves (and the build's
// pages, though the files may have changed since the build). Here every page is rendered anew
// from the content files after a start, then served from memory until a save revalidates it.
// Plain JavaScript: Next imports this file at run time, outside its bundles.

function megabytes() {
  const raw = process.env.PAGE_CACHE_MB?.trim()
  if (!raw) return 512
  const value = Number(raw)
  if (Number.isFinite(value) && value >= 0) return value
  console.error(`PAGE_CACHE_MB must be a number of megabytes, not ${JSON.stringify(raw)}: using 512.`)
  return 512
}
const MAX_BYTES = megabytes() * 1024 * 1024
const TAGS_HEADER = 'x-next-cache-tags'

/** key → { value, lastModified, cacheControl, bytes }, least recently used first. */
const entries = new Map()
/** tag → when it was last revalidated (ms). */
const revalidated = new Map()
/**
 * key → when Next found no usable entry, hence started rendering it. An entry counts from when
 * its render started, not when it was stored: a render that began before a save and ended after
 * it holds the old content, and must not pass for newer than the save.
 */
const rendering = new Map()
let totalBytes = 0

function sizeOf(value) {
  if (!value || typeof value !== 'object') return 0
  let bytes = 0
  for (const part of [value.html, value.rscData, value.body, value.buffer, value.data]) {
    if (typeof part === 'string') bytes += part.length * 2
    else if (part && typeof part.byteLength === 'number') bytes += part.byteLength
  }
  if (value.segmentData instanceof Map) for (const segment of value.segmentData.values()) bytes += segment.byteLength ?? 0
  return bytes + 1024
}

function remove(key) {
  const entry = entries.get(key)
  if (!entry) return
  totalBytes -= entry.bytes
  entries.delete(key)
}

function tagsOf(entry, ctx) {
  const header = entry.value?.headers?.[TAGS_HEADER]
  const tags = typeof header === 'string' ? header.split(',') : []
  return [...tags, ...(entry.tags ?? []), ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]
}

export default class MemoryCacheHandler {
  async get(key, ctx) {
    const entry = entries.get(key)
    if (!entry || tagsOf(entry, ctx).some((tag) => (revalidated.get(tag) ?? 0) >= entry.lastModified)) {
      remove(key)
      if (!rendering.has(key)) {
        // Misses that never lead to an entry (a 404) must not pile up.
        if (rendering.size >= 10_000) rendering.delete(rendering.keys().next().value)
        rendering.set(key, Date.now())
      }
      return null
    }
    // Most recently used goes last.
    entries.delete(key)
    entries.set(key, entry)
    return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl }
  }

  async set(key, value, ctx) {
    const started = rendering.get(key) ?? Date.now()
    rendering.delete(key)
    remove(key)
    if (value === null || value === undefined) return
    const bytes = sizeOf(value)
    if (bytes > MAX_BYTES) return
    entries.set(key, { value, lastModified: started, cacheControl: ctx?.cacheControl, tags: ctx?.tags, bytes })
    totalBytes += bytes
    for (const oldest of entries.keys()) {
      if (totalBytes <= MAX_BYTES) break
      remove(oldest)
    }
  }

  async revalidateTag(tags) {
    const now = Date.now()
    for (const tag of typeof tags === 'string' ? [tags] : tags) revalidated.set(tag, now)
  }

  resetRequestCache() {}
}
