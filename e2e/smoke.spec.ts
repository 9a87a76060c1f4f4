import { expect, test } from '@playwright/test'

test('publications page lists the sample papers', async ({ page }) => {
  await page.goto('/publications')
  await expect(page.getByRole('heading', { level: 1, name: 'publications' })).toBeVisible()
})
