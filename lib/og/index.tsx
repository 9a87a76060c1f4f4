import 'server-only'
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { ImageResponse } from 'next/og'
import { Card, type CardData } from '@/components/og/card'
import { splitAuthors } from '../domain/authors'
import { env } from '../env.mjs'
import type { Author } from '../domain/schema'
import { logOnce } from '../server/log'
import { latexToPlainText, withoutControls } from '../markup/text'
import type { Site } from '../domain/types'

export const CARD_SIZE = { width: 1200, height: 630 } as const

type Font = { name: string; data: ArrayBuffer; weight: 400 | 600; style: 'normal' }

const fontState = globalThis as { __cardFonts?: Promise<Font[]> }

/** TTF files shipped in the repository (next/og reads TTF/OTF, not woff2), subset to Latin, Greek and math. */
function fonts(): Promise<Font[]> {
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

/** The card's content for a paper: LaTeX as readable text, authors cut as in the list. */
export function paperCard(source: CardSource, site: Site): CardData {
  const { shown, hidden } = splitAuthors(source.authors, { ownerNames: site.nameVariants, max: site.maxAuthors })
  return {
    kind: 'paper',
    title: cardText(latexToPlainText(source.title)),
    authors: shown.map((author) => ({ ...author, name: cardText(author.name) })),
    moreAuthors: hidden.length,
    ...(source.venue ? { venue: cardText(latexToPlainText(source.venue)) } : {}),
    ...(source.venueShort ? { badge: cardText(source.venueShort) } : {}),
    ...(source.year ? { year: source.year } : {}),
    siteName: site.title,
    siteHost: env.siteUrl.host,
  }
}

export function siteCard(site: Site, count: number): CardData {
  return {
    kind: 'site',
    title: cardText(site.owner),
    subtitle: cardText(site.description),
    authors: [],
    moreAuthors: 0,
    badge: `${count} publication${count === 1 ? '' : 's'}`,
    siteName: site.title,
    siteHost: env.siteUrl.host,
  }
}

/** Changes whenever anything on the card changes: part of the image's URL, and its ETag. */
export function cardVersion(data: CardData): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('base64url').slice(0, 16)
}

// Rendered cards by version. Small (tens of kB each) and bounded; a changed paper gets a new version.
const cacheState = globalThis as { __cards?: Map<string, Uint8Array> }
const MAX_CACHED = 500

async function drawCard(data: CardData): Promise<Uint8Array> {
  const response = new ImageResponse(<Card data={data} />, { ...CARD_SIZE, fonts: await fonts() })
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

export async function renderCard(data: CardData): Promise<{ png: Uint8Array; version: string }> {
  const version = cardVersion(data)
  cacheState.__cards ??= new Map()
  const cache = cacheState.__cards
  const hit = cache.get(version)
  if (hit) return { png: hit, version }
  let png: Uint8Array
  try {
    png = await drawCard(data)
  } catch (error) {
    // One paper's text must not cost it its card: draw it again with Latin letters alone.
    logOnce(
      `card:${version}`,
      `The card of “${data.title.slice(0, 80)}” could not be drawn; drawing it with plain letters`,
      error,
    )
    png = await drawCard(latinCard(data))
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string)
  cache.set(version, png)
  return { png, version }
}

/**
 * The PNG response: cached for a year when the URL names the current version (a change makes a new
 * URL), revalidated otherwise; answers 304 to a matching If-None-Match.
 */
export async function cardResponse(
  data: CardData,
  requested: { version?: string; ifNoneMatch?: string | null },
): Promise<Response> {
  const { png, version } = await renderCard(data)
  const etag = `"${version}"`
  const cacheControl =
    requested.version === version ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate'
  const headers = { ETag: etag, 'Cache-Control': cacheControl, 'Content-Type': 'image/png' }
  if (requested.ifNoneMatch?.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) {
    return new Response(null, { status: 304, headers })
  }
  return new Response(png as BodyInit, { headers: { ...headers, 'Content-Length': String(png.byteLength) } })
}
