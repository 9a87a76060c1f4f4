import AxeBuilder from '@axe-core/playwright'
import { createPaper, expect, hydrated, tag, test } from './support/admin'
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

for (const theme of ['light', 'dark'] as const) {
  test.describe(`the dashboard is accessible in the ${theme} theme`, () => {
    test.use({ colorScheme: theme })
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((value) => localStorage.setItem('theme', value), theme)
    })

    test('list, editor (with errors and preview), history and import', async ({ page, editor, dashboard }) => {
      await dashboard.goto()
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
  })
}

test.describe('the sign-in page is accessible', () => {
  test.use({ storageState: { cookies: [], origins: [] } })
  test('with an error shown', async ({ page }) => {
    await page.goto('/admin/login')
    await hydrated(page.getByRole('button', { name: 'Sign in' }))
    await page.getByLabel('Email').fill('nobody@example.org')
    await page.getByLabel('Password').fill('wrong')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByText('Invalid email or password')).toBeVisible()
    await expectNoViolations(page)
  })
})
