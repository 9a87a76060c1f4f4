import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import sharp from 'sharp'
import {
  commitsSince,
  E2E_ADMIN,
  expect,
  expectNotFound,
  expectPaperPage,
  filesOf,
  git,
  head,
  hydrated,
  readPaper,
  tag,
  test,
} from './support/admin'
import { E2E_BASE_URL, E2E_CONTENT_DIR } from './support/paths'
import { formatDashboardDate } from '../lib/domain/format'
import { routes } from '../lib/domain/routes.mjs'

/** The subjects of every commit that touched a paper's file, newest first, as git has them. */
const subjectsOf = (slug: string) =>
  git('log', '--format=%s', '--', `publications/${slug}.mdx`).split('\n').filter(Boolean)

/** Restores a paper with its Restore button and the dialog's confirmation. */
async function confirmRestore(button: Locator, title: string) {
  await hydrated(button)
  await button.click()
  const dialog = button.page().getByRole('dialog', { name: `Restore “${title}”?` })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click()
}

/** Once the dashboard shows the paper is back, its page answers 200 within about a second. */
async function expectPublicWithinASecond(slug: string, title: string) {
  await expect(() => expectPaperPage(slug, title)).toPass({ timeout: 1_000, intervals: [50, 100, 200] })
}

// Papers are made through the API: what is tested here is the deletion and the way back.
async function paperThroughTheApi(page: Page, title: string): Promise<string> {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  const created = await page.request.post(routes.api.publications, {
    data: { slug, frontmatter: { title, year: 2036, authors: [{ name: 'Ada Lovelace' }] }, body: '' },
  })
  expect(created.status()).toBe(201)
  return slug
}

async function readThroughTheApi(page: Page, slug: string) {
  return (await (await page.request.get(routes.api.publication(slug))).json()) as {
    version: string
    frontmatter: Record<string, unknown>
  }
}

