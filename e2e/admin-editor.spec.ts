import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page, Request, Route } from '@playwright/test'
import {
  commitsSince,
  createPaper,
  E2E_ADMIN,
  Editor,
  expect,
  expectListed,
  expectLiveSince,
  expectNothingWritten,
  expectPaperPage,
  filesOf,
  fillNewPaper,
  frontmatterOf,
  generatedTitles,
  git,
  head,
  hydrated,
  readPaper,
  snapshot,
  tag,
  test,
} from './support/admin'
import { routes } from '../lib/domain/routes.mjs'

test.describe('creating and editing', () => {
  test('a new paper is committed once and is on the public site within 3 s', async ({ page, editor }) => {
    const t = tag()
    const title = `Tidal lattices of sparse kernels ${t}`
    const before = head()
    await editor.gotoNew()
    await fillNewPaper(editor, { title, year: 2031, authors: ['Ada Lovelace'] })
    await expect(editor.slug, 'the slug is made from the title').toHaveValue(`tidal-lattices-of-sparse-kernels-${t}`)
    const saved = await editor.saveAndExpect('Saved and committed.')
    const slug = `tidal-lattices-of-sparse-kernels-${t}`
    await expect(page).toHaveURL(`/admin/publications/${slug}/edit?saved=1`)
    await expect(editor.title).toHaveValue(title)

    await expectLiveSince(saved, async () => {
      await expectPaperPage(slug, title)
      await expectListed('/publications', title)
    })

    const commits = commitsSince(before)
    expect(commits).toHaveLength(1)
    expect(commits[0]?.subject).toBe(`Add "${title}"`)
    expect(commits[0]?.authorEmail).toBe(E2E_ADMIN.email)
    expect(filesOf(commits[0]?.hash ?? '')).toEqual([`publications/${slug}.mdx`])
    expect(frontmatterOf(slug)).toEqual({ title, year: 2031, authors: [{ name: 'Ada Lovelace' }] })
  })

  test('a changed title is committed once and is on the public site within 3 s', async ({ page, editor }) => {
    const t = tag()
    const oldTitle = `Spectral bias of shallow ridges ${t}`
    const newTitle = `Spectral bias of deep ridges ${t}`
    const slug = await createPaper(page, { title: oldTitle, year: 2032 })
    const before = head()

    await editor.gotoEdit(slug)
    await editor.title.fill(newTitle)
    const saved = await editor.saveAndExpect('Saved and committed.')
    await expect(page.getByText('Unsaved changes')).toHaveCount(0)

    await expectLiveSince(saved, async () => {
      await expectPaperPage(slug, newTitle)
      await expectListed('/publications', newTitle)
      await expectListed('/publications', oldTitle, false)
    })
    const commits = commitsSince(before)
    expect(commits.map((commit) => commit.subject)).toEqual([`Edit title: "${newTitle}"`])
    expect(commits[0]?.authorEmail).toBe(E2E_ADMIN.email)
    expect(frontmatterOf(slug).title).toBe(newTitle)
    // The site showed the save from memory; Contentlayer's output, which a restart reads, catches up.
    await expect
      .poll(() => generatedTitles().includes(newTitle) && !generatedTitles().includes(oldTitle), { timeout: 30_000 })
      .toBe(true)
  })

  test('the authors editor adds, reorders from the keyboard, marks and removes authors', async ({ page, editor }) => {
    const title = `Keyboard ordered authorship ${tag()}`
    const slug = await createPaper(page, {
      title,
      year: 2033,
      authors: ['Alan Turing', 'Barbara Liskov', 'Claude Shannon'],
    })
    await editor.gotoEdit(slug)

    await editor.addAuthor.click()
    await expect(editor.author(4).name).toBeFocused()
    await page.keyboard.type('Dana Scott')

    // Dana up twice (Enter, then Space: focus stays on her Up button), Alan down once.
    await editor.author(4).button('up').focus()
    await page.keyboard.press('Enter')
    await expect(editor.author(3).name).toHaveValue('Dana Scott')
    await expect(editor.author(3).button('up')).toBeFocused()
    await page.keyboard.press('Space')
    await expect(editor.author(2).name).toHaveValue('Dana Scott')
    await editor.author(1).button('down').focus()
    await page.keyboard.press('Enter')
    await expect(editor.author(2).name).toHaveValue('Alan Turing')
    const order = () => Promise.all([1, 2, 3, 4].map((n) => editor.author(n).name.inputValue()))
    expect(await order()).toEqual(['Dana Scott', 'Alan Turing', 'Barbara Liskov', 'Claude Shannon'])

    await editor.author(1).coFirst.check()
    await editor.author(2).coFirst.check()
    await editor.author(4).corresponding.check()
    await editor.author(3).button('remove').focus()
    await page.keyboard.press('Enter')
    await expect(editor.author(4).group).toHaveCount(0)
    expect(await Promise.all([1, 2, 3].map((n) => editor.author(n).name.inputValue()))).toEqual([
      'Dana Scott',
      'Alan Turing',
      'Claude Shannon',
    ])

    await editor.saveAndExpect('Saved and committed.')
    expect(frontmatterOf(slug).authors).toEqual([
      { name: 'Dana Scott', equalContribution: true },
      { name: 'Alan Turing', equalContribution: true },
      { name: 'Claude Shannon', corresponding: true },
    ])

    await page.goto(`/publications/${slug}`)
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    for (const marked of ['Dana Scott*', 'Alan Turing*', 'Claude Shannon†'])
      await expect(page.getByRole('main').getByText(marked, { exact: true })).toBeVisible()
    await expect(page.getByRole('main').getByText('Barbara Liskov')).toHaveCount(0)
    await expect(page.getByRole('main')).toContainText('indicates first-coauthorship')
    await expect(page.getByRole('main')).toContainText('indicates corresponding author')
  })

  test('the preview typesets math from the abstract', async ({ editor }) => {
    await editor.gotoNew()
    await editor.abstract.fill('The loss grows like $x^2$ near the minimum.')
    await expect(editor.preview.locator('.katex').first()).toBeVisible()
    await expect(editor.preview).toContainText('The loss grows like')
    await expect(editor.preview.locator('.katex annotation')).toHaveText('x^2')
  })

  test('leaving with unsaved changes asks first', async ({ page, editor }) => {
    const slug = 'landscape-and-training-regimes-in-deep-learning'
    const bytes = readPaper(slug)
    await editor.gotoEdit(slug)
    const edited = 'Landscape and training regimes in deep learning, revised'
    await editor.title.fill(edited)
    await expect(page.getByText('Unsaved changes')).toBeVisible()

    const asked: string[] = []
    page.once('dialog', (dialog) => {
      asked.push(dialog.type())
      void dialog.dismiss()
    })
    await editor.back.click()
    await expect.poll(() => asked).toEqual(['confirm'])
    await expect(page).toHaveURL(editor.editUrl(slug))
    await expect(editor.title).toHaveValue(edited)

    page.once('dialog', (dialog) => {
      asked.push(dialog.type())
      void dialog.accept()
    })
    await editor.back.click()
    await expect(page).toHaveURL(/\/admin$/)
    expect(asked).toEqual(['confirm', 'confirm'])
    expect(readPaper(slug), 'leaving saves nothing').toBe(bytes)
  })
})

