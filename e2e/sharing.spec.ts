import { expect, test } from '@playwright/test'
import { E2E_BASE_URL } from './support/paths'
import { routes } from '../lib/domain/routes.mjs'
import { PAPERS, paper } from './support/public-site'
import { meta, metaContent, ogImage, parseBib, parseXml, pngSize, sha256, xmlTexts } from './support/sharing'

const landscape = paper('Landscape')

test.describe('social cards', () => {
  test('every paper page has its own 1200×630 PNG card, and the site pages a card of their own', async ({
    page,
    request,
  }) => {
    const hashes = new Map<string, string>()
    for (const p of PAPERS) {
      await page.goto(`/publications/${p.slug}`)
      const image = await ogImage(page, request)
      expect(pngSize(image.bytes), p.slug).toEqual({ width: 1200, height: 630 })
      expect(await metaContent(page, 'og:image:width')).toBe('1200')
      expect(await metaContent(page, 'og:image:height')).toBe('630')
      expect(await metaContent(page, 'og:image:alt')).toContain(p.title)
      hashes.set(p.slug, sha256(image.bytes))
    }
    expect(new Set(hashes.values()).size, 'one distinct card per paper').toBe(PAPERS.length)

    for (const path of ['/', '/publications']) {
      await page.goto(path)
      const image = await ogImage(page, request)
      expect(pngSize(image.bytes)).toEqual({ width: 1200, height: 630 })
      expect([...hashes.values()]).not.toContain(sha256(image.bytes))
      expect(await metaContent(page, 'twitter:card')).toBe('summary_large_image')
    }
  })

  test('a card is cached with a validator: same ETag, 304 when unchanged', async ({ page, request }) => {
    await page.goto(`/publications/${landscape.slug}`)
    const first = await ogImage(page, request)
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers['cache-control']).toContain('immutable')
    const path = new URL(first.url).pathname
    const again = await request.get(path)
    expect(again.headers().etag).toBe(first.headers.etag)
    expect(sha256(await again.body())).toBe(sha256(first.bytes))
    const revalidated = await request.get(path, { headers: { 'If-None-Match': first.headers.etag ?? '' } })
    expect(revalidated.status()).toBe(304)
  })

  test('an old card address keeps answering with the current card, revalidated on every fetch', async ({
    page,
    request,
  }) => {
    await page.goto(`/publications/${landscape.slug}`)
    const current = await ogImage(page, request)
    // What a platform cached before an edit: another version, or the address Next once gave cards.
    for (const old of [
      routes.card(landscape.slug, 'AAAAAAAAAAAAAAAA'),
      `${routes.publication(landscape.slug)}/opengraph-image-epmbvc/AAAAAAAAAAAAAAAA`,
    ]) {
      const response = await request.get(old)
      expect(response.status(), old).toBe(200)
      expect(response.headers()['content-type']).toBe('image/png')
      expect(response.headers()['cache-control']).toBe('public, max-age=0, must-revalidate')
      expect(response.headers().etag).toBe(current.headers.etag)
      expect(sha256(await response.body())).toBe(sha256(current.bytes))
    }
    const revalidated = await request.get(routes.card(landscape.slug, 'AAAAAAAAAAAAAAAA'), {
      headers: { 'If-None-Match': current.headers.etag ?? '' },
    })
    expect(revalidated.status()).toBe(304)
    expect((await request.get(routes.card('no-such-paper', 'AAAAAAAAAAAAAAAA'))).status()).toBe(404)
  })
})

