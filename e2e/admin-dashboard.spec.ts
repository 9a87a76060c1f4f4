import fs from 'node:fs'
import {
  commitsSince,
  createPaper,
  E2E_ADMIN,
  expect,
  expectListed,
  expectLiveSince,
  expectNotFound,
  expectPaperPage,
  frontmatterOf,
  generatedTitles,
  git,
  head,
  paperFile,
  publicationSlugs,
  readPaper,
  SEED_TITLES,
  tag,
  test,
} from './support/admin'

test('the dashboard lists the sample papers, drafts marked', async ({ dashboard }) => {
  await dashboard.goto()
  for (const title of SEED_TITLES) {
    await expect(dashboard.titles.filter({ hasText: title })).toHaveCount(1)
    await expect(dashboard.draftBox(title)).not.toBeChecked()
  }
  await expect(dashboard.selectedBox(SEED_TITLES[0])).toBeChecked()
  await expect(dashboard.selectedBox('Landscape and training regimes in deep learning')).not.toBeChecked()
})

test.describe('deleting', () => {
  test('asks first, naming the paper; Cancel keeps it, confirming removes it from the site within 3 s', async ({
    page,
    dashboard,
  }) => {
    const title = `Ephemeral kernels ${tag()}`
    const slug = await createPaper(page, { title, year: 2037 })
    const before = head()
    await dashboard.goto()

    await dashboard.button('Delete', title).click()
    const dialog = page.getByRole('dialog', { name: `Delete “${title}”?` })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    await expect(dashboard.button('Delete', title), 'focus goes back to the Delete button').toBeFocused()
    await expect(dashboard.row(title)).toHaveCount(1)
    expect(head()).toBe(before)
    expect(fs.existsSync(paperFile(slug))).toBe(true)
    await expectPaperPage(slug, title)

    await dashboard.button('Delete', title).click()
    await expect(dialog).toBeVisible()
    const confirmed = Date.now()
    await dialog.getByRole('button', { name: 'Delete publication' }).click()
    await expect(dashboard.status).toHaveText(`“${title}” was deleted.`)
    await expectLiveSince(confirmed, async () => {
      await expectNotFound(slug)
      await expectListed('/publications', title, false)
    })
    await expect(dashboard.row(title)).toHaveCount(0)
    expect(fs.existsSync(paperFile(slug))).toBe(false)
    const commits = commitsSince(before)
    expect(commits.map((commit) => commit.subject)).toEqual([`Delete "${title}"`])
    expect(commits[0]?.authorEmail).toBe(E2E_ADMIN.email)
    expect(git('status', '--porcelain')).toBe('')
  })
})