test.describe('refused input leaves no trace', () => {
  test('an empty title names the field and writes nothing', async ({ page, editor }) => {
    const slug = await createPaper(page, { title: `Untitled by accident ${tag()}`, year: 2034 })
    await editor.gotoEdit(slug)
    const before = snapshot()
    await editor.title.fill('')
    await editor.save.click()
    await expect(editor.errorSummary).toContainText('Title: is required')
    await expect(editor.title).toHaveAccessibleDescription('Title is required')
    await expect(editor.status).toHaveText('Nothing was saved. Fix the fields listed above.')
    expectNothingWritten(before)
  })

  test('a slug with ../ typed in the Slug field is refused in the browser', async ({ page, editor }) => {
    await editor.gotoNew()
    await fillNewPaper(editor, { title: `Escaping slug ${tag()}`, year: 2035 })
    await editor.slug.fill('../evil')
    const before = snapshot()
    await editor.save.click()
    await expect(editor.errorSummary).toContainText(
      'Slug: may contain only lowercase letters a–z, digits and single hyphens',
    )
    await expect(page).toHaveURL(/\/admin\/publications\/new$/)
    expectNothingWritten(before)
  })

  for (const evil of ['../evil', '..%2fevil']) {
    test(`the server refuses the slug ${evil} sent past the browser's check`, async ({ page, editor }) => {
      await editor.gotoNew()
      const t = tag()
      await fillNewPaper(editor, { title: `Smuggled slug ${t}`, year: 2035 })
      const valid = `smuggled-slug-${t}`
      await expect(editor.slug).toHaveValue(valid)
      const rewritten = await rewriteSlugInSave(page, valid, evil)
      const before = snapshot()
      await editor.save.click()
      await expect(editor.status).toHaveText('Nothing was saved: one field needs attention.')
      await expect(editor.errorSummary).toContainText(
        'Slug: may contain only lowercase letters a–z, digits and single hyphens',
      )
      expect(rewritten(), 'the request the server got carried the bad slug').toBe(1)
      expectNothingWritten(before)
      expect(before.files.filter((file) => file.includes('evil'))).toEqual([])
    })
  }

  test('an import statement in the abstract is refused', async ({ editor }) => {
    await editor.gotoNew()
    await fillNewPaper(editor, {
      title: `Importing abstract ${tag()}`,
      year: 2035,
      abstract: "import x from 'y'\n\nAn abstract that imports code.",
    })
    const before = snapshot()
    await editor.save.click()
    await expect(editor.errorSummary).toContainText(
      'Abstract: The abstract may not contain import or export statements',
    )
    await expect(editor.abstract).toHaveAttribute('aria-invalid', 'true')
    expectNothingWritten(before)
  })

  test('an abstract over 256 kB is refused', async ({ editor }) => {
    await editor.gotoNew()
    const words = 'scaling '.repeat(Math.ceil((300 * 1024) / 8))
    await fillNewPaper(editor, { title: `Oversized abstract ${tag()}`, year: 2035, abstract: words })
    const before = snapshot()
    await editor.save.click()
    await expect(editor.errorSummary).toContainText(/Abstract: .*256 kB/)
    expectNothingWritten(before)
  })
})