test.describe('metadata of a paper page', () => {
  test('carries OpenGraph, Twitter, canonical and Google Scholar tags with the right values', async ({ page }) => {
    await page.goto(`/publications/${landscape.slug}`)
    const url = `${E2E_BASE_URL}/publications/${landscape.slug}`
    expect(await metaContent(page, 'og:title')).toBe(landscape.title)
    expect(await metaContent(page, 'og:type')).toBe('article')
    expect(await metaContent(page, 'og:url')).toBe(url)
    expect(await metaContent(page, 'og:description')).toBe(
      'Deep learning algorithms are responsible for a technological revolution in a variety of tasks including image recognition or Go playing.',
    )
    expect(await metaContent(page, 'twitter:card')).toBe('summary_large_image')
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', url)

    expect(await metaContent(page, 'citation_title')).toBe(landscape.title)
    const authors = await meta(page, 'citation_author').evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('content')),
    )
    expect(authors).toEqual(['Mario Geiger', 'Leonardo Petrini', 'Matthieu Wyart'])
    expect(await metaContent(page, 'citation_publication_date')).toBe('2021')
    expect(await metaContent(page, 'citation_journal_title')).toBe('Physics Reports')
    expect(await metaContent(page, 'citation_doi')).toBe('10.1016/j.physrep.2021.04.001')
    expect(await metaContent(page, 'citation_arxiv_id')).toBe('2012.15110')
    await expect(meta(page, 'citation_conference_title')).toHaveCount(0)
    await expect(meta(page, 'citation_pdf_url')).toHaveCount(0)
  })

  test('a conference paper names its conference for Scholar', async ({ page }) => {
    const neurips = paper('Learning sparse')
    await page.goto(`/publications/${neurips.slug}`)
    expect(await metaContent(page, 'citation_conference_title')).toBe(neurips.venue)
    await expect(meta(page, 'citation_journal_title')).toHaveCount(0)
  })

  test('describes the paper as a ScholarlyArticle in JSON-LD', async ({ page }) => {
    await page.goto(`/publications/${landscape.slug}`)
    const json = await page.locator('script[type="application/ld+json"]').textContent()
    const data = JSON.parse(json ?? '{}') as Record<string, unknown>
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      headline: landscape.title,
      author: [
        { '@type': 'Person', name: 'Mario Geiger' },
        { '@type': 'Person', name: 'Leonardo Petrini' },
        { '@type': 'Person', name: 'Matthieu Wyart' },
      ],
      datePublished: '2021',
      isPartOf: { name: 'Physics Reports' },
      sameAs: ['https://doi.org/10.1016/j.physrep.2021.04.001', 'https://arxiv.org/abs/2012.15110'],
    })
    expect(String(data.abstract)).toMatch(/^Deep learning algorithms are responsible/)
    expect(String(data.abstract)).toContain('(h,α) plane')
  })
})

test.describe('citing a paper', () => {
  test('shows APA, MLA and Chicago with copy buttons', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto(`/publications/${landscape.slug}`)
    const cite = page.getByRole('region', { name: 'Cite' })
    await expect(cite).toContainText(
      'Geiger, M., Petrini, L., & Wyart, M. (2021). Landscape and training regimes in deep learning. Physics Reports, 1–18.',
    )
    // MLA 9th edition and Chicago author-date as the official CSL styles write them (title case).
    await expect(cite).toContainText(
      'Geiger, Mario, et al. “Landscape and Training Regimes in Deep Learning.” Physics Reports, 2021, pp. 1–18, https://doi.org/10.1016/j.physrep.2021.04.001.',
    )
    await expect(cite).toContainText(
      'Geiger, Mario, Leonardo Petrini, and Matthieu Wyart. 2021. “Landscape and Training Regimes in Deep Learning.” Physics Reports, 1–18.',
    )
    await cite.getByRole('button', { name: 'Copy MLA' }).click()
    await expect(cite.getByRole('button', { name: 'Copy MLA' })).toContainText('copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Geiger, Mario, et al\. “Landscape/)
  })

  test('offers BibTeX, RIS and CSL-JSON files', async ({ page, request }) => {
    await page.goto(`/publications/${landscape.slug}`)
    const cite = page.getByRole('region', { name: 'Cite' })
    const links = {
      BibTeX: 'application/x-bibtex',
      RIS: 'application/x-research-info-systems',
      'CSL-JSON': 'application/vnd.citationstyles.csl+json',
    }
    for (const [name, type] of Object.entries(links)) {
      const href = await cite.getByRole('link', { name, exact: true }).getAttribute('href')
      const response = await request.get(href ?? '')
      expect(response.status(), name).toBe(200)
      expect(response.headers()['content-type']).toContain(type)
      expect(response.headers()['content-disposition']).toContain(`${landscape.slug}.`)
      const text = await response.text()
      if (name === 'BibTeX') expect((await parseBib(text)).entries[0]?.fields.title).toBe(landscape.title)
      if (name === 'RIS') expect(text.startsWith('TY  - JOUR')).toBe(true)
      if (name === 'CSL-JSON') expect((JSON.parse(text) as { title: string }[])[0]?.title).toBe(landscape.title)
    }
  })
  test('every paper has one citation key: in /publications.bib, its own BibTeX file and its Cite panel', async ({
    page,
    request,
  }) => {
    const whole = await parseBib(await (await request.get('/publications.bib')).text())
    for (const p of PAPERS) {
      const key = whole.entries.find((entry) => entry.fields.title === p.title)?.key
      expect(key, p.slug).toBeTruthy()
      const own = await parseBib(await (await request.get(`/publications/${p.slug}/cite/bibtex`)).text())
      expect(
        own.entries.map((entry) => entry.key),
        p.slug,
      ).toEqual([key])
      await page.goto(`/publications/${p.slug}`)
      const panel = page.getByRole('region', { name: 'Cite' }).getByLabel('BibTeX')
      await expect(panel, p.slug).toContainText(`{${key},`)
    }
  })
})

