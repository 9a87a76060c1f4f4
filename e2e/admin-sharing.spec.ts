import { createPaper, expect, expectLiveSince, expectNotFound, fetchPublic, tag, test } from './support/admin'
import { E2E_BASE_URL } from './support/paths'
import { ogImage, parseBib, pngSize, sha256 } from './support/sharing'

async function publicTitles() {
  const bib = await parseBib((await fetchPublic('/publications.bib')).text)
  const feed = (await fetchPublic('/feed.xml')).text
  const sitemap = (await fetchPublic('/sitemap.xml')).text
  return { bib: bib.entries.map((entry) => entry.fields.title ?? ''), feed, sitemap }
}

test.describe('sharing follows the dashboard', () => {
  test('an edited title changes the card’s URL and image, the feed, the sitemap and the BibTeX file', async ({
    page,
    editor,
    request,
    browser,
  }) => {
    const title = `Card before ${tag()}`
    const slug = await createPaper(page, { title, year: 2018 })
    const visitor = await browser.newPage({ baseURL: E2E_BASE_URL })
    await visitor.goto(`/publications/${slug}`)
    const before = await ogImage(visitor, request)
    expect(pngSize(before.bytes)).toEqual({ width: 1200, height: 630 })

    const renamed = `Card after ${tag()}`
    await editor.title.fill(renamed)
    const saved = await editor.saveAndExpect('Saved and committed.')
    await expectLiveSince(saved, async () => {
      const { bib, feed, sitemap } = await publicTitles()
      expect(bib).toContain(renamed)
      expect(feed).toContain(`<title>${renamed}</title>`)
      expect(sitemap).toContain(`/publications/${slug}</loc>`)
    })
    await visitor.goto(`/publications/${slug}`)
    const after = await ogImage(visitor, request)
    expect(after.url).not.toBe(before.url)
    expect(sha256(after.bytes)).not.toBe(sha256(before.bytes))
    expect(pngSize(after.bytes)).toEqual({ width: 1200, height: 630 })
    await visitor.close()
  })

  test('a draft is in no feed, sitemap or BibTeX file, and has no page', async ({ page }) => {
    const title = `Hidden draft ${tag()}`
    const slug = await createPaper(page, { title, year: 2017, draft: true })
    await expectNotFound(slug)
    const { bib, feed, sitemap } = await publicTitles()
    expect(bib).not.toContain(title)
    expect(feed).not.toContain(title)
    expect(sitemap).not.toContain(`/publications/${slug}<`)
    expect((await fetchPublic(`/publications/${slug}/cite/bibtex`)).status).toBe(404)
  })

  test('the editor previews the card from the unsaved form', async ({ page, editor }) => {
    const slug = await createPaper(page, { title: `Preview ${tag()}`, year: 2016 })
    await editor.gotoEdit(slug)
    const card = page.getByRole('img', { name: 'Social card preview' })
    await expect.poll(() => card.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1200)
    const first = await card.getAttribute('src')
    await editor.title.fill(`Preview changed ${tag()}`)
    await expect.poll(() => card.getAttribute('src')).not.toBe(first)
    await expect.poll(() => card.evaluate((img: HTMLImageElement) => img.complete && img.naturalHeight)).toBe(630)
    expect(decodeURIComponent((await card.getAttribute('src')) ?? '')).toContain('Preview changed')
  })

  test('the card preview is for the admin only', async () => {
    const { status } = await fetchPublic(
      `/admin/card-preview?data=${encodeURIComponent(JSON.stringify({ title: 'x', authors: [] }))}`,
    )
    expect(status).toBe(401)
  })
})
