import { describe, expect, it } from 'vitest'
import type { Site } from '@/lib/domain/types'
import { cardResponse, cardVersion, paperCard, paperCardVersion, renderCard, type CardSource } from '.'

const site: Site = {
  owner: 'Ada Owner',
  title: 'Ada Owner',
  description: 'Papers.',
  maxAuthors: 3,
  nameVariants: ['Ada Owner'],
}
const paper: CardSource = {
  title: 'Sparse $\\ell_1$ recovery',
  authors: [{ name: 'Ada Owner' }, { name: 'B. Coauthor' }],
  venueShort: 'J. Stat. Mech.',
  year: 2021,
}
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47]

describe('card versions and hosts', () => {
  it('give a card one version whatever host it is asked on, the one the page links', () => {
    const here = paperCard(paper, site, 'localhost:3000')
    const there = paperCard(paper, site, 'papers.example.org')
    expect(cardVersion(here)).toBe(cardVersion(there))
    expect(cardVersion(here)).toBe(paperCardVersion(paper, site))
    expect(paperCardVersion({ ...paper, year: 2022 }, site)).not.toBe(paperCardVersion(paper, site))
  })

  it('change with the thumbnail, whose name is a hash of its bytes, so platforms fetch the new picture', () => {
    const versions = [undefined, '/media/0123456789abcdef.jpg', '/media/fedcba9876543210.png'].map((thumbnail) =>
      paperCardVersion({ ...paper, ...(thumbnail ? { thumbnail } : {}) }, site),
    )
    expect(new Set(versions).size).toBe(3)
    // A WebP is left off the card (Satori draws PNG and JPEG): the card, and so its version, is the same.
    expect(paperCardVersion({ ...paper, thumbnail: '/media/0123456789abcdef.webp' }, site)).toBe(versions[0])
  })

  it('print the host the request was sent to, and keep a PNG per host', async () => {
    const here = await renderCard(paperCard(paper, site, 'localhost:3000'))
    const there = await renderCard(paperCard(paper, site, 'papers.example.org'))
    expect(here.version).toBe(there.version)
    expect([...here.png.slice(0, 4)]).toEqual(PNG_SIGNATURE)
    expect(Buffer.from(here.png).equals(Buffer.from(there.png))).toBe(false)
  })
})

describe('cardResponse', () => {
  const data = paperCard(paper, site, 'localhost:3000')
  const current = cardVersion(data)

  it('lets the current version be cached for good', async () => {
    const response = await cardResponse(data, { version: current })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(response.headers.get('etag')).toBe(`"${current}"`)
  })

  it('answers an old version with the current card, to be revalidated', async () => {
    const response = await cardResponse(data, { version: paperCardVersion({ ...paper, year: 2019 }, site) })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    expect(response.headers.get('etag')).toBe(`"${current}"`)
    const { png } = await renderCard(data)
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(png))).toBe(true)
  })

  it('has a card whose thumbnail file is missing revalidated, to be drawn with it once it is there', async () => {
    const missing = paperCard({ ...paper, thumbnail: '/media/0000000000000000.jpg' }, site, 'localhost:3000')
    const version = cardVersion(missing)
    const response = await cardResponse(missing, { version })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    expect(response.headers.get('etag')).not.toBe(`"${version}"`)
    const revalidated = await cardResponse(missing, { version, ifNoneMatch: `"${version}"` })
    expect(revalidated.status).toBe(200)
  })

  it('answers 304 to the current ETag', async () => {
    const response = await cardResponse(data, { version: 'old', ifNoneMatch: `W/"${current}"` })
    expect(response.status).toBe(304)
    expect(await response.text()).toBe('')
  })
})