test.describe('duplicate checks before saving', () => {
  /** A paper made through the API, with these identifiers. */
  async function paperWith(page: Page, title: string, identifiers: Record<string, string>): Promise<string> {
    const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
    const created = await page.request.post(routes.api.publications, {
      data: { slug, frontmatter: { title, year: 2029, authors: [{ name: 'Lise Meitner' }], ...identifiers }, body: '' },
    })
    expect(created.status()).toBe(201)
    return slug
  }

  test('a save with another paper’s DOI shows a warning naming that paper; Save anyway saves', async ({
    page,
    editor,
  }) => {
    const t = tag()
    const doi = `10.5555/twin.${t}`
    const theirs = `Fission of heavy nuclei ${t}`
    const theirSlug = await paperWith(page, theirs, { doi })
    const title = `Nuclear fission revisited ${t}`
    await editor.gotoNew()
    await fillNewPaper(editor, { title, year: 2030 })
    await page.getByRole('main').getByLabel('DOI', { exact: true }).fill(doi.toUpperCase())
    const before = snapshot()

    await editor.save.click()
    const warning = page.getByRole('alert', { name: 'This paper may already be in your list' })
    await expect(warning).toBeFocused()
    await expect(warning.getByRole('listitem')).toHaveText([`${theirs} (${theirSlug}): same DOI`])
    await expect(warning.getByRole('link', { name: theirs })).toHaveAttribute('href', routes.edit(theirSlug))
    expectNothingWritten(before)

    await warning.getByRole('button', { name: 'Cancel' }).click()
    await expect(warning).toHaveCount(0)
    expectNothingWritten(before)

    await editor.save.click()
    await warning.getByRole('button', { name: 'Save anyway' }).click()
    const slug = `nuclear-fission-revisited-${t}`
    await expect(page, 'saved: the editor moved to the new paper').toHaveURL(editor.editUrl(slug))
    await expect(warning).toHaveCount(0)
    expect(frontmatterOf(slug).doi).toBe(doi.toUpperCase())
    expect(commitsSince(before.head).map((commit) => commit.subject)).toEqual([`Add "${title}"`])

    // The two share the DOI knowingly: a later edit of either is not warned about it again.
    await editor.gotoEdit(theirSlug)
    await editor.title.fill(`${theirs}, corrected`)
    await editor.saveAndExpect('Saved and committed.')
    await expect(warning).toHaveCount(0)
  })

  test('Duplicate gives a draft without the DOI, arXiv id and BibTeX key', async ({ page, dashboard }) => {
    const t = tag()
    const title = `Identified original ${t}`
    const slug = await paperWith(page, title, {
      doi: `10.5555/original.${t}`,
      arxiv: `2401.${String(parseInt(t, 16) % 100_000).padStart(5, '0')}`,
      bibtexKey: `meitner${t}`,
    })
    const { doi, arxiv, bibtexKey, ...rest } = frontmatterOf(slug)
    expect([doi, arxiv, bibtexKey].every(Boolean), 'the original has all three').toBe(true)
    await dashboard.goto()

    await dashboard.button('Duplicate', title).click()
    await expect(dashboard.status).toHaveText(`A draft copy of “${title}” was created.`)
    expect(frontmatterOf(`${slug}-copy`)).toEqual({ ...rest, title: `${title} (copy)`, draft: true })
  })
})

