import { createPaper, expect, frontmatterOf, head, readPaper, SEED_TITLES, tag, test } from './support/admin'
import { E2E_BASE_URL } from './support/paths'

/** Header values seen in the CVE-2025-29927 middleware-bypass requests. */
const SUBREQUEST_HEADERS = [
  'middleware',
  'middleware:middleware:middleware:middleware:middleware',
  'src/middleware',
  'proxy:proxy:proxy:proxy:proxy',
  'pages/_middleware',
]

test.describe('closed to known Next.js bypass shapes', () => {
  test.use({ storageState: { cookies: [], origins: [] } })

  test('x-middleware-subrequest does not open the dashboard or the API', async ({ request }) => {
    for (const value of SUBREQUEST_HEADERS) {
      const page = await request.get('/admin', { headers: { 'x-middleware-subrequest': value }, maxRedirects: 0 })
      expect(page.status(), value).toBe(307)
      expect(page.headers().location).toContain('/admin/login')
      const api = await request.get('/api/admin/publications', { headers: { 'x-middleware-subrequest': value } })
      expect(api.status(), value).toBe(401)
    }
  })

  test('RSC and segment-prefetch requests carry no dashboard content', async ({ request }) => {
    const attempts: [string, Record<string, string>][] = [
      ['/admin', { RSC: '1' }],
      ['/admin?_rsc=x1', { RSC: '1', 'Next-Router-Prefetch': '1' }],
      ['/admin', { RSC: '1', 'Next-Router-Prefetch': '1', 'Next-Router-Segment-Prefetch': '/_tree' }],
      ['/admin', { RSC: '1', 'Next-Router-Prefetch': '1', 'Next-Router-Segment-Prefetch': '/__PAGE__' }],
      ['/admin.rsc', {}],
      ['/admin/__PAGE__.segment.rsc', {}],
      ['/admin.segments/__PAGE__.segment.rsc', {}],
      ['/admin/publications/landscape-and-training-regimes-in-deep-learning/edit', { RSC: '1' }],
    ]
    for (const [path, headers] of attempts) {
      const response = await request.get(path, { headers, maxRedirects: 0 })
      const body = await response.text()
      for (const title of SEED_TITLES) expect(body, `${path} ${JSON.stringify(headers)}`).not.toContain(title)
      expect(body).not.toContain('Publications dashboard')
    }
  })
})

test('server actions refuse Origin: null and foreign origins, even with a session', async ({
  page,
  dashboard,
  playwright,
  context,
}) => {
  const title = `Origin check ${tag()}`
  const slug = await createPaper(page, { title, year: 2012 })
  await dashboard.goto()
  const captured = page.waitForRequest(
    (request) => request.method() === 'POST' && request.headers()['next-action'] !== undefined,
  )
  await dashboard.selectedBox(title).click()
  const action = await captured
  await expect(dashboard.selectedBox(title)).toBeChecked()

  const before = head()
  const bytes = readPaper(slug)
  const state = await context.storageState()
  const signedIn = await playwright.request.newContext({ baseURL: E2E_BASE_URL, storageState: state })
  const headers = Object.fromEntries(
    Object.entries(await action.allHeaders()).filter(
      ([name]) => !['content-length', 'origin', 'host'].includes(name) && !name.startsWith(':'),
    ),
  )
  for (const origin of ['null', 'https://evil.example', 'http://127.0.0.1.evil.example']) {
    const response = await signedIn.fetch(action.url(), {
      method: 'POST',
      headers: { ...headers, origin },
      data: action.postDataBuffer() ?? undefined,
      maxRedirects: 0,
    })
    expect(response.status(), `Origin: ${origin}`).toBeGreaterThanOrEqual(400)
  }
  await signedIn.dispose()
  expect(head()).toBe(before)
  expect(readPaper(slug)).toBe(bytes)
  expect(frontmatterOf(slug).selected).toBe(true)
})

test('every response carries the security headers', async ({ request }) => {
  for (const path of ['/', '/publications', '/admin/login', '/feed.xml']) {
    const response = await request.get(path)
    const headers = response.headers()
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
    expect(headers['permissions-policy'], path).toContain('camera=()')
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'")
    expect(headers['content-security-policy'], path).not.toContain('unsafe-eval')
    // Pages restrict scripts to the site's files and the hashes of their own inline scripts.
    if (path !== '/feed.xml')
      expect(headers['content-security-policy'], path).toMatch(/script-src 'self'( 'sha256-[\w+/]+=*')+;/)
    expect(headers['x-frame-options'], path).toBe('DENY')
    expect(headers['x-powered-by'], path).toBeUndefined()
  }
})
