// Next's cache of rendered pages and route answers (`cacheHandler` in next.config.mjs), kept in
// this process's memory only. Next's default keeps it on disk and remembers `revalidatePath` in
// memory, so after a restart it served pages rendered before the last saves (and the build's
// pages, though the files may have changed since the build). Here every page is rendered anew
// from the content files after a start, then served from memory until a save revalidates it.
// Plain JavaScript: Next imports this file at run time, outside its bundles.

import { LRUCache } from 'lru-cache'
import { pageCacheMegabytes } from '../env.mjs'

/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandler} CacheHandler */
/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue */
/** @typedef {NonNullable<CacheHandlerValue['value']>} CachedValue */
/** @typedef {Parameters<CacheHandler['get']>[1]} GetContext */
/** @typedef {Parameters<CacheHandler['set']>[2]} SetContext */
/**
 * @typedef {object} Entry
 * @property {CachedValue} value
 * @property {number} lastModified when its render started (ms)
 * @property {CacheHandlerValue['cacheControl']} cacheControl
 * @property {string[]} tags
 * @property {number} bytes
 */

// lru-cache counts whole units; a bound of 0 MB keeps nothing (every entry is larger than 1 byte).
const MAX_BYTES = Math.max(1, Math.floor(pageCacheMegabytes() * 1024 * 1024))
/**
 * Pages that answer 404 (an unknown slug) get a small space of their own: anyone can ask for
 * endless made-up addresses, and their pages must never push real ones out.
 */
const NOT_FOUND_MAX_BYTES = Math.min(MAX_BYTES, 4 * 1024 * 1024)
const NOT_FOUND_MAX_ENTRIES = 500
const TAGS_HEADER = 'x-next-cache-tags'

/** @type {(entry: Entry) => number} */
const entrySize = (entry) => entry.bytes
/** key → entry, least recently used dropped first, within a byte bound. An entry over it is not kept. */
const pages = new LRUCache({ maxSize: MAX_BYTES, sizeCalculation: entrySize })
const notFound = new LRUCache({ max: NOT_FOUND_MAX_ENTRIES, maxSize: NOT_FOUND_MAX_BYTES, sizeCalculation: entrySize })
/** tag → when it was last revalidated (ms). */
const revalidated = new Map()
/**
 * key → when Next found no usable entry, hence started rendering it. An entry counts from when
 * its render started, not when it was stored: a render that began before a save and ended after
 * it holds the old content, and must not pass for newer than the save. Bounded by the length of
 * its keys too, which a visitor chooses.
 * @type {LRUCache<string, number>}
 */
const rendering = new LRUCache({
  maxSize: 4 * 1024 * 1024,
  sizeCalculation: (_started, key) => Math.max(1, key.length),
})

/** @param {string} key */
function startRendering(key) {
  if (!rendering.has(key)) rendering.set(key, Date.now())
}

/** @param {string} key */
function stopRendering(key) {
  const started = rendering.get(key)
  rendering.delete(key)
  return started
}

/**
 * About how much memory a cached value takes: its key, its strings (UTF-16), its buffers (the
 * page's HTML, RSC payload, route body…) and its prefetch segments.
 * @param {string} key
 * @param {CachedValue} value
 */
function sizeOf(key, value) {
  let bytes = key.length * 2
  for (const part of Object.values(value)) {
    if (typeof part === 'string') bytes += part.length * 2
    else if (part instanceof Uint8Array) bytes += part.byteLength
  }
  if ('segmentData' in value && value.segmentData instanceof Map)
    for (const segment of value.segmentData.values()) bytes += segment.byteLength ?? 0
  return bytes + 1024
}

/** @param {string} key */
function remove(key) {
  pages.delete(key)
  notFound.delete(key)
}

/**
 * @param {Entry} entry
 * @param {GetContext} [ctx]
 */
function tagsOf(entry, ctx) {
  const header = 'headers' in entry.value ? entry.value.headers?.[TAGS_HEADER] : undefined
  const tags = typeof header === 'string' ? header.split(',') : []
  const asked = ctx && 'tags' in ctx ? [...(ctx.tags ?? []), ...('softTags' in ctx ? (ctx.softTags ?? []) : [])] : []
  return [...tags, ...entry.tags, ...asked]
}

/** @implements {CacheHandler} */
export default class MemoryCacheHandler {
  /**
   * @param {string} key
   * @param {GetContext} [ctx]
   * @returns {Promise<CacheHandlerValue | null>}
   */
  async get(key, ctx) {
    const entry = pages.get(key) ?? notFound.get(key)
    if (!entry || tagsOf(entry, ctx).some((tag) => (revalidated.get(tag) ?? 0) >= entry.lastModified)) {
      remove(key)
      startRendering(key)
      return null
    }
    return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl }
  }

  /**
   * @param {string} key
   * @param {CacheHandlerValue['value']} value
   * @param {SetContext} [ctx]
   */
  async set(key, value, ctx) {
    const started = stopRendering(key) ?? Date.now()
    remove(key)
    if (value === null || value === undefined) return
    /** @type {Entry} */
    const entry = {
      value,
      lastModified: started,
      cacheControl: ctx && 'cacheControl' in ctx ? ctx.cacheControl : undefined,
      tags: ctx && 'tags' in ctx ? (ctx.tags ?? []) : [],
      bytes: sizeOf(key, value),
    }
    ;('status' in value && value.status === 404 ? notFound : pages).set(key, entry)
  }

  /** How much each space holds (for tests and diagnostics). */
  static usage() {
    return {
      pages: { entries: pages.size, bytes: pages.calculatedSize },
      notFound: { entries: notFound.size, bytes: notFound.calculatedSize },
      rendering: rendering.size,
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const now = Date.now()
    for (const tag of typeof tags === 'string' ? [tags] : tags) revalidated.set(tag, now)
  }

  resetRequestCache() {}
}