test.describe('feeds and indexes', () => {
  test('/publications.bib parses into one entry per public paper', async ({ request }) => {
    const response = await request.get('/publications.bib')
    expect(response.headers()['content-type']).toContain('application/x-bibtex')
    const library = await parseBib(await response.text())
    expect(library.errors).toEqual([])
    expect(library.entries.map((entry) => entry.fields.title).sort()).toEqual(PAPERS.map((p) => p.title).sort())
  })

  test('math leaves the site as readable text: JSON-LD, descriptions, the feed and the citation files', async ({
    page,
    request,
  }) => {
    const stability = paper('Relative stability')
    await page.goto(`/publications/${stability.slug}`)
    const json = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as {
      abstract?: string
    }
    const texts = {
      'JSON-LD': String(json.abstract),
      description: await metaContent(page, 'description'),
      'og:description': (await page.locator('meta[property="og:description"]').getAttribute('content')) ?? '',
      feed: await (await request.get('/feed.xml')).text(),
      RIS: await (await request.get(`/publications/${stability.slug}/cite/ris`)).text(),
      'CSL-JSON': await (await request.get(`/publications/${stability.slug}/cite/csl-json`)).text(),
    }
    expect(texts['JSON-LD']).toContain('we find ε_t ≈ 0.2√(R_f), suggesting')
    expect(texts.RIS).toContain('ε_t ≈ 0.2√(R_f)')
    expect(texts['CSL-JSON']).toContain('ε_t ≈ 0.2√(R_f)')
    for (const [where, text] of Object.entries(texts)) {
      expect(text.length, where).toBeGreaterThan(0)
      expect(text, where).not.toMatch(/epsilont|\\epsilon|\\sqrt|\$\\/)
    }
  })

  test('/feed.xml is a well-formed Atom feed of every public paper, newest first', async ({ page, request }) => {
    await page.goto('/')
    const xml = await (await request.get('/feed.xml')).text()
    await parseXml(page, xml)
    expect(await xmlTexts(page, xml, 'entry > title')).toEqual(PAPERS.map((p) => p.title))
    expect(await xmlTexts(page, xml, 'entry > link')).toEqual(
      PAPERS.map((p) => `${E2E_BASE_URL}/publications/${p.slug}`),
    )
    expect((await xmlTexts(page, xml, 'entry > summary')).every((summary) => summary.length > 0)).toBe(true)
  })

  test('/sitemap.xml lists every public page with the papers’ last change, and robots.txt points at it', async ({
    page,
    request,
  }) => {
    await page.goto('/')
    const xml = await (await request.get('/sitemap.xml')).text()
    await parseXml(page, xml)
    const urls = await xmlTexts(page, xml, 'url > loc')
    expect(urls).toEqual(
      expect.arrayContaining([
        `${E2E_BASE_URL}/`,
        `${E2E_BASE_URL}/publications`,
        ...PAPERS.map((p) => `${E2E_BASE_URL}/publications/${p.slug}`),
      ]),
    )
    expect(urls).toHaveLength(PAPERS.length + 2)
    expect((await xmlTexts(page, xml, 'url > lastmod')).every((date) => !Number.isNaN(Date.parse(date)))).toBe(true)
    const robots = await (await request.get('/robots.txt')).text()
    expect(robots).toContain(`Sitemap: ${E2E_BASE_URL}/sitemap.xml`)
    expect(robots).toContain('Disallow: /admin')
  })
})
