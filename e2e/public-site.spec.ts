import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import sharp from 'sharp'
import YAML from 'yaml'
import { E2E_PORT, E2E_ROOT } from './support/paths'
import { ServerProcess } from './support/server-process'
import {
  ALL_TITLES,
  authorLine,
  entry,
  gotoHydrated,
  listedTitles,
  OWNER,
  PAPERS,
  panelOf,
  paper,
  themeButton,
} from './support/public-site'

const deepConv = paper('How deep convolutional')
const sparse = paper('Learning sparse')
const stability = paper('Relative stability')
const landscape = paper('Landscape and training')
const geometric = paper('Geometric compression')

test.describe('the publications page', () => {
  test('lists the five papers by year, newest first, in the seed order', async ({ page }) => {
    await page.goto('/publications')
    await expect(page).toHaveTitle(/publications/)
    await expect(page.getByRole('heading', { level: 1, name: 'publications' })).toBeVisible()
    await expect(
      page.getByText('publications by categories in reversed chronological order. * indicates first-coauthorship.', {
        exact: true,
      }),
    ).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'publications' })).toHaveText('5 publications.')

    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(['2022', '2021'])
    await expect(listedTitles(page)).toHaveText(ALL_TITLES)
    await expect(page.getByRole('region', { name: '2022' }).getByRole('heading', { level: 3 })).toHaveText([
      deepConv.title,
      sparse.title,
    ])
    await expect(page.getByRole('region', { name: '2021' }).getByRole('heading', { level: 3 })).toHaveText([
      stability.title,
      landscape.title,
      geometric.title,
    ])
  })

  test('highlights the owner in every entry and marks co-first authors', async ({ page }) => {
    await page.goto('/publications')
    for (const p of PAPERS) {
      const owner = entry(page, p.title).locator('strong')
      await expect(owner, p.title).toHaveText(OWNER)
    }
    // Nobody else is highlighted.
    await expect(page.getByRole('main').locator('strong')).toHaveCount(PAPERS.length)

    const first = entry(page, deepConv.title)
    await expect(first.getByText('Umberto M. Tomasini*', { exact: true })).toBeVisible()
    await expect(first.getByText('Leonardo Petrini*', { exact: true })).toBeVisible()
    await expect(first.getByText('Francesco Cagnetta', { exact: true })).toBeVisible()
    await expect(authorLine(first)).toHaveText(
      'Umberto M. Tomasini*, Leonardo Petrini*, Francesco Cagnetta, and 1 more author',
      { useInnerText: true },
    )
    // A paper without co-first authors shows no mark.
    await expect(
      entry(page, landscape.title).getByText('Mario Geiger, Leonardo Petrini, and Matthieu Wyart', { exact: true }),
    ).toBeVisible()
  })

  test('shows three of four authors and reveals the fourth in place', async ({ page }) => {
    await gotoHydrated(page, '/publications')
    const first = entry(page, deepConv.title)
    const more = first.getByText('1 more author', { exact: true })
    await expect(more).toBeVisible()
    await expect(first.getByText('Matthieu Wyart', { exact: true })).toBeHidden()

    await more.click()
    await expect(first.getByText('Matthieu Wyart', { exact: true })).toBeVisible()
    await expect(authorLine(first)).toHaveText(
      'Umberto M. Tomasini*, Leonardo Petrini*, Francesco Cagnetta, and Matthieu Wyart',
      { useInnerText: true },
    )
    await expect(more).toBeHidden()
    // The other entries are unchanged.
    await expect(entry(page, geometric.title).getByText('2 more authors', { exact: true })).toBeVisible()
  })

  test('ABS opens and closes the abstract', async ({ page }) => {
    await gotoHydrated(page, '/publications')
    const item = entry(page, landscape.title)
    const abs = item.getByRole('button', { name: 'ABS', exact: true })
    const text = item.getByText(/^Deep learning algorithms are responsible for a technological revolution/)
    await expect(abs).toHaveAttribute('aria-expanded', 'false')
    await expect(text).toBeHidden()

    await abs.click()
    await expect(abs).toHaveAttribute('aria-expanded', 'true')
    await expect(text).toBeVisible()
    await expect(await panelOf(page, abs)).toBeVisible()

    await abs.click()
    await expect(abs).toHaveAttribute('aria-expanded', 'false')
    await expect(text).toBeHidden()
  })

  test('the list carries no abstract or BibTeX: each panel is fetched when first opened', async ({ page, request }) => {
    const html = await (await request.get('/publications')).text()
    expect(html).toContain(landscape.title)
    expect(html).not.toContain('Deep learning algorithms are responsible for a technological revolution')
    expect(html).not.toContain(landscape.bibtexHead)

    await gotoHydrated(page, '/publications')
    const item = entry(page, landscape.title)
    const fetched = page.waitForResponse((response) =>
      response.url().endsWith(`/publications/${landscape.slug}/abstract`),
    )
    await item.getByRole('button', { name: 'ABS', exact: true }).click()
    expect((await fetched).status()).toBe(200)
    await expect(item.getByText(/^Deep learning algorithms are responsible/)).toBeVisible()
  })

  test('a panel that cannot be loaded says so, links to the paper page and can be retried', async ({ page }) => {
    await gotoHydrated(page, '/publications')
    await page.route(`**/publications/${landscape.slug}/abstract`, (route) => route.abort())
    const item = entry(page, landscape.title)
    await item.getByRole('button', { name: 'ABS', exact: true }).click()
    await expect(item.getByText('The abstract could not be loaded.')).toBeVisible()
    await expect(item.getByRole('link', { name: 'open the paper’s page' })).toHaveAttribute(
      'href',
      `/publications/${landscape.slug}#abstract-heading`,
    )

    await page.unroute(`**/publications/${landscape.slug}/abstract`)
    await item.getByRole('button', { name: 'Try again' }).click()
    await expect(item.getByText(/^Deep learning algorithms are responsible/)).toBeVisible()
    await expect(item.getByText('The abstract could not be loaded.')).toHaveCount(0)
  })

  test('BIB shows the BibTeX and copies it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await gotoHydrated(page, '/publications')
    const item = entry(page, deepConv.title)
    const bib = item.getByRole('button', { name: 'BIB', exact: true })
    const bibtex = item.getByLabel('BibTeX')
    await expect(bib).toHaveAttribute('aria-expanded', 'false')
    await expect(bibtex).toBeHidden()

    await bib.click()
    await expect(bib).toHaveAttribute('aria-expanded', 'true')
    await expect(bibtex).toBeVisible()
    await expect(bibtex).toContainText(deepConv.bibtexHead)
    // Names as BibTeX wants them, without the co-first marks shown on the page.
    await expect(bibtex).toContainText(
      'author = {Tomasini, Umberto M. and Petrini, Leonardo and Cagnetta, Francesco and Wyart, Matthieu}',
    )
    await expect(bibtex).toContainText('url = {https://arxiv.org/abs/2210.01506}')
    await expect(bibtex).toContainText('doi = {10.1088/2632-2153/ad092c}')

    const copy = item.getByRole('button', { name: /^Copy BibTeX/ })
    await copy.click()
    await expect(copy).toContainText('copied')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(await bibtex.textContent())
    expect(copied.startsWith(deepConv.bibtexHead)).toBe(true)
    expect(copied.trimEnd().endsWith('}')).toBe(true)
  })

  test('opens one panel at a time per entry', async ({ page }) => {
    await gotoHydrated(page, '/publications')
    const item = entry(page, sparse.title)
    const abs = item.getByRole('button', { name: 'ABS', exact: true })
    const bib = item.getByRole('button', { name: 'BIB', exact: true })
    await abs.click()
    await expect(item.getByText(/^It is widely believed/)).toBeVisible()
    await bib.click()
    await expect(bib).toHaveAttribute('aria-expanded', 'true')
    await expect(abs).toHaveAttribute('aria-expanded', 'false')
    await expect(item.getByText(/^It is widely believed/)).toBeHidden()
    await expect(item.getByLabel('BibTeX')).toContainText(sparse.bibtexHead)
  })

  test('offers ABS only for papers with an abstract, and a link per identifier', async ({ page }) => {
    await page.goto('/publications')
    for (const p of PAPERS) {
      const item = entry(page, p.title)
      await expect(item.getByRole('button', { name: 'ABS', exact: true }), p.title).toHaveCount(p.hasAbstract ? 1 : 0)
      await expect(item.getByRole('button', { name: 'BIB', exact: true }), p.title).toHaveCount(1)
      await expect(item.getByRole('link', { name: `arXiv ${p.title}`, exact: true }), p.title).toHaveAttribute(
        'href',
        `https://arxiv.org/abs/${p.arxiv}`,
      )
      const doi = item.getByRole('link', { name: `DOI ${p.title}`, exact: true })
      if (p.doi) await expect(doi, p.title).toHaveAttribute('href', `https://doi.org/${p.doi}`)
      else await expect(doi, p.title).toHaveCount(0)
      await expect(item.getByRole('link', { name: p.title, exact: true })).toHaveAttribute(
        'href',
        `/publications/${p.slug}`,
      )
    }
  })

  test('renders the math of the NeurIPS 2021 abstract with KaTeX', async ({ page }) => {
    await gotoHydrated(page, '/publications')
    const abs = entry(page, stability.title).getByRole('button', { name: 'ABS', exact: true })
    await abs.click()
    const panel = await panelOf(page, abs)
    await expect(panel).toBeVisible()
    await expect(panel.locator('.katex')).toHaveCount(5)
    await expect(panel.locator('.katex-html').first()).toBeVisible()
    await expect(panel.locator('annotation[encoding="application/x-tex"]')).toContainText([
      'R_f',
      '\\epsilon_t',
      '\\epsilon_t \\approx 0.2\\sqrt{R_f}',
    ])
    // No raw LaTeX left in the visible text.
    expect(await panel.innerText()).not.toMatch(/\$|\\epsilon|\\sqrt/)
  })
})

