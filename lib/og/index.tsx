import 'server-only'
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { LRUCache } from 'lru-cache'
import { ImageResponse } from 'next/og'
import { Card, type CardData } from '@/components/og/card'
import { splitAuthors, type AuthorView } from '../domain/authors'
import type { Author } from '../domain/schema'
import { logOnce } from '../server/log'
import { withoutControls } from '../markup/text'
import { latexToUnicode } from '../markup/unicode-math'
import type { Site } from '../domain/types'
import { drawableThumbnail, thumbnailImage } from './thumbnail'

export const CARD_SIZE = { width: 1200, height: 630 } as const

type Font = { name: string; data: ArrayBuffer; weight: 400 | 600; style: 'normal' }

const fontState = globalThis as { __cardFonts?: Promise<Font[]> }

/**
 * TTF files shipped in the repository (next/og reads TTF/OTF, not woff2), subset to Latin, Greek
 * and math (lib/og/fonts/README.md). Satori draws a character the card's font lacks with the first
 * font here that has it: Noto Sans Math is last, for the operators and letters Inter lacks.
 */
export function cardFonts(): Promise<Font[]> {
  fontState.__cardFonts ??= (async () => {
    const dir = path.join(/* turbopackIgnore: true */ process.cwd(), 'lib', 'og', 'fonts')
    const load = async (file: string) => {
      const buffer = await fs.readFile(path.join(dir, file))
      return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer
    }
    return [
      { name: 'Inter', data: await load('Inter-Regular.ttf'), weight: 400, style: 'normal' },
      { name: 'Inter', data: await load('Inter-SemiBold.ttf'), weight: 600, style: 'normal' },
      { name: 'Source Serif', data: await load('SourceSerif4-SemiBold.ttf'), weight: 600, style: 'normal' },
      { name: 'Noto Sans Math', data: await load('NotoSansMath-Regular.ttf'), weight: 400, style: 'normal' },
    ]
  })()
  return fontState.__cardFonts
}

export type CardSource = {
  title: string
  authors: readonly Author[]
  venue?: string
  venueShort?: string
  year?: number
  /** `/media/<name>`; a WebP one is left off the card (Satori draws PNG and JPEG only). */
  thumbnail?: string
}

/**
 * Card text without emoji and without what XML cannot carry. next/og draws an emoji by fetching
 * its image from a CDN while rendering: offline that throws (the card answered 500), and online
 * every new card made the server call a third party. Emoji are left out of cards instead.
 */
export function cardText(value: string): string {
  return withoutControls(value)
    .replace(/\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|[\u200d\ufe0f\u20e3]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
}

// What the card's two lines of authors hold at 30 px with room for "and N more authors", across
// the card or beside its thumbnail: Satori cannot cut a list of styled names with an ellipsis, so
// the card shows no more names than this.
const AUTHOR_CHARACTERS = { across: 96, beside: 56 }

/** The first authors whose names fit in `characters` (at least one), in order. */
function fitAuthors(authors: AuthorView[], characters: number): AuthorView[] {
  let used = 0
  const fit = authors.findIndex((author) => (used += author.name.length + author.marks.length + 2) > characters)
  return fit === -1 ? authors : authors.slice(0, Math.max(1, fit))
}

/**
 * The card's content for a paper: math as Unicode text, authors cut as in the list and to what
 * fits. `host` is the one the request was sent to (`siteOrigin`), printed on the card but not part
 * of its version.
 */
export function paperCard(source: CardSource, site: Site, host: string): CardData {
  const { shown } = splitAuthors(source.authors, { ownerNames: site.nameVariants, max: site.maxAuthors })
  const thumbnail = drawableThumbnail(source.thumbnail)
  const authors = fitAuthors(
    shown.map((author) => ({ ...author, name: cardText(author.name) })),
    thumbnail ? AUTHOR_CHARACTERS.beside : AUTHOR_CHARACTERS.across,
  )
  return {
    kind: 'paper',
    title: cardText(latexToUnicode(source.title)),
    authors,
    moreAuthors: source.authors.length - authors.length,
    ...(source.venue ? { venue: cardText(latexToUnicode(source.venue)) } : {}),
    ...(source.venueShort ? { badge: cardText(source.venueShort) } : {}),
    ...(source.year ? { year: source.year } : {}),
    ...(thumbnail ? { thumbnail } : {}),
    siteName: site.title,
    siteHost: host,
  }
}

export function siteCard(site: Site, count: number, host: string): CardData {
  return {
    kind: 'site',
    title: cardText(site.owner),
    subtitle: cardText(site.description),
    authors: [],
    moreAuthors: 0,
    badge: `${count} publication${count === 1 ? '' : 's'}`,
    siteName: site.title,
    siteHost: host,
  }
}

/**
 * Changes whenever what the card shows changes, but for the host: part of the image's URL, and its
 * ETag. The page that links the card is rendered once for every host the site is reached on, so
 * its link and the image route must agree whichever host each was asked on.
 */
export function cardVersion(data: CardData): string {
  const { siteHost: _host, ...content } = data
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 16)
}

/** The version of a paper's card, for the page's link to it, which is made without a request. */
export function paperCardVersion(source: CardSource, site: Site): string {
  return cardVersion(paperCard(source, site, ''))
}

