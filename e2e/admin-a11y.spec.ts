import fs from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import {
  clientAddress,
  createPaper,
  expect,
  generatedTitles,
  hydrated,
  paperFile,
  readPaper,
  tag,
  test,
} from './support/admin'
import { E2E_CONTENT_DIR } from './support/paths'
import type { Page } from '@playwright/test'

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  expect(
    results.violations.map((violation) => ({
      rule: violation.id,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    })),
  ).toEqual([])
  expect(results.passes.length).toBeGreaterThan(10)
}

/** The theme asked for is the one the page shows (the stored choice, set before the page loads). */
async function expectTheme(page: Page, theme: 'light' | 'dark') {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
}

const WIDTHS = [
  ['a desktop', undefined],
  ['a 360 px phone', { width: 360, height: 740 }],
] as const

for (const theme of ['light', 'dark'] as const) {
  for (const [screen, viewport] of WIDTHS) {
    test.describe(`the dashboard is accessible in the ${theme} theme on ${screen}`, () => {
      test.use({ colorScheme: theme, ...(viewport ? { viewport } : {}) })
      test.beforeEach(async ({ page }) => {
        await page.addInitScript((value) => localStorage.setItem('theme', value), theme)
      })

      test('list, editor (with errors and preview), history and import', async ({ page, editor, dashboard }) => {
        await dashboard.goto()
        await expectTheme(page, theme)
        await expectNoViolations(page)

        const slug = await createPaper(page, { title: `Accessible ${tag()}`, year: 2013, abstract: 'With $x^2$.' })
        await editor.gotoEdit(slug)
        await expect(editor.preview.locator('.katex').first()).toBeVisible()
        await editor.title.fill('')
        await editor.save.click()
        await expect(editor.errorSummary).toBeVisible()
        await expectNoViolations(page)

        await page.goto(`/admin/publications/${slug}/history`)
        await expectNoViolations(page)

        await page.goto('/admin/import')
        await hydrated(page.getByLabel('BibTeX'))
        await expectNoViolations(page)
      })

      test('settings, their history, media and deleted papers', async ({ page }) => {
        for (const [address, ready] of [
          ['/admin/settings', 'Save'],
          ['/admin/settings/history', undefined],
          ['/admin/media', undefined],
          ['/admin/deleted', undefined],
        ] as const) {
          await page.goto(address)
          await expectTheme(page, theme)
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
          if (ready) await hydrated(page.getByRole('button', { name: ready, exact: true }))
          await expectNoViolations(page)
        }
        // The settings form with its errors showing.
        await page.goto('/admin/settings')
        const save = page.getByRole('button', { name: 'Save', exact: true })
        await hydrated(save)
        await page.getByLabel('ORCID iD').fill('0000-0000-0000-0000')
        await page.getByLabel('Your name', { exact: true }).fill('')
        await save.click()
        await expect(page.getByRole('alert', { name: 'Nothing was saved. Please fix:' })).toBeVisible()
        await expectNoViolations(page)
      })

      test('the delete confirmation and the content health banners', async ({ page, dashboard }) => {
        const title = `Accessible banner ${tag()}`
        const slug = await createPaper(page, { title, year: 2014 })
        await expect.poll(() => generatedTitles().includes(title), { message: 'Contentlayer took it in' }).toBe(true)
        const original = readPaper(slug)
        const siteFile = path.join(E2E_CONTENT_DIR, 'site.yaml')
        const site = fs.readFileSync(siteFile, 'utf8')
        fs.writeFileSync(paperFile(slug), original.replace(/^year: 2014$/m, 'year: abc'))
        fs.writeFileSync(siteFile, `${site.trimEnd()}\nnameVariants: 12\n`)
        try {
          await dashboard.goto()
          await expect(page.getByRole('region', { name: 'The site cannot read all of the content' })).toBeVisible()
          await expectNoViolations(page)

          await dashboard.search.fill(title)
          await dashboard.button('Delete', title).click()
          await expect(page.getByRole('dialog', { name: `Delete “${title}”?` })).toBeVisible()
          await expectNoViolations(page)

          await page.goto('/admin/import')
          await expect(page.getByRole('region', { name: 'Content problems' })).toBeVisible()
          await hydrated(page.getByLabel('BibTeX'))
          await expectNoViolations(page)
        } finally {
          fs.writeFileSync(paperFile(slug), original)
          fs.writeFileSync(siteFile, site)
        }
      })
    })

    test.describe(`the sign-in page is accessible in the ${theme} theme on ${screen}`, () => {
      test.use({ storageState: { cookies: [], origins: [] }, colorScheme: theme, ...(viewport ? { viewport } : {}) })
      test.beforeEach(async ({ page }) => {
        await page.addInitScript((value) => localStorage.setItem('theme', value), theme)
      })

      test('with an error shown', async ({ page }) => {
        // A failed sign-in of its own (address and email), so the throttle counts it against no one else.
        await page.setExtraHTTPHeaders({ 'X-Forwarded-For': clientAddress() })
        await page.goto('/admin/login')
        await expectTheme(page, theme)
        await hydrated(page.getByRole('button', { name: 'Sign in' }))
        await page.getByLabel('Email').fill(`nobody-${tag()}@example.org`)
        await page.getByLabel('Password').fill('wrong')
        await page.getByRole('button', { name: 'Sign in' }).click()
        await expect(page.getByText('Invalid email or password')).toBeVisible()
        await expectNoViolations(page)
      })
    })
  }
}