test.describe('a paper page', () => {
  for (const [index, p] of PAPERS.entries()) {
    test(`shows everything about "${p.title}"`, async ({ page }) => {
      const response = await page.goto(`/publications/${p.slug}`)
      expect(response?.status()).toBe(200)
      await expect(page).toHaveTitle(new RegExp(`^${p.title}`))
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.title)

      const authors = page.getByRole('main').getByRole('paragraph').filter({ hasText: p.authors[0] })
      const authorLine = p.authors.map((name, i) => `${name}${p.coFirst && i < 2 ? '*' : ''}`)
      await expect(authors).toHaveText(
        `${authorLine.slice(0, -1).join(', ')}${authorLine.length > 2 ? ',' : ''} and ${authorLine.at(-1)}`,
      )
      await expect(authors.locator('strong')).toHaveText(OWNER)
      const legend = page.getByText('* indicates first-coauthorship.', { exact: true })
      await expect(legend).toHaveCount(p.coFirst ? 1 : 0)

      await expect(page.getByText(p.venue, { exact: true })).toBeVisible()
      await expect(page.locator('time')).toHaveText(String(p.year))

      await expect(page.getByRole('link', { name: `arXiv: ${p.title}` })).toHaveAttribute(
        'href',
        `https://arxiv.org/abs/${p.arxiv}`,
      )
      const abstract = page.getByRole('region', { name: 'Abstract' })
      await expect(abstract).toHaveCount(p.hasAbstract ? 1 : 0)

      const cite = page.getByRole('region', { name: 'Cite' })
      await expect(cite.getByLabel('BibTeX')).toContainText(p.bibtexHead)
      await expect(cite.getByRole('button', { name: /^Copy BibTeX/ })).toBeVisible()

      const related = page.getByRole('region', { name: 'Related publications' }).getByRole('link')
      await expect(related.first()).toBeVisible()
      for (const title of await related.allTextContents()) {
        expect(ALL_TITLES).toContain(title)
        expect(title).not.toBe(p.title)
      }

      const pager = page.getByRole('navigation', { name: 'Previous and next publications' })
      const previous = PAPERS[index - 1]
      const next = PAPERS[index + 1]
      const previousLink = pager.getByRole('link', { name: /Previous/ })
      const nextLink = pager.getByRole('link', { name: /Next/ })
      if (previous) await expect(previousLink).toHaveAttribute('href', `/publications/${previous.slug}`)
      else await expect(previousLink).toHaveCount(0)
      if (next) await expect(nextLink).toHaveAttribute('href', `/publications/${next.slug}`)
      else await expect(nextLink).toHaveCount(0)
    })
  }

  test('copies the BibTeX from the paper page', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await gotoHydrated(page, `/publications/${landscape.slug}`)
    const cite = page.getByRole('region', { name: 'Cite' })
    await cite.getByRole('button', { name: /^Copy BibTeX/ }).click()
    await expect(cite.getByRole('button', { name: /^Copy BibTeX/ })).toContainText('copied')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(await cite.getByLabel('BibTeX').textContent())
    expect(copied).toMatch(/pages = \{1--18\}/)
  })

  test('renders the abstract math with KaTeX', async ({ page }) => {
    await page.goto(`/publications/${stability.slug}`)
    const abstract = page.getByRole('region', { name: 'Abstract' })
    await expect(abstract.getByText(/^Understanding why deep nets/)).toBeVisible()
    await expect(abstract.locator('.katex')).toHaveCount(5)
    await expect(abstract.locator('.katex-html').first()).toBeVisible()
    expect(await abstract.innerText()).not.toMatch(/\$|\\epsilon|\\sqrt/)
  })

  test('keeps each symbol of inline math with its subscript on one line, on a phone too', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 })
    await page.goto(`/publications/${stability.slug}`)
    const boxes = page.getByRole('region', { name: 'Abstract' }).locator('.katex-html .base')
    await expect(boxes.first()).toBeVisible()
    // KaTeX's stylesheet makes each box unbreakable: `R_f` never ends a line with its R.
    const styles = await boxes.evaluateAll((all) =>
      all.map((box) => `${getComputedStyle(box).display} ${getComputedStyle(box).whiteSpace}`),
    )
    expect(styles.length).toBeGreaterThanOrEqual(5)
    expect(new Set(styles)).toEqual(new Set(['inline-block nowrap']))
  })

  test('moves between papers with previous and next', async ({ page }) => {
    await page.goto(`/publications/${sparse.slug}`)
    await page.getByRole('link', { name: /Next/ }).click()
    await expect(page).toHaveURL(`/publications/${stability.slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(stability.title)
    await page.getByRole('link', { name: /Previous/ }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(sparse.title)
  })

  test('answers 404 for a made-up slug or address', async ({ page }) => {
    for (const slug of ['no-such-paper', 'Not-A-Slug']) {
      const response = await page.goto(`/publications/${slug}`)
      expect(response?.status(), slug).toBe(404)
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
      await expect(page.getByRole('link', { name: 'See all publications' })).toHaveAttribute('href', '/publications')
      await expect(page).toHaveTitle(/^Page not found \| /)
      // The site chrome once, not the not-found page's own around the paper layout's.
      await expect(page.getByRole('main')).toHaveCount(1)
      await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveCount(1)
    }
    const response = await page.goto('/no-such-page')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await expect(page.getByRole('main')).toHaveCount(1)
    await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveCount(1)
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the form filters on the server', async ({ page }) => {
    await page.goto('/publications')
    await page.getByLabel('Type').selectOption({ label: 'Conference paper' })
    await page.getByRole('button', { name: 'Apply' }).click()
    await expect(page).toHaveURL(/\/publications\?(.+&)?type=conference(&|$)/)
    await expect(listedTitles(page)).toHaveText([sparse.title, stability.title])
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('2 publications of 5 match.')
    await expect(page.getByLabel('Type')).toHaveValue('conference')

    await page.getByRole('link', { name: 'Clear filters' }).click()
    await expect(page).toHaveURL(/\/publications$/)
    await expect(listedTitles(page)).toHaveText(ALL_TITLES)
  })

  test('ABS leads to the abstract with its math rendered', async ({ page }) => {
    await page.goto('/publications')
    await entry(page, stability.title).getByRole('link', { name: 'ABS', exact: true }).click()
    await expect(page).toHaveURL(`/publications/${stability.slug}#abstract-heading`)
    const abstract = page.getByRole('region', { name: 'Abstract' })
    await expect(abstract.locator('.katex')).toHaveCount(5)
    await expect(abstract.locator('.katex-html').first()).toBeVisible()
  })

  test('“and 1 more author” reveals the last author in place', async ({ page }) => {
    await page.goto('/publications')
    const first = entry(page, deepConv.title)
    await expect(first.getByText('Matthieu Wyart', { exact: true })).toBeHidden()
    await first.getByText('1 more author', { exact: true }).click()
    await expect(page).toHaveURL(/\/publications$/)
    await expect(authorLine(first)).toHaveText(
      'Umberto M. Tomasini*, Leonardo Petrini*, Francesco Cagnetta, and Matthieu Wyart',
      { useInnerText: true },
    )
  })

  test('ABS and BIB lead to the paper page’s abstract and citation', async ({ page }) => {
    await page.goto('/publications')
    const item = entry(page, landscape.title)
    await item.getByRole('link', { name: 'ABS', exact: true }).click()
    await expect(page).toHaveURL(`/publications/${landscape.slug}#abstract-heading`)
    await expect(page.getByRole('region', { name: 'Abstract' })).toContainText(
      'Deep learning algorithms are responsible',
    )

    await page.goto('/publications')
    await entry(page, landscape.title).getByRole('link', { name: 'BIB', exact: true }).click()
    await expect(page).toHaveURL(`/publications/${landscape.slug}#cite-heading`)
    await expect(page.getByRole('region', { name: 'Cite' }).getByLabel('BibTeX')).toContainText(landscape.bibtexHead)
  })

  test('every public page names the feed, and the list links to it and to the BibTeX file', async ({ page }) => {
    for (const pathname of ['/', '/publications', `/publications/${stability.slug}`]) {
      await page.goto(pathname)
      await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]'), pathname).toHaveAttribute(
        'href',
        /\/feed\.xml$/,
      )
    }
    await page.goto('/publications')
    await expect(page.getByRole('link', { name: 'Atom feed' })).toHaveAttribute('href', '/feed.xml')
    await expect(page.getByRole('link', { name: 'BibTeX file' })).toHaveAttribute('href', '/publications.bib')
  })

  test('an unknown paper shows the not-found page, status 404, in the site’s layout', async ({ page }) => {
    for (const slug of ['no-such-paper', 'Not-A-Slug']) {
      const response = await page.goto(`/publications/${slug}`)
      expect(response?.status(), slug).toBe(404)
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
      await expect(page).toHaveTitle(/^Page not found \| /)
      await expect(
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'publications' }),
      ).toBeVisible()
      await page.getByRole('link', { name: 'See all publications' }).click()
      await expect(listedTitles(page)).toHaveText(ALL_TITLES)
    }
  })

  test('a search finds words of an abstract and topics on the server too', async ({ page }) => {
    await page.goto('/publications?q=curse+of+dimensionality')
    await expect(listedTitles(page)).toHaveText([landscape.title])
    await page.goto('/publications?q=phase+diagram')
    await expect(listedTitles(page)).toHaveText([landscape.title])
  })

  test('a shared search link shows only the matching paper', async ({ page }) => {
    await page.goto('/publications?q=sparse')
    await expect(listedTitles(page)).toHaveText([sparse.title])
    await expect(page.getByLabel('Search')).toHaveValue('sparse')
  })

  test('a year link shows only that year', async ({ page }) => {
    await page.goto('/publications?year=2021')
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(['2021'])
    await expect(listedTitles(page)).toHaveText([stability.title, landscape.title, geometric.title])
    await expect(page.getByLabel('Year')).toHaveValue('2021')
  })

  test('a topic link from a paper page filters by that topic', async ({ page }) => {
    await page.goto(`/publications/${landscape.slug}`)
    await page.getByRole('list', { name: 'Topics' }).getByRole('link', { name: 'jamming' }).click()
    await expect(page).toHaveURL(/\/publications\?tag=jamming$/)
    await expect(listedTitles(page)).toHaveText([landscape.title])
  })

  test('a search that matches nothing says so, and invalid filters are ignored', async ({ page }) => {
    await page.goto('/publications?q=nothing-like-this')
    await expect(listedTitles(page)).toHaveCount(0)
    await expect(page.getByText('No publication matches these filters.', { exact: false })).toBeVisible()

    await page.goto('/publications?type=bogus&year=21')
    await expect(listedTitles(page)).toHaveText(ALL_TITLES)
  })
})

