import type { Page, Route } from '@playwright/test'
import {
  commitsSince,
  createPaper,
  E2E_ADMIN,
  expect,
  expectListed,
  expectLiveSince,
  expectNothingWritten,
  expectPaperPage,
  filesOf,
  fillNewPaper,
  frontmatterOf,
  generatedTitles,
  head,
  readPaper,
  snapshot,
  tag,
  test,
} from './support/admin'

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
    expect(commits.map((commit) => commit.subject)).toEqual([`Update "${newTitle}"`])
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