test.describe('quick toggles', () => {
  test('Draft hides a paper from the public site and back, one commit each', async ({ page, dashboard }) => {
    const title = `Toggled visibility ${tag()}`
    const slug = await createPaper(page, { title, year: 2038 })
    await dashboard.goto()
    const before = head()

    const hidden = Date.now()
    await dashboard.draftBox(title).click()
    await expect(dashboard.status).toHaveText(`“${title}” is now a draft, hidden from the public site.`)
    await expect(dashboard.draftBox(title)).toBeChecked()
    await expect(dashboard.row(title).getByText('draft', { exact: true })).toBeVisible()
    await expectLiveSince(hidden, async () => {
      await expectNotFound(slug)
      await expectListed('/publications', title, false)
    })
    expect(frontmatterOf(slug).draft).toBe(true)

    const shown = Date.now()
    await dashboard.draftBox(title).click()
    await expect(dashboard.status).toHaveText(`“${title}” is now public.`)
    await expect(dashboard.draftBox(title)).not.toBeChecked()
    await expectLiveSince(shown, async () => {
      await expectPaperPage(slug, title)
      await expectListed('/publications', title)
    })
    expect(frontmatterOf(slug).draft).toBeUndefined()
    expect(commitsSince(before).map((commit) => commit.subject)).toEqual([`Update "${title}"`, `Update "${title}"`])
  })

  test('Selected puts a paper on the home page and takes it off', async ({ page, dashboard }) => {
    const title = `Home page candidate ${tag()}`
    const slug = await createPaper(page, { title, year: 2039 })
    await expectListed('/', title, false)
    await dashboard.goto()
    const before = head()

    const selected = Date.now()
    await dashboard.selectedBox(title).click()
    await expect(dashboard.status).toHaveText(`“${title}” is now on the home page.`)
    await expect(dashboard.selectedBox(title)).toBeChecked()
    await expectLiveSince(selected, () => expectListed('/', title))
    expect(frontmatterOf(slug).selected).toBe(true)

    await page.goto('/')
    await expect(
      page.getByRole('region', { name: 'selected publications' }).getByRole('heading', { name: title }),
    ).toBeVisible()

    await dashboard.goto()
    const unselected = Date.now()
    await dashboard.selectedBox(title).click()
    await expect(dashboard.status).toHaveText(`“${title}” is no longer on the home page.`)
    await expect(dashboard.selectedBox(title)).not.toBeChecked()
    await expectLiveSince(unselected, () => expectListed('/', title, false))
    expect(commitsSince(before)).toHaveLength(2)
  })

  test('Duplicate makes a draft copy titled “(copy)”', async ({ page, dashboard }) => {
    const title = `Twin manifolds ${tag()}`
    const slug = await createPaper(page, {
      title,
      year: 2040,
      authors: ['Emmy Noether', 'David Hilbert'],
      abstract: 'Two of a kind.',
    })
    const original = readPaper(slug)
    await dashboard.goto()
    const before = head()

    await dashboard.button('Duplicate', title).click()
    await expect(dashboard.status).toHaveText(`A draft copy of “${title}” was created.`)
    const copy = `${title} (copy)`
    await expect(dashboard.draftBox(copy)).toBeChecked()
    await expect(dashboard.row(copy).getByText('draft', { exact: true })).toBeVisible()
    await expect(dashboard.draftBox(title), 'the original stays public').not.toBeChecked()

    const copySlug = `${slug}-copy`
    expect(frontmatterOf(copySlug)).toEqual({ ...frontmatterOf(slug), title: copy, draft: true })
    expect(readPaper(copySlug)).toContain('Two of a kind.')
    expect(readPaper(slug)).toBe(original)
    expect(commitsSince(before).map((commit) => commit.subject)).toEqual([`Add "${copy}"`])
    await expectNotFound(copySlug)
    await expectPaperPage(slug, title)
  })
})

test('search, sort and counts', async ({ page, dashboard }) => {
  const t = tag()
  const beta = `Beta cascade ${t}`
  const alpha = `Alpha ridge ${t}`
  const gamma = `Gamma flow ${t}`
  await createPaper(page, { title: beta, year: 2041, authors: ['Kurt Gödel'] })
  await createPaper(page, { title: alpha, year: 2043, draft: true })
  await createPaper(page, { title: gamma, year: 2042, selected: true })

  await dashboard.goto()
  // The counts agree with the table.
  const counts = async () => {
    const text = (await dashboard.counts.textContent()) ?? ''
    const match = /^(\d+) publications? · (\d+) drafts? · (\d+) selected/.exec(text)
    expect(match, text).not.toBeNull()
    return { total: Number(match?.[1]), drafts: Number(match?.[2]), selected: Number(match?.[3]) }
  }
  const all = await counts()
  await expect(dashboard.titles).toHaveCount(all.total)
  expect(all.total).toBeGreaterThanOrEqual(SEED_TITLES.length + 3)
  await expect(page.getByRole('checkbox', { name: /^Draft: /, checked: true })).toHaveCount(all.drafts)
  await expect(page.getByRole('checkbox', { name: /^Selected: /, checked: true })).toHaveCount(all.selected)
  expect(all.total, 'every file is listed').toBe(publicationSlugs().length)

  // Search: every word must match, accents and case ignored; the count says how many are shown.
  await dashboard.search.fill(t)
  await expect(dashboard.titles).toHaveText([new RegExp(`^${alpha}`), new RegExp(`^${gamma}`), new RegExp(`^${beta}`)])
  await expect(dashboard.counts).toHaveText(countsText(all.total, all.drafts, all.selected, 3))
  await dashboard.search.fill(`GODEL ${t}`)
  await expect(dashboard.titles).toHaveText([beta])
  await dashboard.search.fill(`2042 ${t}`)
  await expect(dashboard.titles).toHaveText([gamma])
  await dashboard.search.fill(`no such paper ${t}`)
  await expect(dashboard.titles).toHaveCount(0)
  await expect(page.getByText(`No publication matches “no such paper ${t}”.`)).toBeVisible()

  // Sort, within the three.
  await dashboard.search.fill(t)
  await dashboard.sort.selectOption({ label: 'Title' })
  await expect(dashboard.titles).toHaveText([new RegExp(`^${alpha}`), new RegExp(`^${beta}`), new RegExp(`^${gamma}`)])
  await expect(page.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'ascending')
  await dashboard.sort.selectOption({ label: 'Year' })
  await expect(dashboard.titles).toHaveText([new RegExp(`^${alpha}`), new RegExp(`^${gamma}`), new RegExp(`^${beta}`)])
  await expect(page.getByRole('columnheader', { name: 'Year' })).toHaveAttribute('aria-sort', 'descending')

  // A change to the oldest-changed of the three puts it first by last change, and counts follow.
  const lastCommit = Math.floor(new Date(git('log', '-1', '--format=%cI')).getTime() / 1000)
  await expect
    .poll(() => Math.floor(Date.now() / 1000), { message: 'the clock is past the last commit’s second' })
    .toBeGreaterThan(lastCommit)
  await dashboard.draftBox(beta).click()
  await expect(dashboard.draftBox(beta)).toBeChecked()
  await expect(dashboard.counts).toHaveText(countsText(all.total, all.drafts + 1, all.selected, 3))
  await dashboard.sort.selectOption({ label: 'Last change' })
  await expect(dashboard.titles).toHaveCount(3)
  await expect(dashboard.titles.first()).toHaveText(new RegExp(`^${beta}`))
  await expect(page.getByRole('columnheader', { name: 'Last change' })).toHaveAttribute('aria-sort', 'descending')

  await dashboard.search.fill('')
  await expect(dashboard.counts).toHaveText(countsText(all.total, all.drafts + 1, all.selected))
  await expect(dashboard.titles).toHaveCount(all.total)
})