test.describe('filters with JavaScript', () => {
  async function markWindow(page: Page) {
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }))
  }
  async function expectSameDocument(page: Page) {
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
      'no full page load',
    ).toBe(true)
  }

  test('choosing a type updates the list and the URL in place, and Back restores it', async ({ page }) => {
    await gotoHydrated(page, '/publications')
    await markWindow(page)

    await page.getByLabel('Type').selectOption({ label: 'Journal article' })
    await expect(page).toHaveURL(/\/publications\?type=article$/)
    await expect(listedTitles(page)).toHaveText([landscape.title, geometric.title])
    await expectSameDocument(page)

    await page.getByLabel('Year').selectOption('2022')
    await expect(page).toHaveURL(/\/publications\?type=article&year=2022$/)
    await expect(page.getByText('No publication matches these filters.', { exact: false })).toBeVisible()

    await page.goBack()
    await expect(page).toHaveURL(/\/publications\?type=article$/)
    await expect(listedTitles(page)).toHaveText([landscape.title, geometric.title])
    await expect(page.getByLabel('Year')).toHaveValue('')
    await expect(page.getByLabel('Type')).toHaveValue('article')

    await page.goBack()
    await expect(page).toHaveURL(/\/publications$/)
    await expect(listedTitles(page)).toHaveText(ALL_TITLES)
    await expect(page.getByLabel('Type')).toHaveValue('')
    await expectSameDocument(page)
  })

  test('typing in Search filters after a pause and keeps the focus in the box', async ({ page }) => {
    await gotoHydrated(page, '/publications')
    await markWindow(page)
    const search = page.getByLabel('Search')
    const historyBefore = await page.evaluate(() => history.length)

    await search.pressSequentially('spa')
    await expect(page).toHaveURL(/\/publications\?q=spa$/)
    // "spatial" and "sparse" in two titles, "space" in the third paper's abstract.
    await expect(listedTitles(page)).toHaveText([deepConv.title, sparse.title, landscape.title])
    await expect(search).toBeFocused()
    // One navigation for the three keystrokes: the search waits for a pause in typing.
    expect(await page.evaluate(() => history.length)).toBe(historyBefore + 1)

    // Keep typing without touching the box again: the keys must still land in it.
    await page.keyboard.type('rse')
    await expect(page).toHaveURL(/\/publications\?q=sparse$/)
    await expect(listedTitles(page)).toHaveText([sparse.title])
    await expect(search).toHaveValue('sparse')
    await expect(search).toBeFocused()
    await expectSameDocument(page)
  })

  test('Search also finds a paper by its topics and by words of its abstract', async ({ page }) => {
    await gotoHydrated(page, '/publications')
    await markWindow(page)
    const search = page.getByLabel('Search')
    await search.fill('jamming')
    await expect(listedTitles(page)).toHaveText([landscape.title])
    // Only in the abstract ("Go playing", "the curse of dimensionality").
    await search.fill('go playing curse')
    await expect(page).toHaveURL(/\/publications\?q=go(%20|\+)playing(%20|\+)curse$/)
    await expect(listedTitles(page)).toHaveText([landscape.title])
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('1 publication of 5 matches.')
    await expectSameDocument(page)
  })

  test('a topic link on a paper page opens the filtered list', async ({ page }) => {
    await gotoHydrated(page, `/publications/${geometric.slug}`)
    await markWindow(page)
    await page.getByRole('list', { name: 'Topics' }).getByRole('link', { name: 'kernel methods' }).click()
    await expect(page).toHaveURL(/\/publications\?tag=kernel(%20|\+)methods$/)
    await expect(listedTitles(page)).toHaveText([sparse.title, geometric.title])
    await expect(page.getByLabel('Topic')).toHaveValue('kernel methods')
    await expectSameDocument(page)
  })

  test('Clear filters returns to all five papers', async ({ page }) => {
    await gotoHydrated(page, '/publications?year=2021')
    await expect(listedTitles(page)).toHaveCount(3)
    await markWindow(page)
    await page.getByRole('link', { name: 'Clear filters' }).click()
    await expect(page).toHaveURL(/\/publications$/)
    await expect(listedTitles(page)).toHaveText(ALL_TITLES)
    await expect(page.getByLabel('Year')).toHaveValue('')
    await expect(page.getByRole('link', { name: 'Clear filters' })).toHaveCount(0)
    await expectSameDocument(page)
  })
})