export function siteCardVersion(site: Site, count: number): string {
  return cardVersion(siteCard(site, count, ''))
}

/** A card as a page's metadata names it (`og:image` with its size, type and text alternative). */
export function cardImage(url: string, alt: string) {
  return { url, ...CARD_SIZE, type: 'image/png', alt }
}

// Rendered cards by version and host (and whether a thumbnail they name was missing); a changed
// paper gets a new version. Bounded by bytes as well as by count: a card is tens of kB, but one
// with a photo hundreds.
const cacheState = globalThis as { __cards?: LRUCache<string, Uint8Array> }
const CACHE_LIMITS = { max: 500, maxSize: 64 * 1024 * 1024 }

async function drawCard(data: CardData, image: string | undefined): Promise<Uint8Array> {
  const response = new ImageResponse(<Card data={data} image={image} />, { ...CARD_SIZE, fonts: await cardFonts() })
  return new Uint8Array(await response.arrayBuffer())
}

/** The card with its text cut down to Latin letters, digits and punctuation, which the bundled fonts draw. */
function latinCard(data: CardData): CardData {
  const latin = (value: string) =>
    value
      .normalize('NFKD')
      .replace(/[^\u0020-\u007e\u00a0-\u024f]+/g, ' ')
      .replace(/ +/g, ' ')
      .trim()
  return {
    ...data,
    title: latin(data.title),
    ...(data.subtitle ? { subtitle: latin(data.subtitle) } : {}),
    authors: data.authors.map((author) => ({ ...author, name: latin(author.name) })),
    ...(data.venue ? { venue: latin(data.venue) } : {}),
    ...(data.badge ? { badge: latin(data.badge) } : {}),
  }
}

/**
 * The hosts cards are drawn with: the first few the server is asked on. Without SITE_URL the host
 * comes from each request's Host header, which the client chooses, and every new one would cost a
 * drawing and push real cards out of the cache; past these, a card names the first host.
 */
const MAX_HOSTS = 8
const hostState = globalThis as { __cardHosts?: string[] }
function drawnHost(host: string): string {
  const hosts = (hostState.__cardHosts ??= [])
  if (hosts.includes(host)) return host
  if (hosts.length < MAX_HOSTS) {
    hosts.push(host)
    return host
  }
  return hosts[0] ?? host
}

/**
 * One paper's picture or text must not cost it its card: a thumbnail Satori cannot decode (a
 * damaged file) is left off, then the text is cut down to Latin letters.
 */
async function drawOrFallBack(data: CardData, image: string | undefined, version: string): Promise<Uint8Array> {
  try {
    return await drawCard(data, image)
  } catch (error) {
    const instead = image ? 'without its thumbnail' : 'with plain letters'
    logOnce(
      `card:${version}:${instead}`,
      `The card of “${data.title.slice(0, 80)}” could not be drawn; drawing it ${instead}`,
      error,
    )
    return image ? drawOrFallBack(data, undefined, version) : drawCard(latinCard(data), undefined)
  }
}

type RenderedCard = {
  png: Uint8Array
  version: string
  /**
   * False when the card names a thumbnail whose file is missing or is no JPEG or PNG: it is drawn
   * without it, and again once the file is there.
   */
  complete: boolean
}

/**
 * The card as a PNG. `staged` (the editor's preview only) lets the thumbnail come from an upload
 * not saved yet; the public card draws what the content folder holds.
 */
export async function renderCard(card: CardData, { staged = false } = {}): Promise<RenderedCard> {
  const data = { ...card, siteHost: drawnHost(card.siteHost) }
  const version = cardVersion(data)
  const image = data.thumbnail ? await thumbnailImage(data.thumbnail, { staged }) : undefined
  const complete = !data.thumbnail || image !== undefined
  // Kept apart, so the card is drawn with the picture once its file is there.
  const key = `${version} ${data.siteHost}${complete ? '' : ' without its thumbnail'}`
  const cache = (cacheState.__cards ??= new LRUCache({ ...CACHE_LIMITS, sizeCalculation: (png) => png.byteLength }))
  const hit = cache.get(key)
  if (hit) return { png: hit, version, complete }
  const png = await drawOrFallBack(data, image, version)
  cache.set(key, png)
  return { png, version, complete }
}

/**
 * The PNG response: cached for a year when the URL names the current version (a change makes a new
 * URL), revalidated otherwise; answers 304 to a matching If-None-Match. A card drawn without its
 * missing thumbnail is revalidated too, under an ETag of its own, so it is fetched again once the
 * file is there.
 */
export async function cardResponse(
  data: CardData,
  requested: { version?: string; ifNoneMatch?: string | null },
): Promise<Response> {
  const { png, version, complete } = await renderCard(data)
  const etag = complete ? `"${version}"` : `"${version}-without-thumbnail"`
  const cacheControl =
    requested.version === version && complete
      ? 'public, max-age=31536000, immutable'
      : 'public, max-age=0, must-revalidate'
  const headers = { ETag: etag, 'Cache-Control': cacheControl, 'Content-Type': 'image/png' }
  if (requested.ifNoneMatch?.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) {
    return new Response(null, { status: 304, headers })
  }
  return new Response(png as BodyInit, { headers: { ...headers, 'Content-Length': String(png.byteLength) } })
}
