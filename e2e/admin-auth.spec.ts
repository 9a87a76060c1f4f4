import { expect, test as visitorTest } from '@playwright/test'
import {
  clientAddress,
  Dashboard,
  E2E_ADMIN,
  Editor,
  createPaper,
  frontmatterOf,
  head,
  hydrated,
  LoginPage,
  readPaper,
  SEED_TITLES,
  tag,
  test as adminTest,
} from './support/admin'

const SEED_SLUG = 'landscape-and-training-regimes-in-deep-learning'
const THROTTLED = /^Too many failed sign-in attempts\. Try again in \d+ minutes? \(at \d{1,2}:\d{2}( ?[AP]M)?\)\.$/

visitorTest.describe('signing in', () => {
  visitorTest(
    'signed out, the dashboard and the editor send you to the sign-in page, and you come back after',
    async ({ page }) => {
      await page.goto('/admin')
      await expect(page).toHaveURL('/admin/login?callbackUrl=%2Fadmin')
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
      await expect(page.getByRole('table')).toHaveCount(0)

      const editorPath = `/admin/publications/${SEED_SLUG}/edit`
      await page.goto(editorPath)
      await expect(page).toHaveURL(`/admin/login?callbackUrl=${encodeURIComponent(editorPath)}`)
      await expect(page.getByLabel('Title', { exact: true })).toHaveCount(0)

      const login = new LoginPage(page)
      expect((await login.signIn(E2E_ADMIN.email, E2E_ADMIN.password)).status()).toBe(200)
      await expect(page).toHaveURL(editorPath)
      await expect(new Editor(page).title).toHaveValue('Landscape and training regimes in deep learning')
    },
  )

  visitorTest(
    'a wrong password is refused on the page; the right one opens the dashboard; Sign out locks it again',
    async ({ browser }) => {
      // An address of its own, so this one failure is not counted against 127.0.0.1.
      const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() } })
      const page = await context.newPage()
      const login = new LoginPage(page)
      await login.goto()

      const refused = await login.signIn(E2E_ADMIN.email, 'not-the-password')
      expect(refused.status()).toBe(401)
      await expect(login.error).toHaveText('Invalid email or password')
      await expect(page).toHaveURL(/\/admin\/login$/)
      await expect(login.submit).toBeEnabled()

      await page.goto('/admin')
      await expect(page, 'a refused attempt opens no session').toHaveURL(/\/admin\/login\?/)

      await login.signIn(E2E_ADMIN.email, E2E_ADMIN.password)
      await expect(page).toHaveURL(/\/admin$/)
      const dashboard = new Dashboard(page)
      for (const title of SEED_TITLES) await expect(dashboard.titles.filter({ hasText: title })).toHaveCount(1)
      await expect(page.getByText(E2E_ADMIN.email, { exact: true })).toBeVisible()

      const signOut = page.getByRole('button', { name: 'Sign out' })
      await hydrated(signOut)
      await signOut.click()
      await expect(page).toHaveURL(/\/admin\/login$/)
      await page.goto('/admin')
      await expect(page).toHaveURL('/admin/login?callbackUrl=%2Fadmin')
      await expect(page.getByRole('table')).toHaveCount(0)
      await context.close()
    },
  )

  visitorTest(
    'five failures from one address refuse that address, even with the right password, with HTTP 429',
    async ({ browser }) => {
      const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() } })
      const page = await context.newPage()
      const login = new LoginPage(page)
      await login.goto()
      // Five different unknown emails: only the address has five failures.
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const response = await login.signIn(`nobody-${tag()}@example.org`, 'wrong')
        expect(response.status(), `attempt ${attempt}`).toBe(401)
        await expect(login.error).toHaveText('Invalid email or password')
      }

      const refused = await login.signIn(E2E_ADMIN.email, E2E_ADMIN.password)
      expect(refused.status()).toBe(429)
      await expect(login.error).toHaveText(THROTTLED)
      await expect(page).toHaveURL(/\/admin\/login$/)
      await page.goto('/admin')
      await expect(page, 'the refused right password opened no session').toHaveURL(/\/admin\/login\?/)
      await context.close()
    },
  )

  visitorTest('five failures for one email refuse that email from any address with HTTP 429', async ({ page }) => {
    const email = `throttled-${tag()}@example.org`
    const login = new LoginPage(page)
    await login.goto()
    // Each failure from another address: only the email has five failures.
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.setExtraHTTPHeaders({ 'X-Forwarded-For': clientAddress() })
      expect((await login.signIn(email, `wrong-${attempt}`)).status(), `attempt ${attempt}`).toBe(401)
      await expect(login.error).toHaveText('Invalid email or password')
    }

    await page.setExtraHTTPHeaders({ 'X-Forwarded-For': clientAddress() })
    const refused = await login.signIn(email, 'wrong-6')
    expect(refused.status()).toBe(429)
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(60)
    await expect(login.error).toHaveText(THROTTLED)

    // The same fresh address is not blocked: the refusal was for the email.
    expect((await login.signIn(E2E_ADMIN.email, E2E_ADMIN.password)).status()).toBe(200)
    await expect(page).toHaveURL(/\/admin$/)
  })
})

adminTest(
  'server actions answer 401 without a session and change nothing',
  async ({ page, dashboard, editor, playwright }) => {
    const title = `Unauthorised replay ${tag()}`
    const slug = await createPaper(page, { title, year: 2034 })

    // Capture two real action requests made while signed in: a quick toggle and an editor save.
    await dashboard.goto()
    const toggle = page.waitForRequest(
      (request) => request.method() === 'POST' && request.headers()['next-action'] !== undefined,
    )
    await dashboard.selectedBox(title).click()
    const toggleRequest = await toggle
    await expect(dashboard.selectedBox(title)).toBeChecked()

    await editor.gotoEdit(slug)
    await editor.title.fill(`${title} edited`)
    const save = page.waitForRequest(
      (request) =>
        request.method() === 'POST' &&
        request.headers()['next-action'] !== undefined &&
        (request.postData() ?? '').includes('edited'),
    )
    await editor.saveAndExpect('Saved and committed.')
    const saveRequest = await save

    const before = head()
    const bytes = readPaper(slug)
    // Explicitly without cookies: request contexts made in a test inherit its signed-in storageState.
    const stranger = await playwright.request.newContext({ storageState: { cookies: [], origins: [] } })
    for (const request of [toggleRequest, saveRequest]) {
      const headers = Object.fromEntries(
        Object.entries(await request.allHeaders()).filter(
          ([name]) => !['cookie', 'content-length'].includes(name) && !name.startsWith(':'),
        ),
      )
      expect(headers['next-action']).toBeTruthy()
      const response = await stranger.fetch(request.url(), {
        method: request.method(),
        headers,
        data: request.postDataBuffer() ?? undefined,
        maxRedirects: 0,
      })
      expect(response.status(), `replayed ${headers['next-action']} without a session`).toBe(401)
    }
    await stranger.dispose()
    expect(head()).toBe(before)
    expect(readPaper(slug)).toBe(bytes)
    expect(frontmatterOf(slug).title).toBe(`${title} edited`)
  },
)