test.describe('the home page', () => {
  test('introduces the owner and the selected publications', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(OWNER)
    await expect(page.getByText(/^I study why deep neural networks learn/)).toBeVisible()
    const selected = page.getByRole('region', { name: 'selected publications' })
    await expect(selected.getByRole('heading', { level: 2, name: 'selected publications' })).toBeVisible()
    await expect(selected.getByRole('heading', { level: 4 })).toHaveText(
      PAPERS.filter((p) => p.selected).map((p) => p.title),
    )
    await expect(selected.getByText('* indicates first-coauthorship.', { exact: true })).toBeVisible()

    await page.getByRole('link', { name: /All publications/ }).click()
    await expect(page).toHaveURL(/\/publications$/)
    await expect(page.getByRole('heading', { level: 1, name: 'publications' })).toBeVisible()
  })
})

test.describe('theme', () => {
  /** `data-theme` as the page is first parsed, before the body (and any paint). */
  async function recordEarlyTheme(page: Page) {
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.body) return
        Object.assign(window, { __themeBeforeBody: document.documentElement.dataset.theme ?? null })
        observer.disconnect()
      })
      observer.observe(document, { childList: true, subtree: true })
    })
  }
  const earlyTheme = (page: Page) =>
    page.evaluate(() => (window as unknown as { __themeBeforeBody?: string | null }).__themeBeforeBody)

  test('the toggle switches to dark and the choice survives a reload without a flash', async ({ page }) => {
    await recordEarlyTheme(page)
    await gotoHydrated(page, '/publications')
    const html = page.locator('html')
    const toggle = themeButton(page)
    await expect(html).toHaveAttribute('data-theme', 'light')
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')

    await toggle.click()
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(28, 28, 30)')

    await page.reload()
    expect(await earlyTheme(page)).toBe('dark')
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')

    await page.goto('/')
    expect(await earlyTheme(page)).toBe('dark')

    await toggle.click()
    await expect(html).toHaveAttribute('data-theme', 'light')
    await page.reload()
    expect(await earlyTheme(page)).toBe('light')
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)')
  })

  test.describe('with a dark system preference', () => {
    test.use({ colorScheme: 'dark' })

    test('is dark by default when nothing is stored', async ({ page }) => {
      await recordEarlyTheme(page)
      await gotoHydrated(page, '/')
      expect(await earlyTheme(page)).toBe('dark')
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
      await expect(themeButton(page)).toHaveAttribute('aria-pressed', 'true')
    })

    test('a stored light choice wins over the system', async ({ page }) => {
      await recordEarlyTheme(page)
      await page.addInitScript(() => localStorage.setItem('theme', 'light'))
      await gotoHydrated(page, '/')
      expect(await earlyTheme(page)).toBe('light')
      await expect(themeButton(page)).toHaveAttribute('aria-pressed', 'false')
    })
  })
})

