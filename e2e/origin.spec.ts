import path from 'node:path'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { E2E_ADMIN, E2E_PORT, E2E_ROOT } from './support/paths'
import { paper } from './support/public-site'
import { hydrated, LoginPage } from './support/admin'
import { SEED_COMMIT_DATE, ServerProcess } from './support/server-process'
import { routes } from '../lib/domain/routes.mjs'
import { ORIGIN_PLACEHOLDER } from '../lib/server/origin.mjs'

/**
 * One build serves any origin: started without SITE_URL, a server names the origin each request
 * was sent to (here `localhost` on a port of its own, not the 127.0.0.1 it listens on); with
 * SITE_URL, that. Pages, feeds and the sitemap are rendered once, before any request.
 */

const stability = paper('Relative stability')

/** Every place a visitor's tools read the site's address from, each checked to name `origin` alone. */
async function expectOrigin(request: APIRequestContext, base: string, origin: string) {
  const page = await (await request.get(`${base}${routes.publication(stability.slug)}`)).text()
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(page)?.[1]
  expect(canonical).toBe(`${origin}${routes.publication(stability.slug)}`)
  const image = /<meta property="og:image" content="([^"]+)"/.exec(page)?.[1] ?? ''
  expect(image.startsWith(`${origin}${routes.publication(stability.slug)}/opengraph-image`), image).toBe(true)
  const card = await request.get(image.replace(origin, base))
  expect(card.status()).toBe(200)
  expect(card.headers()['content-type']).toBe('image/png')
  const feed = await (await request.get(`${base}/feed.xml`)).text()
  expect(feed).toContain(
    `<link rel="alternate" type="text/html" href="${origin}${routes.publication(stability.slug)}"/>`,
  )
  const sitemap = await (await request.get(`${base}/sitemap.xml`)).text()
  // Its date is its file's last commit, not the moment the file was copied.
  expect(sitemap).toContain(
    `<loc>${origin}${routes.publication(stability.slug)}</loc>\n<lastmod>${SEED_COMMIT_DATE}</lastmod>`,
  )
  const robots = await (await request.get(`${base}/robots.txt`)).text()
  expect(robots).toContain(`Sitemap: ${origin}/sitemap.xml`)
  for (const [what, text] of Object.entries({ page, feed, sitemap, robots })) {
    expect(text, what).not.toContain(ORIGIN_PLACEHOLDER)
    expect(text, what).not.toContain('localhost:3000')
  }
}

test.describe('a server started without SITE_URL', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 })
  const server = new ServerProcess(E2E_PORT + 70, path.join(E2E_ROOT, 'origin'), '.next-e2e-origin', {
    SITE_URL: undefined,
    NEXTAUTH_URL: undefined,
    PORT: String(E2E_PORT + 70),
  })
  const base = `http://localhost:${server.port}`
  test.use({ baseURL: base })

  test.beforeAll(async () => {
    test.setTimeout(120_000)
    server.prepare()
    await server.start()
  })
  test.afterAll(() => server.stop())

  test('names the origin it is reached on in the paper page, its card, the feed and the sitemap', async ({
    request,
  }) => {
    await expectOrigin(request, base, base)
    // The same build, reached on another address, names that one.
    await expectOrigin(request, server.origin, server.origin)
  })

  test('signs the admin in and out on that origin', async ({ page }) => {
    const login = new LoginPage(page)
    await login.goto()
    await login.signIn(E2E_ADMIN.email, E2E_ADMIN.password)
    await expect(page).toHaveURL(`${base}/admin`)
    const signOut = page.getByRole('button', { name: 'Sign out' })
    await hydrated(signOut)
    await signOut.click()
    await expect(page).toHaveURL(`${base}${routes.signIn}`)
    await page.goto('/admin')
    await expect(page).toHaveURL(`${base}${routes.signIn}?callbackUrl=%2Fadmin`)
  })
})

test.describe('a server started with SITE_URL', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 })
  const server = new ServerProcess(E2E_PORT + 71, path.join(E2E_ROOT, 'origin-set'), '.next-e2e-origin', {
    SITE_URL: 'https://example.org',
    NEXTAUTH_URL: undefined,
  })

  test.beforeAll(async () => {
    test.setTimeout(120_000)
    server.prepare()
    await server.start()
  })
  test.afterAll(() => server.stop())

  test('names SITE_URL wherever it is reached', async ({ request }) => {
    await expectOrigin(request, server.origin, 'https://example.org')
  })
})