/**
 * Rewrites the slug in the editor's next save request, as a client that skips the browser's
 * check would send it. Returns how many requests were rewritten.
 */
async function rewriteSlugInSave(page: Page, from: string, to: string): Promise<() => number> {
  let count = 0
  const handler = async (route: Route) => {
    const request = route.request()
    const body = request.postData() ?? ''
    if (request.method() !== 'POST' || !request.headers()['next-action'] || !body.includes(`"slug":"${from}"`))
      return route.fallback()
    count += 1
    await route.continue({ postData: body.replace(`"slug":"${from}"`, `"slug":${JSON.stringify(to)}`) })
  }
  await page.route('**/admin/publications/new', handler)
  return () => count
}

test.describe('editor ergonomics', () => {
  test('Enter in a one-line field saves nothing; in the abstract it starts a new line', async ({ page, editor }) => {
    const slug = await createPaper(page, { title: `Enter keeps typing ${tag()}`, year: 2036 })
    await editor.gotoEdit(slug)
    const before = snapshot()
    const saves = countSaves(page, slug)

    await editor.title.fill('Half-typed')
    await editor.title.press('Enter')
    await editor.title.pressSequentially(' title')
    for (const field of [editor.year, editor.author(1).name, editor.draft]) await field.press('Enter')
    await editor.abstract.fill('First line')
    await editor.abstract.press('Enter')
    await editor.abstract.pressSequentially('second line')

    await expect(editor.title).toHaveValue('Half-typed title')
    await expect(editor.abstract).toHaveValue('First line\nsecond line')
    await expect(editor.save, 'no save is on its way').toHaveText('Save')
    await expect(editor.status).toHaveText('')
    await expect(page.getByText('Unsaved changes')).toBeVisible()
    expect(saves(), 'no save request was sent').toBe(0)
    expectNothingWritten(before)
  })

  test('Ctrl+S saves from anywhere on the page, once while a save is on its way, instead of saving the page', async ({
    page,
    editor,
  }) => {
    const t = tag()
    const slug = await createPaper(page, { title: `Saved by shortcut ${t}`, year: 2036 })
    await editor.gotoEdit(slug)
    const before = head()
    const saves = countSaves(page, slug)
    const answer = await holdSaves(page, slug)
    await page.evaluate(() =>
      window.addEventListener('keydown', (event) => {
        if (event.key === 's')
          document.body.dataset.shortcuts = `${document.body.dataset.shortcuts ?? ''}${event.defaultPrevented ? 'kept' : 'passed'} `
      }),
    )

    await editor.title.fill(`Saved by shortcut, edited ${t}`)
    await page.getByRole('heading', { level: 1, name: 'Edit publication' }).click()
    await page.keyboard.press('Control+s')
    await expect(page.getByRole('main').getByRole('button', { name: 'Saving…' })).toBeDisabled()
    await page.keyboard.press('Control+s')
    answer()

    await expect(editor.status).toContainText('Saved and committed.')
    await expect(page.getByText('Unsaved changes')).toHaveCount(0)
    expect(saves(), 'the second press sent nothing').toBe(1)
    expect(commitsSince(before)).toHaveLength(1)
    expect(frontmatterOf(slug).title).toBe(`Saved by shortcut, edited ${t}`)
    await expect(page.locator('body'), 'the browser saved no page').toHaveAttribute('data-shortcuts', 'kept kept ')
  })

  for (const theme of ['light', 'dark'] as const) {
    test(`at 360 px in the ${theme} theme the Save button stays in view and the bar covers no field`, async ({
      page,
      editor,
    }) => {
      await page.setViewportSize({ width: 360, height: 740 })
      await page.emulateMedia({ colorScheme: theme })
      await page.addInitScript((value) => localStorage.setItem('theme', value), theme)
      const slug = await createPaper(page, { title: `Always at hand ${tag()}`, year: 2036, abstract: 'With $x^2$.' })
      await editor.gotoEdit(slug)
      await expect(editor.save, 'at the top').toBeInViewport({ ratio: 1 })

      await editor.title.fill('')
      await editor.save.click()
      await expect(editor.status).toHaveText('Nothing was saved. Fix the fields listed above.')
      await expect(editor.errorSummary).toBeFocused()
      const lastField = page.getByRole('main').getByRole('group', { name: 'Abstract', exact: true })
      // Scrolled again on each try: the preview and the card image may still grow the page.
      await expect(async () => {
        await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }))
        const bar = await editor.save.locator('..').boundingBox()
        const last = await lastField.boundingBox()
        expect(bar && last && bar.y >= last.y + last.height, 'the last field ends above the bar').toBe(true)
        expect(bar && bar.x >= 0 && bar.x + bar.width <= 360, 'the bar fits the width').toBe(true)
      }).toPass()
      await expect(editor.save, 'at the bottom').toBeInViewport({ ratio: 1 })
      await expect(page.getByText('Unsaved changes')).toBeInViewport()
      const axe = await new AxeBuilder({ page }).include('.save-bar').withTags(['wcag2a', 'wcag2aa']).analyze()
      expect(axe.violations.map((violation) => violation.id)).toEqual([])
    })
  }

  const waysOut = [
    {
      way: 'a dashboard link',
      opened: 'by its address',
      leave: (page: Page) => dashboardLink(page, 'All publications').click(),
    },
    { way: 'the browser’s Back', opened: 'from the list', leave: (page: Page) => page.goBack() },
    { way: 'the browser’s Back', opened: 'by its address', leave: (page: Page) => page.goBack() },
  ] as const
  for (const { way, opened, leave } of waysOut) {
    test(`leaving by ${way} with unsaved changes asks first, in an editor opened ${opened}`, async ({
      page,
      editor,
      dashboard,
    }) => {
      const title = `Left with changes ${tag()}`
      const slug = await createPaper(page, { title, year: 2036 })
      await dashboard.goto()
      if (opened === 'by its address') await editor.gotoEdit(slug)
      else {
        await page.getByRole('link', { name: `Edit ${title}`, exact: true }).click()
        await expect(page).toHaveURL(editor.editUrl(slug))
        await hydrated(editor.save)
      }
      const bytes = readPaper(slug)
      await editor.title.fill('Changed, not saved')
      const asked = answerDialogs(page, ['dismiss', 'accept'])

      await leave(page)
      await expect.poll(asked).toEqual(['confirm'])
      await expect(page).toHaveURL(editor.editUrl(slug))
      await expect(editor.title).toHaveValue('Changed, not saved')

      await leave(page)
      await expect(page).toHaveURL(/\/admin$/)
      await expect(page.getByRole('heading', { level: 1, name: 'Publications' })).toBeVisible()
      expect(asked(), 'asked once each time, and the browser did not ask again').toEqual(['confirm', 'confirm'])
      expect(readPaper(slug), 'leaving saves nothing').toBe(bytes)
    })
  }

  test('after a save nothing asks, and Back leads where it led before the changes', async ({
    page,
    editor,
    dashboard,
  }) => {
    await dashboard.goto()
    await dashboardLink(page, 'New publication').click()
    await hydrated(editor.save)
    await fillNewPaper(editor, { title: `Saved, then left ${tag()}`, year: 2036 })
    await editor.saveAndExpect('Saved and committed.')
    await expect(page).toHaveURL(/\/edit\?saved=1$/)
    const asked = answerDialogs(page, [])

    await page.goBack()
    await expect(page).toHaveURL(/\/admin$/)
    expect(asked()).toEqual([])
  })

  test('an author’s error from the server follows that author when the authors are moved', async ({ page, editor }) => {
    const slug = await createPaper(page, {
      title: `Errors that follow ${tag()}`,
      year: 2036,
      authors: ['Alan Turing', 'Barbara Liskov', 'Claude Shannon'],
    })
    await editor.gotoEdit(slug)
    const before = snapshot()
    const emptied = await emptyAuthorInSave(page, slug, 'Barbara Liskov')

    await editor.save.click()
    await expect(editor.status).toHaveText('Nothing was saved: one field needs attention.')
    expect(emptied(), 'the server got an empty name for author 2').toBe(1)
    await expect(editor.author(2).name).toHaveAccessibleDescription('Author 2 › Name is required')

    await editor.author(2).button('up').click()
    await expect(editor.author(1).name).toHaveValue('Barbara Liskov')
    await expect(editor.author(1).name).toHaveAccessibleDescription('Author 1 › Name is required')
    await expect(editor.author(2).name).not.toHaveAttribute('aria-invalid')
    await editor.errorSummary.getByRole('link', { name: 'Author 1 › Name: is required' }).click()
    await expect(editor.author(1).name).toBeFocused()

    await editor.author(2).button('remove').click()
    await expect(editor.author(2).name).toHaveValue('Claude Shannon')
    await expect(editor.author(2).name).not.toHaveAttribute('aria-invalid')
    await expect(editor.author(1).name).toHaveAttribute('aria-invalid', 'true')
    expectNothingWritten(before)
  })

  test('moves and removals of authors are announced, and the focus stays on a control', async ({ page, editor }) => {
    const slug = await createPaper(page, {
      title: `Announced authorship ${tag()}`,
      year: 2036,
      authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
    })
    await editor.gotoEdit(slug)
    const announcer = page
      .getByRole('main')
      .getByRole('group', { name: 'Authors', exact: true })
      .locator('[aria-live="polite"]')

    await editor.author(2).button('up').focus()
    await page.keyboard.press('Enter')
    await expect(announcer).toHaveText('Moved Alan Turing to position 1 of 3')
    await expect(editor.author(1).button('down'), 'Up is disabled at the top: Down has the focus').toBeFocused()

    await editor.author(2).button('remove').focus()
    await page.keyboard.press('Enter')
    await expect(announcer).toHaveText('Removed Ada Lovelace')
    await expect(editor.author(2).name, 'the next author has the focus').toBeFocused()
    await expect(editor.author(2).name).toHaveValue('Grace Hopper')
  })
})

