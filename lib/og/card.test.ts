import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import satori, { type SatoriNode } from 'satori'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Card, THUMBNAIL, type CardData } from '@/components/og/card'
import type { Author } from '@/lib/domain/schema'
import type { Site } from '@/lib/domain/types'
import { CARD_SIZE, cardFonts, paperCard, siteCard, type CardSource } from '.'
import type * as Og from '.'

// next/og does not expose Satori's layout: the `satori` devDependency is the version next/og
// bundles, so its boxes are the ones the PNG is drawn from.

type Box = {
  part: string
  left: number
  top: number
  right: number
  bottom: number
  height: number
  fontSize?: number
}

const site: Site = {
  owner: 'Leonardo Petrini',
  nameVariants: ['Leonardo Petrini'],
  title: 'Leonardo Petrini',
  description: 'Publications of Leonardo Petrini on the theory of deep learning.',
  maxAuthors: 3,
}
const everyAuthor: Site = { ...site, maxAuthors: 100 }
const HOST = 'localhost:3000'
const LONG_HOST = 'publications.physics-department.example-university.org:8443'

function authors(count: number): Author[] {
  return Array.from({ length: count }, (_, index) => ({
    name: index === 4 ? 'Leonardo Petrini' : `Maximilian Wolfeschlegel ${index + 1}`,
    ...(index % 3 === 0 ? { equalContribution: true } : {}),
  }))
}

const base: CardSource = {
  title: 'Relative stability toward diffeomorphisms indicates performance in deep nets',
  authors: authors(4),
  venue: 'Advances in Neural Information Processing Systems 34 (NeurIPS 2021)',
  venueShort: 'NeurIPS',
  year: 2021,
}
const LONG_TITLE = 'Wide '.repeat(60).trim()
const LONG_VENUE = 'Journal of Statistical Mechanics: Theory and Experiment, Special Issue on Machine Learning '.repeat(
  4,
)

/** A thumbnail as uploads are stored (lib/media/process.ts); its file is not read by the layout tests. */
const THUMBNAIL_ADDRESS = '/media/0123456789abcdef.jpg'

const papers: [string, CardSource, Site, string][] = [
  ['a short paper', { ...base, authors: authors(1) }, site, HOST],
  ['30 authors, all shown', { ...base, authors: authors(30) }, everyAuthor, HOST],
  ['30 authors, 3 shown', { ...base, authors: authors(30) }, site, HOST],
  ['a 300-character title', { ...base, title: LONG_TITLE }, everyAuthor, HOST],
  ['a word wider than the card', { ...base, title: 'W'.repeat(120) }, site, HOST],
  ['a 40-character badge', { ...base, venueShort: 'W'.repeat(40) }, site, HOST],
  ['a badge with spaces', { ...base, venueShort: 'J. Stat. Mech.' }, site, HOST],
  ['a long venue', { ...base, venue: LONG_VENUE, venueShort: 'J. Stat. Mech.' }, site, HOST],
  ['a long venue and host', { ...base, venue: LONG_VENUE, title: LONG_TITLE }, site, LONG_HOST],
  [
    'a title with math',
    { ...base, title: 'Sparse $\\ell_1$ recovery at $\\epsilon_t \\approx 0.2\\sqrt{R_f}$' },
    site,
    HOST,
  ],
  [
    'everything at its longest',
    { ...base, title: LONG_TITLE, venue: LONG_VENUE, venueShort: 'W'.repeat(40), authors: authors(30) },
    everyAuthor,
    LONG_HOST,
  ],
]

const withThumbnails: [string, CardData][] = papers.map(([name, source, owner, host]) => [
  `${name} with a thumbnail`,
  paperCard({ ...source, thumbnail: THUMBNAIL_ADDRESS }, owner, host),
])

const cases: [string, CardData][] = [
  ...papers.map(([name, source, owner, host]): [string, CardData] => [name, paperCard(source, owner, host)]),
  ...withThumbnails,
  ['the site card', siteCard(site, 42, HOST)],
  [
    'the site card at its longest',
    siteCard(
      { ...site, owner: LONG_TITLE.slice(0, 200), title: 'W'.repeat(200), description: LONG_VENUE.slice(0, 500) },
      1234,
      LONG_HOST,
    ),
  ],
]

/** A photo-like JPEG at the size thumbnails are stored. */
async function thumbnailJpeg(): Promise<Buffer> {
  const noise = Buffer.from(Array.from({ length: 480 * 360 * 3 }, (_, index) => (index * 7919) % 251))
  return sharp(noise, { raw: { width: 480, height: 360, channels: 3 } })
    .jpeg()
    .toBuffer()
}

