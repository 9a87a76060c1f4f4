import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import {
  commitsSince,
  createPaper,
  expect,
  expectLiveSince,
  expectNothingWritten,
  fetchPublic,
  filesOf,
  frontmatterOf,
  head,
  hydrated,
  snapshot,
  tag,
  test,
} from './support/admin'
import { E2E_BASE_URL, E2E_CONTENT_DIR } from './support/paths'
import { routes } from '../lib/domain/routes.mjs'

/** A photo as a phone takes it: a JPEG whose EXIF names the camera and holds a GPS position. */
async function phonePhoto(): Promise<Buffer> {
  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#3a6ea5' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Pocket 12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '46/1 31/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '6/1 34/1 0/1' },
    })
    .toBuffer()
  // What the upload must drop is really there: the camera's name and a GPS block.
  const { exif } = await sharp(photo).metadata()
  expect(exif?.includes(Buffer.from('PhoneMaker'))).toBe(true)
  expect(exif?.includes(Buffer.from([0x88, 0x25])) || exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true)
  return photo
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
)
/** A Windows program: "MZ", then the DOS header. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(200)])
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>')

const mediaFiles = () => fs.readdirSync(path.join(E2E_CONTENT_DIR, 'media'), { withFileTypes: true }).length

async function fetchMedium(url: string) {
  const response = await fetch(new URL(url, E2E_BASE_URL))
  return { response, bytes: Buffer.from(await response.arrayBuffer()) }
}

test.describe('site settings', () => {
  test('a new bio, an ORCID iD and a photo are on the home page within a second, in one commit with the photo', async ({
    page,
  }) => {
    await page.goto(routes.settings)
    const save = page.getByRole('button', { name: 'Save', exact: true })
    await hydrated(save)
    const bio = `I study how networks learn, with $\\epsilon_t$ small. ${tag()}`
    await page.getByRole('textbox', { name: 'Bio' }).fill(bio)
    await page.getByLabel('ORCID iD').fill('0000-0002-1825-0097')
    await page
      .getByLabel('Upload Photo')
      .setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() })
    const preview = page.getByRole('img', { name: 'Photo (current)' })
    await expect(preview).toBeVisible()
    const photoUrl = (await preview.getAttribute('src')) ?? ''
    expect(photoUrl).toMatch(/^\/media\/[0-9a-f]{16}\.jpg$/)

    const before = head()
    const clicked = Date.now()
    await save.click()
    await expect(page.getByRole('status').filter({ hasText: 'Saved and committed.' })).toBeVisible()

    await expectLiveSince(clicked, async () => {
      const { text } = await fetchPublic(routes.home)
      expect(text).toContain(bio.split(' $')[0])
      expect(text).toContain(`src="${photoUrl}"`)
      expect(text).toContain('href="https://orcid.org/0000-0002-1825-0097"')
    })
    // The math of the bio is rendered, as an abstract's is.
    await page.goto(routes.home)
    await expect(page.getByRole('main').locator('.katex').first()).toBeVisible()
    await expect(page.getByRole('link', { name: /ORCID/ })).toHaveAttribute(
      'href',
      'https://orcid.org/0000-0002-1825-0097',
    )

    const commits = commitsSince(before)
    expect(commits).toHaveLength(1)
    expect(commits[0]?.subject).toBe('Edit settings: Bio, Photo, ORCID iD')
    expect(filesOf(commits[0]?.hash ?? '').sort()).toEqual([`media${photoUrl.slice('/media'.length)}`, 'site.yaml'])

    // The settings' history names the commit and each field it changed.
    await page.goto(routes.settingsHistory)
    const entry = page.getByRole('listitem').filter({ hasText: 'Edit settings: Bio, Photo, ORCID iD' }).first()
    await expect(entry).toContainText('ORCID iD: (not set) → 0000-0002-1825-0097')
    await expect(entry).toContainText(`Photo: (not set) → ${photoUrl}`)

    // Served for ever by its content hash, as a JPEG, without the phone's EXIF (GPS, camera).
    const { response, bytes } = await fetchMedium(photoUrl)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/jpeg')
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const meta = await sharp(bytes).metadata()
    expect([meta.width, meta.height, meta.exif]).toEqual([480, 480, undefined])
    expect(bytes.includes(Buffer.from('PhoneMaker'))).toBe(false)
  })

  test('a mistyped ORCID iD is refused by name and nothing is written', async ({ page }) => {
    await page.goto(routes.settings)
    const save = page.getByRole('button', { name: 'Save', exact: true })
    await hydrated(save)
    const before = snapshot()
    await page.getByLabel('ORCID iD').fill('0000-0002-1825-0098')
    await save.click()
    await expect(page.getByRole('alert', { name: 'Nothing was saved. Please fix:' })).toContainText(
      'ORCID iD: is not a valid ORCID iD: its check digit does not match',
    )
    expectNothingWritten(before)
  })
})

test.describe('uploads', () => {
  test('a PDF uploaded to a paper is committed with it and served as a PDF, cached for ever', async ({
    page,
    editor,
  }) => {
    const slug = await createPaper(page, { title: `Uploaded PDF ${tag()}`, year: 2015 })
    await editor.gotoEdit(slug)
    await page.getByLabel('Upload PDF').setInputFiles({ name: 'paper.pdf', mimeType: 'application/pdf', buffer: PDF })
    const field = page.getByRole('textbox', { name: 'PDF' })
    await expect(field).toHaveValue(/^\/media\/[0-9a-f]{16}\.pdf$/)
    const url = await field.inputValue()
    const before = head()
    await editor.saveAndExpect('Saved and committed.')
    const [commit] = commitsSince(before)
    expect(filesOf(commit?.hash ?? '').sort()).toEqual([
      `media${url.slice('/media'.length)}`,
      `publications/${slug}.mdx`,
    ])
    expect(frontmatterOf(slug).pdf).toBe(url)

    const { text } = await fetchPublic(routes.publication(slug))
    expect(text).toMatch(new RegExp(`href="?${url}[" ]`))
    const { response, bytes } = await fetchMedium(url)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(bytes.equals(PDF)).toBe(true)
    const again = await fetch(new URL(url, E2E_BASE_URL), {
      headers: { 'If-None-Match': response.headers.get('etag') ?? '' },
    })
    expect(again.status).toBe(304)
  })

  test('a program renamed .pdf, an SVG and an over-limit file are refused with messages, and nothing is written', async ({
    page,
    editor,
  }) => {
    const slug = await createPaper(page, { title: `Refused uploads ${tag()}`, year: 2015 })
    await editor.gotoEdit(slug)
    const before = snapshot()
    const filesBefore = fs.existsSync(path.join(E2E_CONTENT_DIR, 'media')) ? mediaFiles() : 0

    await page.getByLabel('Upload PDF').setInputFiles({ name: 'paper.pdf', mimeType: 'application/pdf', buffer: EXE })
    await expect(page.getByRole('alert').filter({ hasText: 'This file is not a PDF' })).toContainText(
      'its content is EXE',
    )
    await expect(page.getByRole('textbox', { name: 'PDF' })).toHaveValue('')
    await page.getByLabel('Upload Thumbnail').setInputFiles({ name: 'figure.png', mimeType: 'image/png', buffer: SVG })
    await expect(page.getByRole('alert').filter({ hasText: 'SVG and other markup files are refused' })).toBeVisible()
    await expect(page.getByRole('img', { name: 'Thumbnail (current)' })).toHaveCount(0)
    // Refused in the browser before a byte is sent.
    const sent: string[] = []
    page.on('request', (request) => {
      if (request.url().includes(routes.mediaUpload)) sent.push(request.url())
    })
    await page.getByLabel('Upload PDF').setInputFiles({
      name: 'huge.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]),
    })
    await expect(page.getByRole('alert').filter({ hasText: 'a PDF may be at most 20 MB' })).toBeVisible()
    expect(sent).toEqual([])
    await expect(page.getByRole('textbox', { name: 'PDF' })).toHaveValue('')

    // And by the server, from the announced size, for a client that skips the form's check.
    const tooLarge = await page.request.post(`${routes.mediaUpload}?kind=photo`, {
      headers: { 'Content-Type': 'application/octet-stream', Origin: E2E_BASE_URL },
      data: Buffer.alloc(11 * 1024 * 1024),
    })
    expect(tooLarge.status()).toBe(413)
    expect((await tooLarge.json()).message).toBe(
      'The file is 11 MB; a photo may be at most 10 MB. Nothing was uploaded.',
    )

    expectNothingWritten(before)
    expect(fs.existsSync(path.join(E2E_CONTENT_DIR, 'media')) ? mediaFiles() : 0).toBe(filesBefore)
  })

  test('a thumbnail is shown on the list and the paper page, re-encoded without its EXIF', async ({ page, editor }) => {
    const title = `Thumbnail ${tag()}`
    const slug = await createPaper(page, { title, year: 2015 })
    await editor.gotoEdit(slug)
    await page
      .getByLabel('Upload Thumbnail')
      .setInputFiles({ name: 'fig.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() })
    const preview = page.getByRole('img', { name: 'Thumbnail (current)' })
    await expect(preview).toBeVisible()
    const url = (await preview.getAttribute('src')) ?? ''
    await editor.saveAndExpect('Saved and committed.')

    const paper = await fetchPublic(routes.publication(slug))
    expect(paper.text).toContain(`src="${url}"`)
    const list = await fetchPublic(routes.publications())
    expect(list.text).toMatch(new RegExp(`<img class="?entry-thumbnail"? src="?${url}[" ]`))
    const { bytes } = await fetchMedium(url)
    const meta = await sharp(bytes).metadata()
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['jpeg', 480, 360, undefined])
  })
})

test.describe('the media library', () => {
  test('lists what each upload is used by, and removes the unused ones after a confirmation, in one commit', async ({
    page,
    editor,
  }) => {
    const title = `Replaced thumbnail ${tag()}`
    const slug = await createPaper(page, { title, year: 2015 })
    await editor.gotoEdit(slug)
    const upload = async (background: string) => {
      const image = await sharp({ create: { width: 400, height: 300, channels: 3, background } })
        .jpeg()
        .toBuffer()
      await page
        .getByLabel(/^(Upload|Replace) Thumbnail$/)
        .setInputFiles({ name: 'fig.jpg', mimeType: 'image/jpeg', buffer: image })
      await expect(page.getByRole('img', { name: 'Thumbnail (current)' })).toHaveAttribute('src', /\/media\//)
      await editor.saveAndExpect('Saved and committed.')
      return String(frontmatterOf(slug).thumbnail).slice('/media/'.length)
    }
    const first = await upload('#a33')
    await editor.gotoEdit(slug)
    const second = await upload('#3a3')
    expect(second).not.toBe(first)

    await page.goto(routes.mediaLibrary)
    const item = (name: string) => page.getByRole('listitem').filter({ hasText: name })
    await expect(item(second)).toContainText(`Used by ${title}`)
    await expect(item(first)).toContainText('Unused')
    const remove = page.getByRole('button', { name: /^Remove the \d+ unused$/ })
    await hydrated(remove)
    await remove.click()
    const dialog = page.getByRole('dialog', { name: 'Remove the unused files?' })
    await expect(dialog).toBeVisible()
    const before = head()
    await dialog.getByRole('button', { name: /^Remove \d+$/ }).click()
    await expect(page.getByRole('status').filter({ hasText: /^Removed \d+ unused files?\./ })).toBeVisible()

    const [commit, ...more] = commitsSince(before)
    expect(more).toEqual([])
    expect(filesOf(commit?.hash ?? '')).toContain(`media/${first}`)
    expect(fs.existsSync(path.join(E2E_CONTENT_DIR, 'media', first))).toBe(false)
    expect(fs.existsSync(path.join(E2E_CONTENT_DIR, 'media', second)), 'the one in use stays').toBe(true)
    await expect(item(first)).toHaveCount(0)
    expect((await fetch(new URL(`/media/${first}`, E2E_BASE_URL))).status).toBe(404)
  })
})
