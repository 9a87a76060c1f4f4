import { expect, test, type Page, type Response } from '@playwright/test'
import { signInAsAdmin } from './support/admin'
import { entry, gotoHydrated, paper } from './support/public-site'

/**
 * The Content-Security-Policy of the production server: scripts only from the site and by the
 * hashes of the page's own inline scripts, never eval; the pages still run, hydrate and show
 * their math under it, and a script injected into the page does not run.
 */

const landscape = paper('Landscape and training')
const stability = paper('Relative stability') // selected: on the home page too

/** Records every CSP violation the page reports, as events and as console errors. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${event.violatedDirective}: ${event.blockedURI} ${event.sample}`,
      )
    })
  })
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(message.text()))
      violations.push(message.text())
  })
  return violations
}

function directives(response: Response | null): Map<string, string[]> {
  const header = response?.headers()['content-security-policy'] ?? ''
  return new Map(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...values]) => [name, values]),
  )
}

async function expectScriptPolicy(response: Response | null) {
  const policy = directives(response)
  const scriptSrc = policy.get('script-src') ?? []
  expect(scriptSrc[0]).toBe("'self'")
  expect(scriptSrc.length).toBeGreaterThan(1)
  for (const source of scriptSrc.slice(1)) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/)
  expect(response?.headers()['content-security-policy']).not.toContain('unsafe-eval')
  expect(policy.get('default-src')).toEqual(["'self'"])
  expect(policy.get('frame-ancestors')).toEqual(["'none'"])
  expect(policy.get('object-src')).toEqual(["'none'"])
  // Exactly one policy: a second header would be intersected with this one.
  const all = (await response?.headersArray()) ?? []
  expect(all.filter((header) => header.name.toLowerCase() === 'content-security-policy')).toHaveLength(1)
}

/**
 * A script the page did not come with, added the way an injection would: it must not run, and
 * the browser must report it (which shows the violation watch works).
 */
async function expectInjectedScriptBlocked(page: Page, violations: string[]) {
  expect(violations).toEqual([])
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script')
    script.textContent = 'window.__injected = 1'
    document.body.append(script)
    await new Promise((resolve) => setTimeout(resolve, 100))
    return (window as unknown as { __injected?: number }).__injected
  })
  expect(ran).toBeUndefined()
  await expect.poll(() => violations.length).toBeGreaterThan(0)
  for (const violation of violations) expect(violation).toMatch(/script-src|inline script/)
}

for (const [name, path] of [
  ['home page', '/'],
  ['publication list', '/publications'],
  ['paper page', `/publications/${landscape.slug}`],
] as const) {
  test(`the ${name} runs under the script policy and shows its math`, async ({ page }) => {
    const violations = await watchViolations(page)
    const response = await gotoHydrated(page, path)
    await expectScriptPolicy(response)
    // KaTeX's output, styled by its stylesheet. On the lists, the abstract is fetched when ABS opens it.
    if (name !== 'paper page')
      await entry(page, stability.title).getByRole('button', { name: 'ABS', exact: true }).click()
    const math = page.locator('.katex').first()
    await expect(math).toBeVisible()
    expect(await math.evaluate((element) => getComputedStyle(element).fontFamily)).toContain('KaTeX')
    // The theme script ran before hydration.
    await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/)
    await expectInjectedScriptBlocked(page, violations)
  })
}

test('client navigation works under the policy', async ({ page }) => {
  const violations = await watchViolations(page)
  await gotoHydrated(page, '/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'publications' }).click()
  await expect(page).toHaveURL(/\/publications$/)
  await page.getByRole('link', { name: landscape.title, exact: true }).first().click()
  await expect(page).toHaveURL(new RegExp(`/publications/${landscape.slug}$`))
  await expect(page.locator('.katex').first()).toBeVisible()
  expect(violations).toEqual([])
})

test('the dashboard, its editor and the live preview run under the policy', async ({ page }) => {
  const violations = await watchViolations(page)
  await signInAsAdmin(page)
  const response = await page.goto(`/admin/publications/${landscape.slug}/edit`)
  await expectScriptPolicy(response)
  const preview = page.getByRole('main').getByRole('region', { name: 'Preview' })
  // The preview is rendered by a server action: math in it means actions work under the policy.
  await expect(preview.locator('.katex').first()).toBeVisible()
  await expectInjectedScriptBlocked(page, violations)
})