/** The space between the bottom of the site's header and the first thing of the page under it. */
async function roomUnderHeader(page: Page): Promise<number> {
  const header = await page.locator('header.site-header').boundingBox()
  const first = await page.locator('main > :not(style, script)').first().boundingBox()
  if (!header || !first) throw new Error('no header or no content')
  return first.y - (header.y + header.height)
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport })

    test('every public page leaves room under the header', async ({ page }) => {
      for (const pathname of ['/', '/publications', `/publications/${stability.slug}`, '/no-such-page']) {
        await page.goto(pathname)
        expect(await roomUnderHeader(page), pathname).toBeGreaterThanOrEqual(24)
      }
    })
  })
}

test.describe('on a 360px wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  async function expectNoHorizontalScroll(page: Page, where: string) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width, `${where} scrolls sideways`).toBeLessThanOrEqual(360)
  }

  test('no page scrolls sideways, even with panels open', async ({ page }) => {
    await gotoHydrated(page, '/')
    await expectNoHorizontalScroll(page, '/')

    await gotoHydrated(page, '/publications')
    await expectNoHorizontalScroll(page, '/publications')
    const abs = entry(page, stability.title).getByRole('button', { name: 'ABS', exact: true })
    await abs.click()
    await expect(await panelOf(page, abs)).toBeVisible()
    await expectNoHorizontalScroll(page, '/publications with an abstract open')
    const bib = entry(page, landscape.title).getByRole('button', { name: 'BIB', exact: true })
    await bib.click()
    await expect(entry(page, landscape.title).getByLabel('BibTeX')).toBeVisible()
    await expectNoHorizontalScroll(page, '/publications with BibTeX open')
    await entry(page, deepConv.title).getByText('1 more author', { exact: true }).click()
    await expect(entry(page, deepConv.title).getByText('Matthieu Wyart', { exact: true })).toBeVisible()
    await expectNoHorizontalScroll(page, '/publications with all authors shown')

    for (const p of [stability, geometric]) {
      await page.goto(`/publications/${p.slug}`)
      await expect(page.getByRole('region', { name: 'Cite' }).getByLabel('BibTeX')).toBeVisible()
      await expectNoHorizontalScroll(page, p.slug)
    }
  })
})