function countsText(total: number, drafts: number, selected: number, showing?: number): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  return `${n(total, 'publication')} · ${n(drafts, 'draft')} · ${selected} selected${showing === undefined ? '' : ` · showing ${showing}`}`
}

test('files written by hand that the site cannot take in are named with their reason; valid ones wait for the next save', async ({
  page,
  dashboard,
}) => {
  const t = tag()
  const paper = (title: string, body: string) =>
    `---\ntitle: ${title}\nyear: 2012\nauthors:\n  - name: Ada Lovelace\n---\n\n${body}\n`
  const files = {
    [`hand-yaml-${t}`]: `---\ntitle: [unclosed\nyear: 2012\n---\n`,
    [`hand-body-${t}`]: paper(`Hand body ${t}`, 'An abstract with {an.expression} in it.'),
    [`hand-fine-${t}`]: paper(`Hand fine ${t}`, 'A perfectly good abstract.'),
  }
  for (const [slug, source] of Object.entries(files)) fs.writeFileSync(paperFile(slug), source)
  git('add', '--', ...Object.keys(files).map((slug) => `publications/${slug}.mdx`))
  git('commit', '-q', '-m', `Hand-written files ${t}`)
  try {
    await dashboard.goto()
    const broken = page.getByRole('alert').filter({ hasText: 'could not be read' })
    await expect(broken.getByRole('listitem').filter({ hasText: `hand-yaml-${t}.mdx` })).toContainText('not valid YAML')
    await expect(broken.getByRole('listitem').filter({ hasText: `hand-body-${t}.mdx` })).toContainText('expression')
    const pending = page.getByRole('region', { name: 'Files not on the site yet' })
    await expect(pending.getByRole('listitem').filter({ hasText: `hand-fine-${t}.mdx` })).toContainText(
      'after the next save or restart',
    )
    await expect(dashboard.titles.filter({ hasText: SEED_TITLES[0] }), 'the other papers are still listed').toHaveCount(
      1,
    )

    // A save makes Contentlayer read the files again: it takes in the valid one, and still not the others.
    await createPaper(page, { title: `Trigger ${t}`, year: 2012, draft: true })
    await expect
      .poll(() => generatedTitles().includes(`Hand fine ${t}`), { message: 'Contentlayer took the valid file in' })
      .toBe(true)
    expect(generatedTitles()).not.toContain(`Hand body ${t}`)
    await dashboard.goto()
    await expect(dashboard.titles.filter({ hasText: `Hand fine ${t}` })).toHaveCount(1)
    await expect(page.getByText(`hand-fine-${t}.mdx`)).toHaveCount(0)
    for (const slug of [`hand-yaml-${t}`, `hand-body-${t}`])
      await expect(broken.getByRole('listitem').filter({ hasText: `${slug}.mdx` }), slug).toHaveCount(1)
  } finally {
    git('rm', '-q', '--', ...Object.keys(files).map((slug) => `publications/${slug}.mdx`))
    git('commit', '-q', '-m', `Remove hand-written files ${t}`)
  }
})
