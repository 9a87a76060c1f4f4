/** Next's cache handler interface, as lib/server/cache-handler.mjs implements it. */
export default class MemoryCacheHandler {
  get(key: string, ctx?: unknown): Promise<{ value: unknown; lastModified: number; cacheControl?: unknown } | null>
  set(key: string, value: unknown, ctx?: unknown): Promise<void>
  revalidateTag(tags: string | string[]): Promise<void>
  resetRequestCache(): void
  static usage(): {
    pages: { entries: number; bytes: number }
    notFound: { entries: number; bytes: number }
    rendering: number
  }
}