test.describe('deleted papers', () => {
  test('deleting a paper can take the files only it used, in the same commit, and Restore brings them back', async ({
    page,
    dashboard,
  }) => {
    const image = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#2a7' } })
      .jpeg()
      .toBuffer()
    const uploaded = await page.request.post(`${routes.mediaUpload}?kind=thumbnail`, {
      headers: { 'Content-Type': 'application/octet-stream', Origin: E2E_BASE_URL },
      data: image,
    })
    expect(uploaded.status()).toBe(200)
    const { url, name } = (await uploaded.json()) as { url: string; name: string }
    const title = `Illustrated ${tag()}`
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-')
    const created = await page.request.post(routes.api.publications, {
      data: { slug, frontmatter: { title, year: 2036, authors: [{ name: 'Ada Lovelace' }], thumbnail: url }, body: '' },
    })
    expect(created.status()).toBe(201)
    const medium = path.join(E2E_CONTENT_DIR, 'media', name)
    expect(fs.existsSync(medium), 'committed with the paper').toBe(true)

    await dashboard.goto()
    await dashboard.button('Delete', title).click()
    const dialog = page.getByRole('dialog', { name: `Delete “${title}”?` })
    await dialog.getByRole('checkbox', { name: /Also delete its uploaded file/ }).check()
    await dialog.getByRole('button', { name: 'Delete publication' }).click()
    await expect(dashboard.status).toHaveText(`“${title}” was deleted, with the files only it used.`)
    const deletion = head()
    expect(filesOf(deletion).sort()).toEqual([`media/${name}`, `publications/${slug}.mdx`])
    expect(fs.existsSync(medium)).toBe(false)

    await page.goto(routes.deleted)
    const entry = page.getByRole('main').getByRole('listitem').filter({ hasText: title })
    await confirmRestore(entry.getByRole('button', { name: `Restore ${title}` }), title)
    await expect(page.getByRole('main').getByRole('status')).toContainText(`“${title}” was restored as a new commit.`)
    expect(fs.existsSync(medium), 'the thumbnail came back with it').toBe(true)
    expect(filesOf(head()).sort()).toEqual([`media/${name}`, `publications/${slug}.mdx`])
    expect((await fetch(new URL(url, E2E_BASE_URL))).status).toBe(200)
  })

  test('a paper deleted from the dashboard is listed under Deleted, and Restore brings it back with its history', async ({
    page,
    dashboard,
    editor,
  }) => {
    const first = `Recovered lattices ${tag()}`
    const title = `${first}, revised`
    const slug = await paperThroughTheApi(page, first)
    const { version, frontmatter } = await readThroughTheApi(page, slug)
    const edited = await page.request.put(routes.api.publication(slug), {
      data: { version, frontmatter: { ...frontmatter, title }, body: 'Back from the history.' },
    })
    expect(edited.status()).toBe(200)
    const file = readPaper(slug)

    await dashboard.goto()
    await dashboard.button('Delete', title).click()
    await page
      .getByRole('dialog', { name: `Delete “${title}”?` })
      .getByRole('button', { name: 'Delete publication' })
      .click()
    await expect(dashboard.status).toHaveText(`“${title}” was deleted.`)
    await expectNotFound(slug)
    const deletion = head()

    await page.goto(routes.deleted)
    await expect(page.getByRole('heading', { level: 1, name: 'Deleted publications' })).toBeVisible()
    const entry = page.getByRole('main').getByRole('listitem').filter({ hasText: title })
    await expect(entry).toHaveCount(1)
    await expect(entry, 'by whom, and when').toContainText(`by ${git('log', '-1', '--format=%an', deletion)}`)
    const deletedAt = git('log', '-1', '--format=%aI', deletion)
    await expect(entry.locator('time'), 'in the dashboard’s one date format').toHaveText(formatDashboardDate(deletedAt))
    await expect(entry.getByRole('link', { name: `History of ${title}` })).toHaveAttribute('href', routes.history(slug))

    await confirmRestore(entry.getByRole('button', { name: `Restore ${title}` }), title)
    await expect(page.getByRole('main').getByRole('status')).toContainText(`“${title}” was restored as a new commit.`)
    await expectPublicWithinASecond(slug, title)
    await expect(entry, 'no longer listed').toHaveCount(0)

    const commits = commitsSince(deletion)
    expect(commits.map(({ subject, authorEmail }) => [subject, authorEmail])).toEqual([
      [`Restore "${title}"`, E2E_ADMIN.email],
    ])
    expect(readPaper(slug), 'the file as it was before the deletion').toBe(file)
    expect(git('status', '--porcelain')).toBe('')

    await page.getByRole('main').getByRole('link', { name: 'Open it in the editor' }).click()
    await expect(page).toHaveURL(routes.edit(slug))
    await expect(editor.title).toHaveValue(title)

    await page.goto(routes.history(slug))
    const subjects = subjectsOf(slug)
    expect(subjects, 'restore, delete, edit and creation').toHaveLength(4)
    for (const subject of subjects)
      await expect(page.getByRole('main').getByText(subject, { exact: true }).first()).toBeVisible()
  })

  test('the history page of a deleted paper shows its commits and restores it', async ({ page }) => {
    const title = `Forgotten manifolds ${tag()}`
    const slug = await paperThroughTheApi(page, title)
    const { version } = await readThroughTheApi(page, slug)
    const deleted = await page.request.delete(`${routes.api.publication(slug)}?version=${encodeURIComponent(version)}`)
    expect(deleted.status()).toBe(200)
    const deletion = head()

    const response = await page.goto(routes.history(slug))
    expect(response?.status(), 'a deleted paper’s history is no 404').toBe(200)
    await expect(page.getByRole('heading', { level: 1, name: `History of “${title}”` })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Deleted publication' })).toContainText(
      'This publication was deleted',
    )
    const history = page.getByRole('main').getByRole('listitem')
    await expect(history).toHaveCount(2)
    await expect(history.nth(0)).toContainText(`Delete "${title}"`)
    await expect(history.nth(1)).toContainText(`Add "${title}"`)

    await confirmRestore(page.getByRole('button', { name: `Restore ${title}` }), title)
    // The page is now the paper's own history, the restore its newest commit.
    await expect(page.getByRole('region', { name: 'Deleted publication' })).toHaveCount(0)
    await expect(page.getByRole('main').getByText(`Restore "${title}"`, { exact: true })).toBeVisible()
    await expectPublicWithinASecond(slug, title)
    expect(commitsSince(deletion).map(({ subject }) => subject)).toEqual([`Restore "${title}"`])
  })

  test('a history page of a paper that never was answers 404', async ({ page }) => {
    const response = await page.goto(routes.history(`never-was-${tag()}`))
    expect(response?.status()).toBe(404)
  })
})