test.describe('keyboard', () => {
  test('Tab reaches the skip link first, and it moves focus to the content', async ({ page }) => {
    await gotoHydrated(page, '/publications')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to content' })
    await expect(skip).toBeFocused()
    await expect(skip).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/#main$/)
    await expect(page.getByRole('main')).toBeFocused()
  })

  test('toggles work with Enter and Space', async ({ page }) => {
    await gotoHydrated(page, '/publications')
    const item = entry(page, landscape.title)
    const abs = item.getByRole('button', { name: 'ABS', exact: true })
    await abs.focus()
    await page.keyboard.press('Enter')
    await expect(abs).toHaveAttribute('aria-expanded', 'true')
    await page.keyboard.press('Space')
    await expect(abs).toHaveAttribute('aria-expanded', 'false')

    const bib = item.getByRole('button', { name: 'BIB', exact: true })
    await bib.focus()
    await page.keyboard.press('Space')
    await expect(bib).toHaveAttribute('aria-expanded', 'true')
    await expect(item.getByLabel('BibTeX')).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(bib).toHaveAttribute('aria-expanded', 'false')

    const more = entry(page, geometric.title).getByText('2 more authors', { exact: true })
    await more.focus()
    await page.keyboard.press('Enter')
    await expect(entry(page, geometric.title).getByText('Kevin Tyloo', { exact: true })).toBeVisible()
    // Focus stays in the author list that replaced the button, not lost to the page.
    await expect(entry(page, geometric.title).locator(':focus')).toHaveCount(1)

    const toggle = themeButton(page)
    await toggle.focus()
    await page.keyboard.press('Space')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await page.keyboard.press('Enter')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  })
})