/** A link of the dashboard's navigation. */
function dashboardLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name, exact: true })
}

/** Whether a request is the editor's save of `slug` (a server action carrying frontmatter). */
function isSaveOf(request: Request, slug: string): boolean {
  return (
    request.method() === 'POST' &&
    request.url().includes(routes.edit(slug)) &&
    request.headers()['next-action'] !== undefined &&
    (request.postData() ?? '').includes('"frontmatter"')
  )
}

/** Counts the save requests the page sends for `slug` from now on. */
function countSaves(page: Page, slug: string): () => number {
  let count = 0
  page.on('request', (request) => {
    if (isSaveOf(request, slug)) count += 1
  })
  return () => count
}

/** Holds the page's next saves of `slug` on their way to the server until the returned function is called. */
async function holdSaves(page: Page, slug: string): Promise<() => void> {
  let answer = () => {}
  const held = new Promise<void>((resolve) => {
    answer = resolve
  })
  await page.route(`**${routes.edit(slug)}*`, async (route) => {
    if (isSaveOf(route.request(), slug)) await held
    await route.fallback()
  })
  return () => answer()
}

/** Answers the page's dialogs in turn (any beyond `answers` are dismissed); returns their types so far. */
function answerDialogs(page: Page, answers: ('accept' | 'dismiss')[]): () => string[] {
  const asked: string[] = []
  page.on('dialog', (dialog) => {
    asked.push(dialog.type())
    void (answers.shift() === 'accept' ? dialog.accept() : dialog.dismiss())
  })
  return () => asked
}

