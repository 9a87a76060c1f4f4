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
  tag,
  test,
} from './support/admin'

/** The History page's commits (each lists its changed fields as a list of its own). */
const commitEntries = (page: Page) => page.getByRole('main').locator('.history-entry')

test('history lists each commit with its field-level changes, and restoring an older version is a new commit live within 3 s', async ({
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
  const entries = commitEntries(page)
  await expect(entries).toHaveCount(3)
  await expect(entries.locator('strong')).toHaveText([
    `Edit title: "${third}"`,
    `Edit title: "${second}"`,
    `Add "${first}"`,
  ])
  await expect(entries.first()).toContainText(`by ${git('log', '-1', '--format=%an')} · `)
  const newest = entries.nth(0)
  const oldest = entries.nth(2)
  await expect(newest.locator('time')).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/)

  // Field by field: what each commit changed, the raw diff only on request.
  await expect(newest.getByRole('listitem')).toHaveText([`Title: ${second} → ${third}`])
  await expect(oldest.getByRole('listitem').first()).toHaveText(`Title: ${first}`)
  await expect(oldest).toContainText('Year: 2046')
  await expect(oldest).toContainText('Authors: Ada Lovelace')
  const rawDiff = newest.getByText(`+title: ${third}`, { exact: true })
  await expect(rawDiff).toBeHidden()
  await newest.getByText('Show the raw diff').click()
  await expect(newest.getByText(`-title: ${second}`, { exact: true })).toBeVisible()
  await expect(rawDiff).toBeVisible()
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
  const entries = commitEntries(page)
  await expect(entries.locator('strong')).toHaveText([`Add "${title}, revised (copy)"`])
  await expect(page.getByRole('button', { name: 'Restore this version' })).toHaveCount(0)
  await expect(entries).toContainText(`Title: ${title}, revised (copy)`)
  await expect(entries).toContainText('Draft: Yes')
  await entries.getByText('Show the raw diff').click()
  await expect(entries.getByText(`+title: ${title}, revised (copy)`, { exact: true })).toBeVisible()
  await expect(entries.getByText('+draft: true', { exact: true })).toBeVisible()
})
