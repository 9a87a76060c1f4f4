import path from 'node:path'
import {
  expect,
  test as visitorTest,
  type APIRequest,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from '@playwright/test'
import bcrypt from 'bcrypt'
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
  signInAsAdmin,
  tag,
  test as adminTest,
} from './support/admin'
import { E2E_BASE_URL, E2E_PORT, E2E_ROOT } from './support/paths'
import { ServerProcess } from './support/server-process'

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

/** The cookie that holds the session (next-auth splits a large one into `.0`, `.1`, …). */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/

async function signOutWithTheButton(page: Page) {
  const signOut = page.getByRole('button', { name: 'Sign out' })
  await hydrated(signOut)
  await signOut.click()
  await expect(page).toHaveURL(/\/admin\/login$/)
}

/** What a copy of the session cookie, in another browser, is given: the dashboard, the API, the session. */
async function expectCopyRefused(copy: BrowserContext) {
  const page = await copy.newPage()
  await page.goto('/admin')
  await expect(page).toHaveURL('/admin/login?callbackUrl=%2Fadmin')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
  expect((await copy.request.get('/api/admin/publications')).status(), 'the admin API').toBe(401)
  // Last: next-auth answers a refused session by clearing the cookie.
  const session = await copy.request.get('/api/auth/session')
  expect(session.status()).toBe(200)
  expect(await session.json(), '/api/auth/session').toEqual({})
  await page.close()
}

visitorTest.describe('signing out', () => {
  visitorTest(
    'ends the session on the server: a copy of its cookie taken before gets the sign-in page, 401 and no session',
    async ({ browser }) => {
      const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() } })
      const page = await context.newPage()
      await signInAsAdmin(page)
      const copied = (await context.cookies()).filter((cookie) => SESSION_COOKIE.test(cookie.name))
      expect(copied, 'the session cookie').toHaveLength(1)
      const copyState = { cookies: copied, origins: [] }
      const copyIn = () => browser.newContext({ baseURL: E2E_BASE_URL, storageState: copyState })

      // Before sign-out the copy is as good as the original.
      const before = await copyIn()
      expect((await before.request.get('/api/admin/publications')).status()).toBe(200)
      const session = (await (await before.request.get('/api/auth/session')).json()) as { user?: { email?: string } }
      expect(session.user?.email).toBe(E2E_ADMIN.email)
      await before.close()

      await signOutWithTheButton(page)
      const after = await copyIn()
      const commit = head()
      await expectCopyRefused(after)
      const write = await after.request.post('/api/admin/publications', {
        data: {
          slug: `copied-${tag()}`,
          frontmatter: { title: 'Copied', year: 2020, authors: [{ name: 'Grace Hopper' }] },
          body: '',
        },
      })
      expect(write.status(), 'a write with the copy').toBe(401)
      expect(head(), 'nothing committed').toBe(commit)
      await after.close()

      // Signing in again works, with a session of its own: the copy stays refused.
      await new LoginPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password)
      await expect(page).toHaveURL(/\/admin$/)
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
      const again = (await context.cookies()).find((cookie) => SESSION_COOKIE.test(cookie.name))
      expect(again?.value).not.toBe(copied[0]?.value)
      expect((await page.request.get('/api/admin/publications')).status()).toBe(200)
      const stillCopied = await copyIn()
      await expectCopyRefused(stillCopied)
      await stillCopied.close()
      await context.close()
    },
  )
})

/** A client of the API signed in with the password, as a script would be. */
async function signedInClient(request: APIRequest, origin: string) {
  const client = await request.newContext({ baseURL: origin, storageState: { cookies: [], origins: [] } })
  const { csrfToken } = (await (await client.get('/api/auth/csrf')).json()) as { csrfToken: string }
  const response = await client.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: E2E_ADMIN.email, password: E2E_ADMIN.password, json: 'true' },
  })
  expect(response.status(), 'signed in').toBe(200)
  return client
}

async function signOutClient(client: APIRequestContext) {
  const { csrfToken } = (await (await client.get('/api/auth/csrf')).json()) as { csrfToken: string }
  expect((await client.post('/api/auth/signout', { form: { csrfToken, json: 'true' } })).status()).toBe(200)
}

const apiStatus = async (client: APIRequestContext) => (await client.get('/api/admin/publications')).status()

visitorTest.describe('sessions across restarts', () => {
  const workDir = path.join(E2E_ROOT, 'sessions')
  // The server's own admin hash: the same one on a plain restart, a new one for a password change
  // (of the same password here, so that the test can sign in again; a new hash is what counts).
  const serverWith = (passwordHash: string) =>
    new ServerProcess(E2E_PORT + 80, workDir, '.next-e2e-sessions', { ADMIN_PASSWORD_HASH: passwordHash })
  let running: ServerProcess | undefined
  visitorTest.afterEach(() => running?.stop())

  visitorTest(
    'a restart keeps signed-out sessions out and the others in; a new password hash ends them all',
    async ({ playwright }) => {
      visitorTest.setTimeout(240_000)
      const hash = bcrypt.hashSync(E2E_ADMIN.password, 4)
      running = serverWith(hash)
      running.prepare()
      await running.start()
      const { origin } = running
      const leaving = await signedInClient(playwright.request, origin)
      const staying = await signedInClient(playwright.request, origin)
      const copy = await playwright.request.newContext({ baseURL: origin, storageState: await leaving.storageState() })
      await signOutClient(leaving)
      expect(await apiStatus(copy), 'the signed-out copy').toBe(401)
      expect(await apiStatus(staying), 'the other session').toBe(200)

      await running.stop()
      running = serverWith(hash)
      await running.start()
      expect(await apiStatus(copy), 'the signed-out copy, after a restart').toBe(401)
      expect(await apiStatus(staying), 'the other session, after a restart').toBe(200)

      await running.stop()
      running = serverWith(bcrypt.hashSync(E2E_ADMIN.password, 4))
      await running.start()
      expect(await apiStatus(staying), 'a session made with the old hash').toBe(401)
      expect(await (await staying.get('/api/auth/session')).json()).toEqual({})
      const fresh = await signedInClient(playwright.request, origin)
      expect(await apiStatus(fresh), 'a new sign-in').toBe(200)
      for (const client of [leaving, staying, copy, fresh]) await client.dispose()
    },
  )
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
