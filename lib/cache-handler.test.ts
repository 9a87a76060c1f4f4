import { afterEach, describe, expect, it, vi } from 'vitest'

type Handler = {
  get(key: string, ctx?: unknown): Promise<{ value: unknown; lastModified: number } | null>
  set(key: string, value: unknown, ctx?: unknown): Promise<void>
  revalidateTag(tags: string | string[]): Promise<void>
}

async function freshHandler(env: Record<string, string> = {}): Promise<Handler> {
  vi.resetModules()
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
  const { default: MemoryCacheHandler } = await import('./cache-handler.mjs')
  return new MemoryCacheHandler()
}

const page = (html: string, tags = '_N_T_/layout,_N_T_/publications') => ({ kind: 'APP_PAGE', html, headers: { 'x-next-cache-tags': tags } })

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
})
