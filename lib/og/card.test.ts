import satori, { type SatoriNode } from 'satori'
import { describe, expect, it } from 'vitest'
import { Card, type CardData } from '@/components/og/card'
import type { Author } from '@/lib/domain/schema'
import type { Site } from '@/lib/domain/types'
import { CARD_SIZE, cardFonts, paperCard, siteCard, type CardSource } from '.'

// next/og does not expose Satori's layout: the `satori` devDependency is the version next/og
// bundles, so its boxes are the ones the PNG is drawn from.

type Box = { part: string; left: number; top: number; right: number; bottom: number; height: number }

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

const cases: [string, CardData][] = [
  ['a short paper', paperCard({ ...base, authors: authors(1) }, site, HOST)],
  ['30 authors, all shown', paperCard({ ...base, authors: authors(30) }, everyAuthor, HOST)],
  ['30 authors, 3 shown', paperCard({ ...base, authors: authors(30) }, site, HOST)],
  ['a 300-character title', paperCard({ ...base, title: LONG_TITLE }, everyAuthor, HOST)],
  ['a word wider than the card', paperCard({ ...base, title: 'W'.repeat(120) }, site, HOST)],
  ['a 40-character badge', paperCard({ ...base, venueShort: 'W'.repeat(40) }, site, HOST)],
  ['a badge with spaces', paperCard({ ...base, venueShort: 'J. Stat. Mech.' }, site, HOST)],
  ['a long venue', paperCard({ ...base, venue: LONG_VENUE, venueShort: 'J. Stat. Mech.' }, site, HOST)],
  ['a long venue and host', paperCard({ ...base, venue: LONG_VENUE, title: LONG_TITLE }, site, LONG_HOST)],
  [
    'a title with math',
    paperCard({ ...base, title: 'Sparse $\\ell_1$ recovery at $\\epsilon_t \\approx 0.2\\sqrt{R_f}$' }, site, HOST),
  ],
  [
    'everything at its longest',
    paperCard(
      { ...base, title: LONG_TITLE, venue: LONG_VENUE, venueShort: 'W'.repeat(40), authors: authors(30) },
      everyAuthor,
      LONG_HOST,
    ),
  ],
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

/** The parts' boxes, and how far right and down anything is drawn (Satori draws glyphs as paths). */
async function layout(data: CardData): Promise<{ boxes: Map<string, Box>; ink: { right: number; bottom: number } }> {
  const boxes = new Map<string, Box>()
  const record = (node: SatoriNode) => {
    const part: unknown = node.props['data-part']
    if (typeof part !== 'string') return
    const { left, top, width, height } = node
    boxes.set(part, { part, left, top, right: left + width, bottom: top + height, height })
  }
  const svg = await satori(Card({ data }), { ...CARD_SIZE, fonts: await cardFonts(), onNodeDetected: record })
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
    const boxes = [...parts.values()]
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
})

/** The badge's text is 28 px with 1.2 line height and 6 px of padding above and below: one line is 46 px. */
const BADGE_ONE_LINE = 60
