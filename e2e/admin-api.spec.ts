import { commitsSince, E2E_ADMIN, expect, fetchPublic, head, tag, test } from './support/admin'
import { E2E_BASE_URL } from './support/paths'
import { routes } from '../lib/domain/routes.mjs'

const paper = (title: string) => ({ title, year: 2015, authors: [{ name: 'Grace Hopper' }] })

test.describe('the admin JSON API', () => {
  test('answers 401 without a session and changes nothing', async ({ playwright }) => {
    const anonymous = await playwright.request.newContext({
      baseURL: E2E_BASE_URL,
      storageState: { cookies: [], origins: [] },
    })
    const before = head()
    expect((await anonymous.get('/api/admin/publications')).status()).toBe(401)
    const created = await anonymous.post('/api/admin/publications', {
      data: { slug: `nope-${tag()}`, frontmatter: paper('Nope'), body: '' },
    })
    expect(created.status()).toBe(401)
    const upload = await anonymous.post(`${routes.mediaUpload}?kind=pdf`, {
      headers: { 'Content-Type': 'application/octet-stream' },
      data: Buffer.from('%PDF-1.4\n%%EOF\n'),
    })
    expect(upload.status(), 'an upload without a session').toBe(401)
    expect(head()).toBe(before)
    await anonymous.dispose()
  })

  test('creates, reads, saves with versions (409 on a stale one, 422 on bad input) and deletes', async ({ page }) => {
    const request = page.request
    const t = tag()
    const slug = `api-paper-${t}`
    const before = head()

    const created = await request.post('/api/admin/publications', {
      data: { slug, frontmatter: paper(`Made through the API ${t}`), body: 'With $x^2$.' },
    })
    expect(created.status()).toBe(201)
    expect(commitsSince(before)).toHaveLength(1)
    expect(commitsSince(before)[0]?.authorEmail).toBe(E2E_ADMIN.email)
    expect((await fetchPublic(`/publications/${slug}`)).status).toBe(200)

    const read = (await (await request.get(`/api/admin/publications/${slug}`)).json()) as {
      version: string
      frontmatter: Record<string, unknown>
    }
    const saved = await request.put(`/api/admin/publications/${slug}`, {
      data: {
        version: read.version,
        frontmatter: { ...read.frontmatter, title: `Saved through the API ${t}` },
        body: '',
      },
    })
    expect(saved.status()).toBe(200)

    const stale = await request.put(`/api/admin/publications/${slug}`, {
      data: { version: read.version, frontmatter: { ...read.frontmatter, title: `Lost update ${t}` }, body: '' },
    })
    expect(stale.status()).toBe(409)
    const conflict = (await stale.json()) as { kind: string; current: { frontmatter: { title: string } } }
    expect(conflict.kind).toBe('conflict')
    expect(conflict.current.frontmatter.title).toBe(`Saved through the API ${t}`)

    const current = (await (await request.get(`/api/admin/publications/${slug}`)).json()) as { version: string }
    const invalid = await request.put(`/api/admin/publications/${slug}`, {
      data: { version: current.version, frontmatter: { ...read.frontmatter, title: '' }, body: 'import x from "y"' },
    })
    expect(invalid.status()).toBe(422)
    const errors = (await invalid.json()) as { fieldErrors: Record<string, string[]> }
    expect(Object.keys(errors.fieldErrors).sort()).toEqual(['body', 'title'])

    const afterSaves = head()
    const deleted = await request.delete(`/api/admin/publications/${slug}?version=${current.version}`)
    expect(deleted.status()).toBe(200)
    expect(commitsSince(afterSaves)).toHaveLength(1)
    expect((await fetchPublic(`/publications/${slug}`)).status).toBe(404)
  })

  test('answers 409 naming the papers a save repeats, and saves with "allowDuplicate": true', async ({ page }) => {
    const request = page.request
    const t = tag()
    const doi = `10.5555/api-twin.${t}`
    const original = { slug: `api-original-${t}`, title: `Original through the API ${t}` }
    const created = await request.post(routes.api.publications, {
      data: { slug: original.slug, frontmatter: { ...paper(original.title), doi }, body: '' },
    })
    expect(created.status()).toBe(201)

    const before = head()
    const twin = { slug: `api-twin-${t}`, frontmatter: { ...paper(`Twin through the API ${t}`), doi }, body: '' }
    for (const allowDuplicate of [undefined, false, 'yes']) {
      const refused = await request.post(routes.api.publications, { data: { ...twin, allowDuplicate } })
      expect(refused.status(), `allowDuplicate: ${allowDuplicate}`).toBe(409)
      expect(await refused.json()).toMatchObject({
        ok: false,
        kind: 'duplicate',
        duplicates: [{ slug: original.slug, title: original.title, reason: 'doi' }],
      })
    }
    expect(head(), 'nothing written').toBe(before)
    expect((await request.get(routes.api.publication(twin.slug))).status()).toBe(404)
    const allowed = await request.post(routes.api.publications, { data: { ...twin, allowDuplicate: true } })
    expect(allowed.status()).toBe(201)

    // An edit that gives a paper another one's title: the same check, the same way past it.
    const read = (await (await request.get(routes.api.publication(twin.slug))).json()) as {
      version: string
      frontmatter: Record<string, unknown>
    }
    const renamed = {
      version: read.version,
      frontmatter: { ...read.frontmatter, doi: undefined, title: original.title },
      body: '',
    }
    const put = await request.put(routes.api.publication(twin.slug), { data: renamed })
    expect(put.status()).toBe(409)
    expect(((await put.json()) as { duplicates: unknown[] }).duplicates).toEqual([
      { slug: original.slug, title: original.title, reason: 'title' },
    ])
    const saved = await request.put(routes.api.publication(twin.slug), { data: { ...renamed, allowDuplicate: true } })
    expect(saved.status()).toBe(200)
    expect(commitsSince(before), 'the twin, then the edit').toHaveLength(2)
    const after = (await (await request.get(routes.api.publication(twin.slug))).json()) as {
      frontmatter: Record<string, unknown>
    }
    expect(after.frontmatter.title).toBe(original.title)
  })

  test('refuses cross-site writes and non-JSON bodies', async ({ page }) => {
    const before = head()
    const foreign = await page.request.post('/api/admin/publications', {
      headers: { Origin: 'https://evil.example' },
      data: { slug: `evil-${tag()}`, frontmatter: paper('Evil'), body: '' },
    })
    expect(foreign.status()).toBe(403)
    const form = await page.request.post('/api/admin/publications', { form: { slug: `form-${tag()}` } })
    expect(form.status()).toBe(415)
    // An upload from another site's page, and one a cross-site form could send (multipart).
    const foreignUpload = await page.request.post(`${routes.mediaUpload}?kind=pdf`, {
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/octet-stream' },
      data: Buffer.from('%PDF-1.4\n%%EOF\n'),
    })
    expect(foreignUpload.status()).toBe(403)
    const formUpload = await page.request.post(`${routes.mediaUpload}?kind=pdf`, {
      multipart: { file: { name: 'x.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') } },
    })
    expect(formUpload.status()).toBe(415)
    expect(head()).toBe(before)
  })

  test('refuses slugs that could leave the publications folder', async ({ page }) => {
    const before = head()
    for (const slug of ['../evil', '..%2fevil', '%2e%2e', 'a/b', 'CON', '.hidden']) {
      const response = await page.request.post('/api/admin/publications', {
        data: { slug, frontmatter: paper('Traversal'), body: '' },
      })
      expect(response.status(), slug).toBe(422)
      expect(((await response.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.slug?.[0]).toMatch(
        /lowercase letters/,
      )
    }
    expect(head()).toBe(before)
  })
})
