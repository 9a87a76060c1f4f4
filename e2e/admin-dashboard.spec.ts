import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
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
  type Dashboard,
} from './support/admin'
import { E2E_CONTENT_DIR } from './support/paths'
import { routes } from '../lib/domain/routes.mjs'

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
    expect(commitsSince(before).map((commit) => commit.subject)).toEqual([
      `Publish "${title}"`,
      `Mark "${title}" as draft`,
    ])
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
    const broken = healthDetails(page)
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

test.describe('at 360 × 740 px', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  test('each paper is a card whose Edit is on screen, every control reached by Tab in reading order', async ({
    page,
    dashboard,
  }) => {
    const title = `Narrow screen ${tag()}`
    const slug = await createPaper(page, { title, year: 2044, authors: ['Ada Lovelace', 'Charles Babbage'] })
    await dashboard.goto()
    await expect(dashboard.counts).toBeVisible()
    await expectNoSideScroll(page)
    await dashboard.search.fill(title)
    await expect(dashboard.titles).toHaveText([title])
    await expect(dashboard.row(title)).toContainText('Ada Lovelace, Charles Babbage')

    const header = page.getByRole('navigation', { name: 'Dashboard' })
    for (const link of await header.getByRole('link').all()) await expectWithinWidth(link)
    await expectWithinWidth(page.getByRole('button', { name: 'Sign out' }))
    const controls = await dashboard.row(title).locator('a, button, input').all()
    expect(controls).toHaveLength(7)
    for (const control of controls) await expectWithinWidth(control, 24)

    // Keyboard only: from the search, Tab goes through the tools, then the card in reading order.
    const card = cardControls(dashboard, title)
    const order = [dashboard.sort, ...mainLinks(page, 'New publication', 'Import BibTeX'), ...card]
    await dashboard.search.focus()
    for (const control of order) {
      await page.keyboard.press('Tab')
      await expect(control).toBeFocused()
      await expect(control, 'the focus is visible').toHaveCSS('outline-style', 'solid')
    }

    // The confirmation keeps the focus inside, and Escape gives it back to Delete.
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: `Delete “${title}”?` })
    const cancel = dialog.getByRole('button', { name: 'Cancel' })
    const confirm = dialog.getByRole('button', { name: 'Delete publication' })
    await expect(cancel).toBeFocused()
    for (const [key, focused] of [
      ['Tab', confirm],
      ['Tab', cancel],
      ['Shift+Tab', confirm],
      ['Shift+Tab', cancel],
    ] as const) {
      await page.keyboard.press(key)
      await expect(focused, `${key} stays in the dialog`).toBeFocused()
    }
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(dashboard.button('Delete', title)).toBeFocused()

    // Back to Edit, and into the editor.
    const edit = page.getByRole('link', { name: `Edit ${title}`, exact: true })
    for (let step = 0; step < 4; step++) await page.keyboard.press('Shift+Tab')
    await expect(edit).toBeFocused()
    await expect(edit).toBeInViewport({ ratio: 1 })
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(new RegExp(`/admin/publications/${slug}/edit$`))
    await expect(page.getByRole('heading', { level: 1, name: 'Edit publication' })).toBeVisible()
    await expectNoSideScroll(page)
  })
})