/**
 * Empties the author `name` in the editor's next save of `slug`, as a client past the browser's
 * check would send it, so the server's refusal comes back. Returns how many saves were changed.
 */
async function emptyAuthorInSave(page: Page, slug: string, name: string): Promise<() => number> {
  let count = 0
  const sent = `"name":${JSON.stringify(name)}`
  await page.route(`**${routes.edit(slug)}*`, async (route) => {
    const body = route.request().postData() ?? ''
    if (count > 0 || !isSaveOf(route.request(), slug) || !body.includes(sent)) return route.fallback()
    count += 1
    await route.continue({ postData: body.replace(sent, '"name":""') })
  })
  return () => count
}

test.describe('resolving a conflict field by field', () => {
  /** A paper open in two signed-in browsers, two sessions: A and B. */
  async function twoEditors(page: Page, newAdminPage: () => Promise<Page>, year: number) {
    const t = tag()
    const original = `Concurrent fields ${t}`
    const slug = await createPaper(page, { title: original, year })
    const a = new Editor(page)
    const b = new Editor(await newAdminPage())
    await a.gotoEdit(slug)
    await b.gotoEdit(slug)
    const panel = b.page.getByRole('region', { name: 'Someone else changed this publication' })
    return { t, slug, original, a, b, panel }
  }

  const venueOf = (editor: Editor) => editor.page.getByRole('main').getByLabel('Venue', { exact: true })
  const choice = (panel: Locator, field: string, side: 'Theirs' | 'Mine') =>
    panel.getByRole('group', { name: field, exact: true }).getByRole('radio', { name: side, exact: true })
  const announcement = (panel: Locator) => panel.locator('.conflict-status')

  test('two sessions edit different fields: B gets the fields that differ, keeps A’s title and its own venue, in one commit', async ({
    page,
    newAdminPage,
  }) => {
    const { t, slug, original, a, b, panel } = await twoEditors(page, newAdminPage, 2048)
    const titleA = `Concurrent fields, retitled by A ${t}`
    await a.title.fill(titleA)
    await a.saveAndExpect('Saved and committed.')
    const afterA = head()
    const bytesA = readPaper(slug)

    // Long enough to overflow its column, with a word longer than any line.
    const venueB = `Proceedings of the ${'Extraordinarily'.repeat(12)} Workshop on Very Long Venue Names ${t}`
    await venueOf(b).fill(venueB)
    await b.save.click()
    await expect(panel.getByRole('heading', { name: 'Someone else changed this publication' })).toBeFocused()
    await expect(panel.getByRole('group'), 'only the fields that differ').toHaveCount(2)
    await expect(choice(panel, 'Title', 'Theirs'), 'only they changed the title').toBeChecked()
    await expect(choice(panel, 'Venue', 'Mine'), 'only I changed the venue').toBeChecked()
    await expect(choice(panel, 'Title', 'Theirs')).toHaveAccessibleDescription(titleA)
    await expect(choice(panel, 'Title', 'Mine')).toHaveAccessibleDescription(original)
    await expect(choice(panel, 'Venue', 'Theirs')).toHaveAccessibleDescription('(none)')
    await expect(choice(panel, 'Venue', 'Mine')).toHaveAccessibleDescription(venueB)
    expect(head(), 'nothing is written while B decides').toBe(afterA)
    expect(readPaper(slug)).toBe(bytesA)

    const myVenue = b.page.locator(`[id="${await choice(panel, 'Venue', 'Mine').getAttribute('aria-describedby')}"]`)
    const box = await myVenue.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      lines: Math.round(element.clientHeight / parseFloat(getComputedStyle(element).lineHeight)),
    }))
    expect(box.scrollWidth, 'the long venue wraps: no line is cut off').toBeLessThanOrEqual(box.clientWidth)
    expect(box.lines).toBeGreaterThan(1)
    const axe = await new AxeBuilder({ page: b.page })
      .include('.conflict')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'])
      .analyze()
    expect(axe.violations.map(({ id }) => id)).toEqual([])

    // A radio group: the arrow keys move between theirs and mine, and each choice is announced.
    await choice(panel, 'Title', 'Theirs').focus()
    await b.page.keyboard.press('ArrowRight')
    await expect(choice(panel, 'Title', 'Mine')).toBeChecked()
    await expect(announcement(panel)).toHaveText('Title: mine chosen. Every field is chosen.')
    await b.page.keyboard.press('ArrowLeft')
    await expect(choice(panel, 'Title', 'Theirs')).toBeChecked()
    await expect(announcement(panel)).toHaveText('Title: theirs chosen. Every field is chosen.')

    await panel.getByRole('button', { name: 'Save merged version' }).click()
    await expect(panel).toBeHidden()
    await expect(b.status).toContainText('Saved and committed.')
    await expect(b.title).toHaveValue(titleA)
    await expect(venueOf(b)).toHaveValue(venueB)
    expect(frontmatterOf(slug)).toMatchObject({ title: titleA, venue: venueB })
    expect(commitsSince(afterA).map((commit) => commit.subject)).toEqual([`Edit venue: "${titleA}"`])
    expect(git('log', '-1', '--format=%s', afterA)).toBe(`Edit title: "${titleA}"`)

    await b.page.goto(routes.history(slug))
    const entries = b.page.getByRole('main').locator('.history-entry')
    await expect(entries.locator('strong')).toHaveText([
      `Edit venue: "${titleA}"`,
      `Edit title: "${titleA}"`,
      `Add "${original}"`,
    ])
    await expect(entries.nth(0).getByRole('listitem')).toHaveText([`Venue: (none) → ${venueB}`])
    await expect(entries.nth(1).getByRole('listitem')).toHaveText([`Title: ${original} → ${titleA}`])
  })

  test('a field both changed waits for a choice; “Decide later” writes nothing', async ({ page, newAdminPage }) => {
    const { t, slug, a, b, panel } = await twoEditors(page, newAdminPage, 2049)
    const titleA = `Retitled by both, A's take ${t}`
    const titleB = `Retitled by both, B's take ${t}`
    await a.title.fill(titleA)
    await a.saveAndExpect('Saved and committed.')
    const afterA = head()

    await b.title.fill(titleB)
    await b.save.click()
    const title = panel.getByRole('group', { name: 'Title', exact: true })
    await expect(panel.getByRole('group')).toHaveCount(1)
    await expect(title).toContainText('You both changed it: choose one.')
    await expect(choice(panel, 'Title', 'Theirs')).not.toBeChecked()
    await expect(choice(panel, 'Title', 'Mine')).not.toBeChecked()
    await panel.getByRole('button', { name: 'Save merged version' }).click()
    await expect(announcement(panel)).toHaveText('Choose theirs or mine for Title first.')
    await expect(choice(panel, 'Title', 'Theirs')).toBeFocused()
    expect(head(), 'nothing is saved before every field is chosen').toBe(afterA)

    await panel.getByRole('button', { name: 'Decide later' }).click()
    await expect(panel).toBeHidden()
    await expect(b.title).toHaveValue(titleB)
    expect(head()).toBe(afterA)

    await b.save.click()
    await choice(panel, 'Title', 'Mine').check()
    await expect(announcement(panel)).toHaveText('Title: mine chosen. Every field is chosen.')
    await panel.getByRole('button', { name: 'Save merged version' }).click()
    await expect(b.status).toContainText('Saved and committed.')
    expect(frontmatterOf(slug).title).toBe(titleB)
    expect(commitsSince(afterA).map((commit) => commit.subject)).toEqual([`Edit title: "${titleB}"`])
  })

  test('“Use the saved version” loads A’s edit into B and writes nothing', async ({ page, newAdminPage }) => {
    const { t, slug, a, b, panel } = await twoEditors(page, newAdminPage, 2050)
    const titleA = `Taken as saved, by A ${t}`
    await a.title.fill(titleA)
    await a.saveAndExpect('Saved and committed.')
    const afterA = head()
    await b.title.fill(`Taken as saved, by B ${t}`)
    await b.save.click()

    await panel.getByRole('button', { name: 'Use the saved version' }).click()
    await expect(panel).toBeHidden()
    await expect(b.title).toHaveValue(titleA)
    await expect(b.status).toHaveText('Loaded the saved version; your changes were discarded.')
    expect(head()).toBe(afterA)

    // B now edits on top of A's version: its next save is no conflict.
    await b.year.fill('2051')
    await b.saveAndExpect('Saved and committed.')
    expect(commitsSince(afterA).map((commit) => commit.subject)).toEqual([`Edit year: "${titleA}"`])
    expect(frontmatterOf(slug)).toMatchObject({ title: titleA, year: 2051 })
  })

  test('a paper deleted meanwhile can be saved anew from B’s form', async ({ page, newAdminPage }) => {
    const { t, slug, b, panel } = await twoEditors(page, newAdminPage, 2052)
    const { version } = (await (await page.request.get(routes.api.publication(slug))).json()) as { version: string }
    expect((await page.request.delete(`${routes.api.publication(slug)}?version=${version}`)).status()).toBe(200)
    const afterDelete = head()

    const titleB = `Saved anew by B ${t}`
    await b.title.fill(titleB)
    await b.save.click()
    await expect(panel).toContainText('The file was deleted.')
    await expect(panel.getByRole('group')).toHaveCount(0)
    await panel.getByRole('button', { name: 'Save mine as a new publication' }).click()
    await expect(b.status).toContainText('Saved and committed.')
    expect(frontmatterOf(slug).title).toBe(titleB)
    expect(commitsSince(afterDelete).map((commit) => commit.subject)).toEqual([`Add "${titleB}"`])
  })
})
