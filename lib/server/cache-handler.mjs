// Next's cache of rendered pages and route answers (`cacheHandler` in next.config.mjs), kept in
// this process's memory only. Next's default keeps it on disk and remembers `revalidatePath` in
// memory, so after a restart it served pages rendered before the last saves (and the build's
// pages, though the files may have changed since the build). Here every page is rendered anew
// from the content files after a start, then served from memory until a save revalidates it.
// Plain JavaScript: Next imports this file at run time, outside its bundles.

import { serverEnv } from '../env.mjs'

const MAX_BYTES = serverEnv().PAGE_CACHE_MB * 1024 * 1024
/**
 * Pages that answer 404 (an unknown slug) get a small space of their own: anyone can ask for
 * endless made-up addresses, and their pages must never push real ones out.
 */
const NOT_FOUND_MAX_BYTES = Math.min(MAX_BYTES, 4 * 1024 * 1024)
const NOT_FOUND_MAX_ENTRIES = 500
const TAGS_HEADER = 'x-next-cache-tags'

/** key → { value, lastModified, cacheControl, bytes }, least recently used first, within a byte bound. */
class Store {
  entries = new Map()
  bytes = 0

  constructor(maxBytes, maxEntries = Infinity) {
    this.maxBytes = maxBytes
    this.maxEntries = maxEntries
  }

  get(key) {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    // Most recently used goes last.
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry
  }

  add(key, entry) {
    if (entry.bytes > this.maxBytes) return
    this.entries.set(key, entry)
    this.bytes += entry.bytes
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes && this.entries.size <= this.maxEntries) break
      this.remove(oldest)
    }
  }

  remove(key) {
    const entry = this.entries.get(key)
    if (!entry) return
    this.bytes -= entry.bytes
    this.entries.delete(key)
  }
}

const pages = new Store(MAX_BYTES)
const notFound = new Store(NOT_FOUND_MAX_BYTES, NOT_FOUND_MAX_ENTRIES)
/** tag → when it was last revalidated (ms). */
const revalidated = new Map()
/**
 * key → when Next found no usable entry, hence started rendering it. An entry counts from when
 * its render started, not when it was stored: a render that began before a save and ended after
 * it holds the old content, and must not pass for newer than the save. Bounded by the length of
 * its keys too, which a visitor chooses.
 */
const rendering = new Map()
let renderingChars = 0
const RENDERING_MAX_CHARS = 4 * 1024 * 1024

function startRendering(key) {
  if (rendering.has(key)) return
  rendering.set(key, Date.now())
  renderingChars += key.length
  for (const oldest of rendering.keys()) {
    if (renderingChars <= RENDERING_MAX_CHARS) break
    stopRendering(oldest)
  }
}

function stopRendering(key) {
  const started = rendering.get(key)
  if (started === undefined) return undefined
  rendering.delete(key)
  renderingChars -= key.length
  return started
}

function sizeOf(key, value) {
  if (!value || typeof value !== 'object') return 0
  let bytes = key.length * 2
  for (const part of [value.html, value.rscData, value.body, value.buffer, value.data]) {
    if (typeof part === 'string') bytes += part.length * 2
    else if (part && typeof part.byteLength === 'number') bytes += part.byteLength
  }
  if (value.segmentData instanceof Map)
    for (const segment of value.segmentData.values()) bytes += segment.byteLength ?? 0
  return bytes + 1024
}

function remove(key) {
  pages.remove(key)
  notFound.remove(key)
}

function tagsOf(entry, ctx) {
  const header = entry.value?.headers?.[TAGS_HEADER]
  const tags = typeof header === 'string' ? header.split(',') : []
  return [...tags, ...(entry.tags ?? []), ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]
}

export default class MemoryCacheHandler {
  async get(key, ctx) {
    const entry = pages.get(key) ?? notFound.get(key)
    if (!entry || tagsOf(entry, ctx).some((tag) => (revalidated.get(tag) ?? 0) >= entry.lastModified)) {
      remove(key)
      startRendering(key)
      return null
    }
    return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl }
  }

  async set(key, value, ctx) {
    const started = stopRendering(key) ?? Date.now()
    remove(key)
    if (value === null || value === undefined) return
    const entry = {
      value,
      lastModified: started,
      cacheControl: ctx?.cacheControl,
      tags: ctx?.tags,
      bytes: sizeOf(key, value),
    }
    ;(value.status === 404 ? notFound : pages).add(key, entry)
  }

  /** How much each space holds (for tests and diagnostics). */
  static usage() {
    return {
      pages: { entries: pages.entries.size, bytes: pages.bytes },
      notFound: { entries: notFound.entries.size, bytes: notFound.bytes },
      rendering: rendering.size,
    }
  }

  async revalidateTag(tags) {
    const now = Date.now()
    for (const tag of typeof tags === 'string' ? [tags] : tags) revalidated.set(tag, now)
  }

  resetRequestCache() {}
}