let image = ''
beforeAll(async () => {
  image = `data:image/jpeg;base64,${(await thumbnailJpeg()).toString('base64')}`
})

/**
 * The parts' boxes, and how far right and down anything is drawn (Satori draws glyphs as paths).
 * A card that names a thumbnail is drawn with one, as lib/og does when its file is there.
 */
async function layout(data: CardData): Promise<{ boxes: Map<string, Box>; ink: { right: number; bottom: number } }> {
  const boxes = new Map<string, Box>()
  const record = (node: SatoriNode) => {
    const part: unknown = node.props['data-part']
    if (typeof part !== 'string') return
    const { left, top, width, height } = node
    const fontSize: unknown = node.props.style?.fontSize
    boxes.set(part, {
      part,
      left,
      top,
      right: left + width,
      bottom: top + height,
      height,
      ...(typeof fontSize === 'number' ? { fontSize } : {}),
    })
  }
  const element = Card({ data, ...(data.thumbnail ? { image } : {}) })
  const svg = await satori(element, { ...CARD_SIZE, fonts: await cardFonts(), onNodeDetected: record })
  const ink = { right: 0, bottom: 0 }
  for (const [, path] of svg.matchAll(/ d="([^"]*)"/g)) {
    const numbers = (path ?? '').match(/-?\d+(?:\.\d+)?/g)?.map(Number) ?? []
    numbers.forEach((value, index) => {
      if (index % 2 === 0) ink.right = Math.max(ink.right, value)
      else ink.bottom = Math.max(ink.bottom, value)
    })
  }
  return { boxes, ink }
}

// At least half the card's padding (72 px right, 52 px below) stays empty: an ellipsis may reach a
// few pixels past its box, a word that does not wrap would run off the card. The accent bar is a
// rectangle, not a path.
const INK_LIMIT = { right: CARD_SIZE.width - 36, bottom: CARD_SIZE.height - 26 }

const overlap = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5

describe('the social card layout', () => {
  it.each(cases)('%s: every part inside the card, none overlapping', async (_, data) => {
    const { boxes: parts, ink } = await layout(data)
    // "and N more authors" is inside the names' box (tested below), not beside it.
    const boxes = [...parts.values()].filter((box) => box.part !== 'more-authors')
    expect(boxes.length).toBeGreaterThan(3)
    expect(ink.right).toBeLessThanOrEqual(INK_LIMIT.right)
    expect(ink.bottom).toBeLessThanOrEqual(INK_LIMIT.bottom)
    for (const box of boxes) {
      expect(box.left, box.part).toBeGreaterThanOrEqual(0)
      expect(box.top, box.part).toBeGreaterThanOrEqual(0)
      expect(box.right, box.part).toBeLessThanOrEqual(CARD_SIZE.width)
      expect(box.bottom, box.part).toBeLessThanOrEqual(CARD_SIZE.height)
    }
    for (const [index, a] of boxes.entries()) {
      for (const b of boxes.slice(index + 1)) expect(overlap(a, b), `${a.part} overlaps ${b.part}`).toBe(false)
    }
  })

  it.each(cases)('%s: the badge on one line, the year apart from the host', async (_, data) => {
    const { boxes } = await layout(data)
    const badge = boxes.get('badge')
    if (data.badge) expect(badge!.height).toBeLessThan(BADGE_ONE_LINE)
    const year = boxes.get('year')
    const host = boxes.get('host')!
    if (year) expect(host.left - year.right).toBeGreaterThanOrEqual(40)
    expect(host.right - host.left).toBeGreaterThan(100)
  })

  it.each(cases)('%s: the title gets its room, below the header and above the authors', async (_, data) => {
    const { boxes } = await layout(data)
    const title = boxes.get('title')!
    const below = boxes.get(data.kind === 'paper' ? 'authors' : 'subtitle')!
    expect(title.top).toBeGreaterThanOrEqual(boxes.get('header')!.bottom)
    expect(title.bottom).toBeLessThanOrEqual(below.top)
    expect(title.height).toBeGreaterThan(40)
  })

  it.each(cases)('%s: "and N more authors" shown in full', async (_, data) => {
    const { boxes } = await layout(data)
    const more = boxes.get('more-authors')
    if (!data.moreAuthors) return expect(more).toBeUndefined()
    const names = boxes.get('authors')!
    expect(more!.bottom).toBeLessThanOrEqual(names.bottom + 0.5)
    expect(more!.right).toBeLessThanOrEqual(names.right + 0.5)
  })

  it.each(withThumbnails)(
    '%s: the picture at the right of the title and names, which stay readable',
    async (_, data) => {
      const { boxes } = await layout(data)
      const thumbnail = boxes.get('thumbnail')!
      expect(thumbnail.right - thumbnail.left).toBe(THUMBNAIL.width)
      expect(thumbnail.height).toBe(THUMBNAIL.height)
      expect(thumbnail.top).toBeGreaterThanOrEqual(boxes.get('header')!.bottom)
      const title = boxes.get('title')!
      const names = boxes.get('authors')!
      for (const text of [title, names]) expect(thumbnail.left - text.right, text.part).toBeGreaterThanOrEqual(32)
      expect(title.right - title.left).toBeGreaterThan(560)
      expect(title.fontSize).toBeGreaterThanOrEqual(46)
      // At least two lines of the title whenever it needs them.
      if (data.title.length > 30) expect(title.height).toBeGreaterThanOrEqual(2 * title.fontSize! * 1.15 - 1)
    },
  )

  it('without a thumbnail, the title takes the whole width', async () => {
    const { boxes } = await layout(paperCard(base, site, HOST))
    expect(boxes.get('thumbnail')).toBeUndefined()
    expect(boxes.get('title')!.right).toBeGreaterThan(CARD_SIZE.width - 72 - 1)
  })
})

