import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { entry, gotoHydrated, paper, panelOf } from './support/public-site'

const stability = paper('Relative stability')
const landscape = paper('Landscape and training')
const geometric = paper('Geometric compression')

/** Every WCAG 2.x A/AA rule plus axe's best practices; none may fail. */
async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  const summary = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
  }))
  expect(summary).toEqual([])
  // The scan must have looked at something: a blank page would pass too.
  expect(results.passes.length).toBeGreaterThan(10)
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`accessibility in the ${theme} theme`, () => {
    test.use({ colorScheme: theme })

    test.beforeEach(async ({ page }) => {
      // The stored choice, so the theme does not depend on the system setting alone.
      await page.addInitScript((value) => localStorage.setItem('theme', value), theme)
    })

    async function openTheme(page: Page, path: string) {
      await gotoHydrated(page, path)
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    }

    test('home page', async ({ page }) => {
      await openTheme(page, '/')
      await expectNoViolations(page)
    })

    test('publications page, with an abstract and a BibTeX panel open', async ({ page }) => {
      await openTheme(page, '/publications')
      await expectNoViolations(page)

      const abs = entry(page, stability.title).getByRole('button', { name: 'ABS', exact: true })
      await abs.click()
      await expect(await panelOf(page, abs)).toBeVisible()
      const bib = entry(page, landscape.title).getByRole('button', { name: 'BIB', exact: true })
      await bib.click()
      await expect(entry(page, landscape.title).getByLabel('BibTeX')).toBeVisible()
      await entry(page, geometric.title).getByText('2 more authors', { exact: true }).click()
      await expect(entry(page, geometric.title).getByText('Kevin Tyloo', { exact: true })).toBeVisible()
      await expectNoViolations(page)
    })

    test('filtered publications page with no match', async ({ page }) => {
      await openTheme(page, '/publications?q=no-such-words&type=article')
      await expect(page.getByText('No publication matches these filters.', { exact: false })).toBeVisible()
      await expectNoViolations(page)
    })

    test('paper page', async ({ page }) => {
      await openTheme(page, `/publications/${stability.slug}`)
      await expect(page.getByRole('region', { name: 'Abstract' }).locator('.katex').first()).toBeVisible()
      await expectNoViolations(page)
    })

    test('paper page without an abstract', async ({ page }) => {
      await openTheme(page, `/publications/${geometric.slug}`)
      await expectNoViolations(page)
    })

    test('page not found', async ({ page }) => {
      await page.goto('/no-such-page')
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      await expectNoViolations(page)
    })

    test('page not found for an unknown paper', async ({ page }) => {
      await page.goto('/publications/no-such-paper')
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
      await expectNoViolations(page)
    })
  })
}