/** A photo as an upload stores it: a 480 × 480 JPEG in `media/`, named by the hash of its bytes. */
async function addPhoto(contentDir: string): Promise<string> {
  const bytes = await sharp({ create: { width: 480, height: 480, channels: 3, background: '#6a7f99' } })
    .jpeg()
    .toBuffer()
  const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.jpg`
  fs.mkdirSync(path.join(contentDir, 'media'), { recursive: true })
  fs.writeFileSync(path.join(contentDir, 'media', name), bytes)
  return `/media/${name}`
}

const PROFILE = { orcid: '0000-0002-1825-0097', github: 'leopetrini', email: 'leonardo.petrini@example.org' }
const BIO = 'I study why deep neural networks learn: their test error decays as $P^{-\\beta}$ with $P$ examples.'

/**
 * The seed content has no photo and no profiles, and a hand edit of `site.yaml` reaches a running
 * server only with the next save or regeneration. So this server starts on a copy of its own that
 * has them (a start regenerates the content): nothing to restore, and the shared server's pages
 * stay as the other tests expect them.
 */
test.describe('a home page with a photo and profiles', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 })
  const server = new ServerProcess(E2E_PORT + 80, path.join(E2E_ROOT, 'home-profile'), '.next-e2e-home')
  test.use({ baseURL: server.origin })
  let photo = ''

  test.beforeAll(async () => {
    test.setTimeout(120_000)
    server.prepare()
    photo = await addPhoto(server.contentDir)
    const file = path.join(server.contentDir, 'site.yaml')
    const site: unknown = YAML.parse(fs.readFileSync(file, 'utf8'))
    fs.writeFileSync(file, YAML.stringify({ ...(site as object), bio: BIO, photo, profile: PROFILE }))
    await server.start()
  })
  test.afterAll(() => server.stop())

  const profiles = (page: Page) => page.getByRole('list', { name: 'Profiles' })
  const portrait = (page: Page) => page.getByRole('img', { name: `Photo of ${OWNER}` })
  const bio = (page: Page) => page.getByText(/^I study why deep neural networks learn: their test error/)

  test('shows the photo, the bio with its math and a link per profile, each named by its service', async ({ page }) => {
    await page.goto('/')
    await expect(portrait(page)).toHaveAttribute('src', photo)
    // Its box is reserved before the image arrives, and the image comes at once: it is above the fold.
    await expect(portrait(page)).toHaveAttribute('width', '480')
    await expect(portrait(page)).toHaveAttribute('height', '480')
    await expect(portrait(page)).toHaveAttribute('loading', 'eager')
    await expect(portrait(page)).toHaveJSProperty('naturalWidth', 480)
    await expect(bio(page).locator('.katex').first()).toBeVisible()

    const links = profiles(page).getByRole('link')
    await expect(links).toHaveText(['Email', 'ORCID', 'GitHub'])
    await expect(profiles(page).getByRole('link', { name: 'ORCID', exact: true })).toHaveAttribute(
      'href',
      'https://orcid.org/0000-0002-1825-0097',
    )
    await expect(profiles(page).getByRole('link', { name: 'GitHub', exact: true })).toHaveAttribute(
      'href',
      'https://github.com/leopetrini',
    )
    await expect(profiles(page).getByRole('link', { name: 'Email', exact: true })).toHaveAttribute(
      'href',
      'mailto:leonardo.petrini@example.org',
    )
    await expect(profiles(page).getByRole('link', { name: 'ORCID', exact: true })).toHaveAttribute('rel', 'me')
    // The icons are drawn, and left out of what a screen reader reads.
    for (const icon of await profiles(page).locator('svg').all()) {
      await expect(icon).toHaveAttribute('aria-hidden', 'true')
      expect((await icon.boundingBox())?.width).toBeGreaterThanOrEqual(20)
    }
    await expect(profiles(page).getByRole('img')).toHaveCount(0)
  })

  test('on a wide screen the photo stands at the right of the bio', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto('/')
    const photoBox = await portrait(page).boundingBox()
    const bioBox = await bio(page).boundingBox()
    if (!photoBox || !bioBox) throw new Error('no photo or no bio')
    expect(photoBox.width).toBeCloseTo(photoBox.height, 0)
    expect(photoBox.x).toBeGreaterThan(bioBox.x + 400)
    expect(Math.abs(photoBox.y - bioBox.y)).toBeLessThan(24)
  })

  for (const theme of ['light', 'dark'] as const) {
    test(`at 360 px in the ${theme} theme: the photo above the bio, nothing sideways, no axe violation`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: theme })
      await page.addInitScript((value) => localStorage.setItem('theme', value), theme)
      await page.setViewportSize({ width: 360, height: 740 })
      await gotoHydrated(page, '/')
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      await expect(portrait(page)).toHaveJSProperty('naturalWidth', 480)

      const photoBox = await portrait(page).boundingBox()
      const bioBox = await bio(page).boundingBox()
      if (!photoBox || !bioBox) throw new Error('no photo or no bio')
      expect(photoBox.y + photoBox.height).toBeLessThanOrEqual(bioBox.y)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      for (const link of await profiles(page).getByRole('link').all()) {
        const box = await link.boundingBox()
        expect(box && box.x + box.width, await link.innerText()).toBeLessThanOrEqual(360)
        // A finger-sized target.
        expect(box?.height).toBeGreaterThanOrEqual(44)
      }

      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze()
      expect(
        results.violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`),
      ).toEqual([])
    })
  }
})
