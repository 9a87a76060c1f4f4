import fs from 'node:fs'
import path from 'node:path'
import {
  clientAddress,
  E2E_ADMIN,
  expect,
  expectListed,
  expectPaperPage,
  fetchPublic,
  generatedTitles,
  head,
  paperFile,
  tag,
  test,
} from './support/admin'
import { E2E_BASE_URL, E2E_CONTENT_DIR, E2E_PORT } from './support/paths'
import { postSignIn, signInForm } from './support/requests'

/**
 * Regressions of the second attacker's test that the shared server can show without locking
 * anyone out (the throttle's are in admin-throttle.spec.ts): addresses and bodies the server
 * refuses, the dashboard's return path, same-origin writes, names and links the store refuses,
 * failed writes, and sign-in timing.
 */

const paper = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  year: 2016,
  authors: [{ name: 'Grace Hopper' }],
  ...extra,
})

test.describe('addresses and requests', () => {
  test('a malformed percent-encoding answers 400 or 404, never 500, signed in or not', async ({ page, playwright }) => {
    const slug = 'landscape-and-training-regimes-in-deep-learning'
    const html = (await fetchPublic(`/publications/${slug}`)).text
    const card = /<meta property="og:image" content="[^"]*?(\/publications\/[^"]+?)"/.exec(html)?.[1]
    expect(card, 'the paper page names its card').toBeTruthy()
    const cardBase = (card ?? '').replace(/\/[^/]+$/, '')
    const paths = [
      '/publications/%ff',
      '/publications/%ff/cite/bibtex',
      '/publications/%ff/abstract',
      `/publications/${slug}/cite/%ff`,
      '/api/admin/publications/%ff',
      `${cardBase}/%ff`,
      '/publications/%E0%A4%A',
      '/admin/publications/%ff/edit',
    ]
    const visitor = await playwright.request.newContext({ storageState: { cookies: [], origins: [] } })
    for (const pathname of paths) {
      for (const client of [visitor, page.request]) {
        const status = (await client.get(pathname, { maxRedirects: 0 })).status()
        expect([400, 404], `${pathname}: ${status}`).toContain(status)
      }
    }
    await visitor.dispose()
  })

  test('the sign-in page sends a signed-in admin on, whatever characters the return path holds', async ({ page }) => {
    for (const callbackUrl of [
      '/admin\r\nSet-Cookie: planted=1',
      '/admin/\u2028x',
      '/admin\u0000',
      '/admin/%0d%0aX: y',
      '//evil.example/admin',
      '/\\evil.example',
    ]) {
      const response = await page.request.get(`/admin/login?callbackUrl=${encodeURIComponent(callbackUrl)}`, {
        maxRedirects: 0,
      })
      expect([303, 307, 308], `${JSON.stringify(callbackUrl)} answers ${response.status()}`).toContain(
        response.status(),
      )
      const location = response.headers()['location'] ?? ''
      expect(new URL(location, 'http://x.invalid').pathname, JSON.stringify(callbackUrl)).toMatch(/^\/admin(\/|$)/)
      expect(response.headers()['set-cookie'] ?? '').not.toContain('planted')
    }
  })

  test('a write from the site’s own origin is accepted under any name the server answers to; another origin’s is refused', async ({
    page,
  }) => {
    const slug = `origin-${tag()}`
    expect(
      (
        await page.request.post('/api/admin/publications', {
          data: { slug, frontmatter: paper(`Origin ${slug}`), body: '' },
        })
      ).status(),
    ).toBe(201)
    const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ')
    // The browser is on localhost; the server was started as 127.0.0.1.
    const origin = `http://localhost:${E2E_PORT}`
    const read = (await (await page.request.get(`/api/admin/publications/${slug}`)).json()) as {
      version: string
      frontmatter: Record<string, unknown>
    }
    const put = (from: string) =>
      fetch(`${origin}/api/admin/publications/${slug}`, {
        method: 'PUT',
        headers: { cookie, origin: from, 'content-type': 'application/json' },
        body: JSON.stringify({
          version: read.version,
          frontmatter: { ...read.frontmatter, title: `Origin ${slug} renamed` },
          body: '',
        }),
      })
    expect((await put('http://evil.example')).status).toBe(403)
    expect((await put('null')).status).toBe(403)
    expect((await put(origin)).status, 'same-origin through localhost').toBe(200)
    const current = (await (await page.request.get(`/api/admin/publications/${slug}`)).json()) as { version: string }
    const remove = await fetch(`${origin}/api/admin/publications/${slug}?version=${current.version}`, {
      method: 'DELETE',
      headers: { cookie, origin },
    })
    expect(remove.status).toBe(200)
  })
})

test.describe('what the store refuses', () => {
  test('slugs Windows reserves and links a browser reads as another site', async ({ page }) => {
    const before = head()
    for (const slug of ['con', 'aux', 'nul', 'prn', 'com1', 'lpt9']) {
      const response = await page.request.post('/api/admin/publications', {
        data: { slug, frontmatter: paper('Reserved'), body: '' },
      })
      expect(response.status(), slug).toBe(422)
      const { fieldErrors } = (await response.json()) as { fieldErrors: Record<string, string[]> }
      expect(fieldErrors.slug?.join(' '), slug).toContain('Windows reserves')
    }
    for (const pdf of ['/\\evil.example/x.pdf', '/\t/evil.example/x.pdf']) {
      const response = await page.request.post('/api/admin/publications', {
        data: { slug: `link-${tag()}`, frontmatter: paper('Off-site', { pdf }), body: '' },
      })
      expect(response.status(), JSON.stringify(pdf)).toBe(422)
      expect(((await response.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.pdf).toBeTruthy()
    }
    expect(head(), 'nothing was committed').toBe(before)
  })

  test('a file-system failure is a message naming what failed, and nothing changes', async ({ page }) => {
    const slug = `blocked-${tag()}`
    // A folder where the paper's file would go: every file operation on it fails.
    fs.mkdirSync(paperFile(slug))
    try {
      const before = head()
      const response = await page.request.post('/api/admin/publications', {
        data: { slug, frontmatter: paper('Blocked'), body: '' },
      })
      expect(response.status()).toBe(500)
      const { message } = (await response.json()) as { message: string }
      expect(message).toMatch(
        /^Nothing was saved: could not \w+ publications\/blocked-[0-9a-f]+\.mdx: it is a folder, not a file \(EISDIR\)$/,
      )
      expect(head()).toBe(before)
      expect(fs.statSync(paperFile(slug)).isDirectory()).toBe(true)
    } finally {
      fs.rmSync(paperFile(slug), { recursive: true, force: true })
    }
  })

  test('failed renames and deletes (a stuck git lock) leave the paper on the site as its file holds it', async ({
    page,
  }) => {
    const slug = `locked-${tag()}`
    const title = `Locked ${slug}`
    expect(
      (
        await page.request.post('/api/admin/publications', {
          data: { slug, frontmatter: paper(title), body: 'Still here.' },
        })
      ).status(),
    ).toBe(201)
    await expect.poll(() => generatedTitles().includes(title), { message: 'Contentlayer has the paper' }).toBe(true)
    await expectPaperPage(slug, title)
    const lock = path.join(E2E_CONTENT_DIR, '.git', 'index.lock')
    const bytes = fs.readFileSync(paperFile(slug), 'utf8')
    fs.writeFileSync(lock, '')
    try {
      for (let round = 1; round <= 3; round++) {
        const { version, frontmatter } = (await (await page.request.get(`/api/admin/publications/${slug}`)).json()) as {
          version: string
          frontmatter: Record<string, unknown>
        }
        const rename = await page.request.put(`/api/admin/publications/${slug}`, {
          data: { version, slug: `${slug}-renamed`, frontmatter, body: 'Still here.' },
        })
        expect(rename.status(), `rename ${round}`).toBe(500)
        expect(((await rename.json()) as { message: string }).message).toMatch(
          /^Nothing was saved: git \w+ failed: .*index\.lock/,
        )
        const remove = await page.request.delete(`/api/admin/publications/${slug}?version=${version}`)
        expect(remove.status(), `delete ${round}`).toBe(500)
        expect(((await remove.json()) as { message: string }).message).toMatch(/^Nothing was deleted: git \w+ failed/)
        // At once, not eventually: the site shows what the files hold.
        await expectPaperPage(slug, title)
        await expectListed('/publications', title)
        expect((await fetchPublic(`/publications/${slug}-renamed`)).status).toBe(404)
      }
    } finally {
      fs.rmSync(lock, { force: true })
    }
    expect(fs.readFileSync(paperFile(slug), 'utf8')).toBe(bytes)
    expect(fs.existsSync(paperFile(`${slug}-renamed`))).toBe(false)
    // Once Contentlayer has caught up with the restored files, the site still shows the paper.
    await expect.poll(() => generatedTitles().includes(title)).toBe(true)
    await expectPaperPage(slug, title)
    await expectListed('/publications', title)
  })
})

test('signing in takes as long for an unknown email as for the admin’s with a wrong password', async () => {
  const tryOnce = (email: string, password: string) =>
    postSignIn(E2E_BASE_URL, {
      from: clientAddress(),
      body: signInForm([
        ['email', email],
        ['password', password],
      ]),
    })
  const admin: number[] = []
  const unknown: number[] = []
  await tryOnce(`warm-up-${tag()}@example.org`, 'x')
  // Three wrong guesses for the admin (under the limit of five), each followed by an unknown email.
  for (let i = 0; i < 3; i++) {
    const wrong = await tryOnce(E2E_ADMIN.email, `wrong-${i}`)
    expect(wrong.status).toBe(401)
    admin.push(wrong.ms)
    const nobody = await tryOnce(`nobody-${tag()}@example.org`, `wrong-${i}`)
    expect(nobody.status).toBe(401)
    unknown.push(nobody.ms)
  }
  // A right sign-in clears the admin's failures for the tests after this one.
  expect((await tryOnce(E2E_ADMIN.email, E2E_ADMIN.password)).status).toBe(200)
  const median = (values: number[]) => values.sort((a, b) => a - b)[1] ?? 0
  const ratio = median(unknown) / median(admin)
  expect(
    ratio,
    `unknown email ${median(unknown).toFixed(0)} ms, admin's wrong password ${median(admin).toFixed(0)} ms`,
  ).toBeGreaterThan(0.4)
  expect(
    ratio,
    `unknown email ${median(unknown).toFixed(0)} ms, admin's wrong password ${median(admin).toFixed(0)} ms`,
  ).toBeLessThan(2.5)
})