test.describe('content health', () => {
  test('a paper broken by hand is named with its file and field on every dashboard page; the site keeps its last valid version; fixing the file clears the banner', async ({
    page,
    dashboard,
  }) => {
    const title = `Hand-broken year ${tag()}`
    const slug = await createPaper(page, { title, year: 2045 })
    await tookIn(title)
    const original = readPaper(slug)
    fs.writeFileSync(paperFile(slug), original.replace(/^year: 2045$/m, 'year: abc'))
    const file = `publications/${slug}.mdx`
    try {
      await dashboard.goto()
      const item = healthDetails(page).getByRole('listitem').filter({ hasText: file })
      await expect(item).toContainText(`${file}: year must be a number.`)
      await expect(item).toContainText('The site shows the last valid version of this paper')
      await expectPaperPage(slug, title)

      for (const pathname of [routes.importBibtex, routes.newPublication, routes.history(slug)]) {
        await page.goto(pathname)
        await expect(healthSummary(page), pathname).toContainText(`${file} (year)`)
        await expect(healthSummary(page)).toContainText('It serves what it last read meanwhile.')
      }
      await healthSummary(page).getByRole('link', { name: 'See the details on the list' }).click()
      await expect(page).toHaveURL(/\/admin$/)
      await expect(item).toBeVisible()
      await expect(healthSummary(page), 'the list shows the details in place of the summary').toHaveCount(0)
    } finally {
      fs.writeFileSync(paperFile(slug), original)
    }
    await dashboard.goto()
    await expect(page.getByText(file)).toHaveCount(0)
    await page.goto(routes.importBibtex)
    await expect(page.getByText(file)).toHaveCount(0)
  })

  test('a site.yaml broken by hand is named with its field; the regeneration it stops is shown until one succeeds', async ({
    page,
    dashboard,
  }) => {
    const siteFile = path.join(E2E_CONTENT_DIR, 'site.yaml')
    const original = fs.readFileSync(siteFile, 'utf8')
    const title = `Regeneration probe ${tag()}`
    await createPaper(page, { title, year: 2046 })
    await tookIn(title)
    const failure =
      /The site could not re-read the content at .+: Contentlayer refused a file \(the server’s log names it and the field\)\. It serves what it last read, plus the saves made since\./
    // Other tests may have saved the settings without the field: then it is added.
    const broken = /^maxAuthors:/m.test(original)
      ? original.replace(/^maxAuthors: .*$/m, 'maxAuthors: lots')
      : `${original.trimEnd()}\nmaxAuthors: lots\n`
    fs.writeFileSync(siteFile, broken)
    try {
      await dashboard.goto()
      const item = healthDetails(page).getByRole('listitem').filter({ hasText: 'site.yaml:' })
      await expect(item).toContainText('site.yaml: maxAuthors must be a number.')
      await expect(item).toContainText('The site keeps the settings it last read')

      // A save has Contentlayer read the files again, which the broken settings stop.
      await dashboard.draftBox(title).click()
      await expect(dashboard.status).toHaveText(`“${title}” is now a draft, hidden from the public site.`)
      await expect(async () => {
        await dashboard.goto()
        await expect(healthDetails(page)).toContainText(failure, { timeout: 1_000 })
      }).toPass({ timeout: 20_000 })
      await page.goto(routes.importBibtex)
      await expect(healthSummary(page)).toContainText('site.yaml (maxAuthors)')
      await expect(healthSummary(page)).toContainText(/The site could not re-read the content at .+\./)
    } finally {
      fs.writeFileSync(siteFile, original)
    }
    // The next regeneration (after this save, or the retry) succeeds and clears the failure.
    await dashboard.goto()
    await dashboard.draftBox(title).click()
    await expect(dashboard.status).toHaveText(`“${title}” is now public.`)
    await expect(async () => {
      await dashboard.goto()
      await expect(page.getByText('could not re-read the content'), 'the failure is cleared').toHaveCount(0, {
        timeout: 1_000,
      })
    }).toPass({ timeout: 20_000 })
    await expect(page.getByText('site.yaml')).toHaveCount(0)
  })
})

/** The list's details of what the site cannot read. */
function healthDetails(page: Page): Locator {
  return page.getByRole('region', { name: 'The site cannot read all of the content' })
}

/** The summary every other dashboard page shows. */
function healthSummary(page: Page): Locator {
  return page.getByRole('region', { name: 'Content problems' })
}

/** Waits for Contentlayer to have read a new paper, so that a file broken after is not read by that run. */
async function tookIn(title: string) {
  await expect.poll(() => generatedTitles().includes(title), { message: `Contentlayer took “${title}” in` }).toBe(true)
}

/** A card's controls in the order they are read and tabbed through. */
function cardControls(dashboard: Dashboard, title: string): Locator[] {
  const link = (name: string) => dashboard.page.getByRole('link', { name, exact: true })
  return [
    dashboard.draftBox(title),
    dashboard.selectedBox(title),
    link(`Edit ${title}`),
    link(`History of ${title}`),
    link(`View ${title} on the site`),
    dashboard.button('Duplicate', title),
    dashboard.button('Delete', title),
  ]
}

function mainLinks(page: Page, ...names: string[]): Locator[] {
  return names.map((name) => page.getByRole('main').getByRole('link', { name, exact: true }))
}

async function expectNoSideScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width, 'the page does not scroll sideways').toBeLessThanOrEqual(360)
}

/** On screen across (no part past either edge), and at least `minimum` px each way when given. */
async function expectWithinWidth(control: Locator, minimum = 0) {
  const box = await control.boundingBox()
  expect(box, 'laid out').not.toBeNull()
  if (!box) return
  expect(box.x, 'not past the left edge').toBeGreaterThanOrEqual(0)
  expect(box.x + box.width, 'not past the right edge').toBeLessThanOrEqual(360)
  expect(Math.min(box.width, box.height), 'a target large enough to touch').toBeGreaterThanOrEqual(minimum)
}