/** The badge's text is 28 px with 1.2 line height and 6 px of padding above and below: one line is 46 px. */
const BADGE_ONE_LINE = 60

describe('the thumbnail on a drawn card', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'og-thumbnail-'))
  const PRESENT = '/media/1111111111111111.jpg'
  const GARBLED = '/media/2222222222222222.jpg'
  const STAGED = '/media/3333333333333333.jpg'
  const DAMAGED = '/media/6666666666666666.jpg'
  let og: typeof Og

  beforeAll(async () => {
    fs.mkdirSync(path.join(work, 'media'), { recursive: true })
    const jpeg = await thumbnailJpeg()
    fs.writeFileSync(path.join(work, PRESENT.slice(1)), jpeg)
    fs.writeFileSync(path.join(work, GARBLED.slice(1)), 'not an image at all')
    // A JPEG's signature and nothing after it: Satori throws on it.
    fs.writeFileSync(path.join(work, DAMAGED.slice(1)), jpeg.subarray(0, 20))
    vi.stubEnv('CONTENT_DIR', work)
    vi.resetModules()
    og = await import('.')
    const { stageMedium } = await import('../media/staging')
    stageMedium({ name: STAGED.slice('/media/'.length), bytes: jpeg, contentType: 'image/jpeg' })
  }, 30_000)

  afterAll(() => {
    vi.unstubAllEnvs()
    fs.rmSync(work, { recursive: true, force: true })
  })

  const card = (thumbnail: string) => og.paperCard({ ...base, thumbnail }, site, HOST)
  const withoutThumbnail = ({ thumbnail: _, ...data }: CardData): CardData => data
  const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))

  it('draws the picture from the content folder', async () => {
    const drawn = await og.renderCard(card(PRESENT))
    expect(drawn.complete).toBe(true)
    expect(same(drawn.png, (await og.renderCard(withoutThumbnail(card(PRESENT)))).png)).toBe(false)
  })

  it.each([
    ['a missing file', '/media/4444444444444444.jpg'],
    ['a file that is not an image', GARBLED],
    ['a damaged JPEG', DAMAGED],
    ['a WebP file', '/media/5555555555555555.webp'],
  ])('draws the card without the picture for %s, never failing', async (_, thumbnail) => {
    const drawn = await og.renderCard(card(thumbnail))
    const plain = await og.renderCard(withoutThumbnail(card(thumbnail)))
    expect(same(drawn.png, plain.png)).toBe(true)
  })

  it("shows an upload not saved yet in the editor's preview only", async () => {
    const preview = await og.renderCard(card(STAGED), { staged: true })
    const published = await og.renderCard(card(STAGED))
    expect(preview.complete).toBe(true)
    expect(published.complete).toBe(false)
    expect(same(published.png, (await og.renderCard(withoutThumbnail(card(STAGED)))).png)).toBe(true)
    expect(same(preview.png, (await og.renderCard(card(PRESENT))).png)).toBe(true)
  })
})
