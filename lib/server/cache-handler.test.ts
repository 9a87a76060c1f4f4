import { afterEach, describe, expect, it, vi } from 'vitest'

type Handler = {
  get(key: string, ctx?: unknown): Promise<{ value: unknown; lastModified: number } | null>
  set(key: string, value: unknown, ctx?: unknown): Promise<void>
  revalidateTag(tags: string | string[]): Promise<void>
}

type Usage = {
  pages: { entries: number; bytes: number }
  notFound: { entries: number; bytes: number }
  rendering: number
}

async function freshModule(env: Record<string, string> = {}) {
  vi.resetModules()
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
  const { default: MemoryCacheHandler } = await import('./cache-handler.mjs')
  return { handler: new MemoryCacheHandler() as Handler, usage: (): Usage => MemoryCacheHandler.usage() }
}

async function freshHandler(env: Record<string, string> = {}): Promise<Handler> {
  return (await freshModule(env)).handler
}

const page = (html: string, tags = '_N_T_/layout,_N_T_/publications') => ({
  kind: 'APP_PAGE',
  html,
  headers: { 'x-next-cache-tags': tags },
})

describe('the page cache', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllEnvs()
  })

  it('starts empty, so a restarted server renders every page from the files', async () => {
    const cache = await freshHandler()
    expect(await cache.get('/publications')).toBeNull()
  })

  it('serves what was stored until a tag of the page is revalidated', async () => {
    vi.useFakeTimers({ now: 1_000 })
    const cache = await freshHandler()
    await cache.get('/publications')
    await cache.set('/publications', page('v1'))
    vi.advanceTimersByTime(10)
    expect((await cache.get('/publications'))?.value).toEqual(page('v1'))

    await cache.revalidateTag(['_N_T_/other'])
    expect((await cache.get('/publications'))?.value).toEqual(page('v1'))

    vi.advanceTimersByTime(10)
    await cache.revalidateTag('_N_T_/layout')
    expect(await cache.get('/publications')).toBeNull()
  })

  it('does not take a render that began before a save for one made after it', async () => {
    vi.useFakeTimers({ now: 1_000 })
    const cache = await freshHandler()
    expect(await cache.get('/publications')).toBeNull() // a render starts, from the old content
    vi.advanceTimersByTime(100)
    await cache.revalidateTag('_N_T_/layout') // a save
    vi.advanceTimersByTime(100)
    await cache.set('/publications', page('old')) // the render ends
    expect(await cache.get('/publications'), 'the old render must not be served').toBeNull()

    vi.advanceTimersByTime(100)
    await cache.set('/publications', page('new'))
    vi.advanceTimersByTime(100)
    expect((await cache.get('/publications'))?.value).toEqual(page('new'))
  })

  it('keeps within its memory bound, dropping the least recently used pages', async () => {
    const cache = await freshHandler({ PAGE_CACHE_MB: '1' })
    const big = (name: string) => page(name.padEnd(200_000, '.')) // about 400 kB each
    await cache.set('/a', big('a'))
    await cache.set('/b', big('b'))
    expect(await cache.get('/a')).not.toBeNull() // /a is now the most recently used
    await cache.set('/c', big('c'))
    expect(await cache.get('/b')).toBeNull()
    expect(await cache.get('/a')).not.toBeNull()
    expect(await cache.get('/c')).not.toBeNull()
  })

  it('keeps the 404 pages of made-up addresses in a small space of their own, so they never evict real pages', async () => {
    const { handler: cache, usage } = await freshModule({ PAGE_CACHE_MB: '8' })
    await cache.get('/publications')
    await cache.set('/publications', page('the list'.padEnd(100_000, '.')))
    // 2,000 visitors' requests for 8 kB slugs that name no paper.
    for (let i = 0; i < 2_000; i++) {
      const key = `/publications/${String(i).padEnd(8_000, 'x')}`
      expect(await cache.get(key)).toBeNull()
      await cache.set(key, { ...page('<h1>Not found</h1>'.padEnd(20_000, ' ')), status: 404 })
    }
    expect((await cache.get('/publications'))?.value, 'the real page is still served from memory').toEqual(
      page('the list'.padEnd(100_000, '.')),
    )
    const { notFound, rendering } = usage()
    expect(notFound.bytes).toBeLessThanOrEqual(4 * 1024 * 1024)
    expect(notFound.entries).toBeLessThanOrEqual(500)
    expect(rendering).toBe(0)
    // A recent 404 is still answered from memory.
    expect(await cache.get(`/publications/${String(1_999).padEnd(8_000, 'x')}`)).not.toBeNull()
  })

  it('does not let misses that never render pile up', async () => {
    const { handler: cache, usage } = await freshModule()
    for (let i = 0; i < 5_000; i++) await cache.get(`/publications/${String(i).padEnd(8_000, 'y')}`)
    expect(usage().rendering * 8_000).toBeLessThanOrEqual(4 * 1024 * 1024 + 8_100)
  })
})
