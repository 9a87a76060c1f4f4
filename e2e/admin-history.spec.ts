import type { Page } from '@playwright/test'
import {
  commitsSince,
  createPaper,
  Editor,
  expect,
  expectListed,
  expectLiveSince,
  expectPaperPage,
  frontmatterOf,
  git,
  head,
  hydrated,
  readPaper,
  tag,
  test,
} from './support/admin'

test.describe('two editors on one paper', () => {
  /** A paper open in two signed-in browsers; A has saved a new title since B opened it. */
  async function conflicting(page: Page, newAdminPage: () => Promise<Page>) {
    const t = tag()
    const original = `Concurrent edits ${t}`
    const slug = await createPaper(page, { title: original, year: 2044 })
    const a = new Editor(page)
    const b = new Editor(await newAdminPage())
    await a.gotoEdit(slug)
    await b.gotoEdit(slug)

    const titleA = `Concurrent edits by A ${t}`
    const titleB = `Concurrent edits by B ${t}`
    await a.title.fill(titleA)
    await a.saveAndExpect('Saved and committed.')
    const afterA = head()
    const bytesA = readPaper(slug)

    await b.title.fill(titleB)
    await b.save.click()
    const panel = b.page.getByRole('region', { name: 'Someone else changed this publication' })
    await expect(panel).toBeVisible()
    await expect(panel).toContainText('This publication was changed since you opened it. Choose which version to keep.')
    await expect(panel.getByLabel('Saved version')).toContainText(`title: ${titleA}`)
    await expect(panel.getByLabel('Your version')).toContainText(`title: ${titleB}`)
    // Nothing was overwritten while B decides.
    expect(head()).toBe(afterA)
    expect(readPaper(slug)).toBe(bytesA)
    return { slug, b, panel, titleA, titleB, afterA }
  }

  test('“Keep my version” saves B’s edit over A’s as one more commit', async ({ page, newAdminPage }) => {
    const { slug, b, panel, titleB, afterA } = await conflicting(page, newAdminPage)
    await panel.getByRole('button', { name: 'Keep my version' }).click()
    await expect(b.status).toContainText('Saved and committed.')
    await expect(panel).toBeHidden()
    expect(commitsSince(afterA).map((commit) => commit.subject)).toEqual([`Update "${titleB}"`])
    expect(frontmatterOf(slug).title).toBe(titleB)
  })

  test('“Use the saved version” loads A’s edit into B and writes nothing', async ({ page, newAdminPage }) => {
    const { slug, b, panel, titleA, afterA } = await conflicting(page, newAdminPage)
    await panel.getByRole('button', { name: 'Use the saved version' }).click()
    await expect(panel).toBeHidden()
    await expect(b.title).toHaveValue(titleA)
    await expect(b.status).toHaveText('Loaded the saved version; your changes were discarded.')
    expect(head()).toBe(afterA)
    expect(frontmatterOf(slug).title).toBe(titleA)

    // B now edits on top of A's version: its next save is no conflict.
    await b.year.fill('2045')
    await b.saveAndExpect('Saved and committed.')
    expect(commitsSince(afterA)).toHaveLength(1)
    expect(frontmatterOf(slug)).toMatchObject({ title: titleA, year: 2045 })
  })
})

test('history lists each commit with its diff, and restoring an older version is a new commit live within 3 s', async ({
  page,
  editor,
}) => {
  const t = tag()
  const first = `Restorable findings ${t}`
  const second = `Restorable findings, second take ${t}`
  const third = `Restorable findings, third take ${t}`
  const slug = await createPaper(page, { title: first, year: 2046 })
  for (const title of [second, third]) {
    await editor.gotoEdit(slug)
    await editor.title.fill(title)
    await editor.saveAndExpect('Saved and committed.')
  }

  await page.goto(`/admin/publications/${slug}/history`)
  await expect(page.getByRole('heading', { level: 1, name: `History of “${third}”` })).toBeVisible()
  const entries = page.getByRole('main').getByRole('listitem')
  await expect(entries).toHaveCount(3)
  await expect(entries.locator('strong')).toHaveText([`Update "${third}"`, `Update "${second}"`, `Add "${first}"`])
  await expect(entries.first()).toContainText(`by ${git('log', '-1', '--format=%an')} · `)

  const newest = entries.nth(0)
  await newest.getByText('Show changes').click()
  await expect(newest.getByText(`-title: ${second}`, { exact: true })).toBeVisible()
  await expect(newest.getByText(`+title: ${third}`, { exact: true })).toBeVisible()
  const oldest = entries.nth(2)
  await oldest.getByText('Show changes').click()
  await expect(oldest.getByText(`+title: ${first}`, { exact: true })).toBeVisible()
  await expect(
    newest.getByRole('button', { name: 'Restore this version' }),
    'the current version cannot be restored',
  ).toHaveCount(0)

  const before = head()
  const restore = oldest.getByRole('button', { name: 'Restore this version' })
  await hydrated(restore)
  await restore.click()
  const dialog = page.getByRole('dialog', { name: 'Restore this version?' })
  await expect(dialog).toContainText(`Add "${first}"`)
  const confirmed = Date.now()
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click()
  await expect(page.getByRole('main').getByRole('status')).toContainText('as a new commit.')

  await expectLiveSince(confirmed, async () => {
    await expectPaperPage(slug, first)
    await expectListed('/publications', first)
    await expectListed('/publications', third, false)
  })
  const commits = commitsSince(before)
  expect(commits).toHaveLength(1)
  expect(commits[0]?.subject).toMatch(new RegExp(`^Restore "${first}" to [0-9a-f]{7}$`))
  expect(frontmatterOf(slug).title).toBe(first)
  await expect(entries).toHaveCount(4)
  await expect(page.getByRole('heading', { level: 1, name: `History of “${first}”` })).toBeVisible()
})

test('a duplicate’s history starts where the copy was made, without the original’s commits', async ({
  page,
  dashboard,
}) => {
  const title = `Original with a past ${tag()}`
  const slug = await createPaper(page, { title, year: 2047, abstract: 'A shared abstract.' })
  const editor = new Editor(page)
  await editor.gotoEdit(slug)
  await editor.title.fill(`${title}, revised`)
  await editor.saveAndExpect('Saved and committed.')

  await dashboard.goto()
  await dashboard.button('Duplicate', `${title}, revised`).click()
  await expect(dashboard.draftBox(`${title}, revised (copy)`)).toBeChecked()

  await page.goto(`/admin/publications/${slug}-copy/history`)
  const entries = page.getByRole('main').getByRole('listitem')
  await expect(entries.locator('strong')).toHaveText([`Add "${title}, revised (copy)"`])
  await expect(page.getByRole('button', { name: 'Restore this version' })).toHaveCount(0)
  await entries.getByText('Show changes').click()
  await expect(entries.getByText(`+title: ${title}, revised (copy)`, { exact: true })).toBeVisible()
  await expect(entries.getByText('+draft: true', { exact: true })).toBeVisible()
})
