import {
  commitsSince,
  Dashboard,
  expect,
  expectListed,
  expectNotFound,
  filesOf,
  frontmatterOf,
  head,
  hydrated,
  tag,
  test,
} from './support/admin'

const LANDSCAPE = 'Landscape and training regimes in deep learning'

function paste(t: string) {
  return String.raw`@string{tricky = {Journal of Tricky Macros}}

@article{godel2047${t},
  title = {On {G}{\"o}del numbering of sparse kernels ${t}},
  author = {G{\"o}del, Kurt and others},
  journal = tricky,
  year = {2047},
  month = oct,
}

@inproceedings{noether2048${t},
  title = {Invariant manifolds revisited ${t}},
  author = {Noether, Emmy and Hilbert, David},
  booktitle = {Proceedings of Imported Papers},
  year = 2048,
}

@article{geiger2021journal${t},
  title = {Landscape and training regimes in deep learning, journal version},
  author = {Geiger, Mario and Petrini, Leonardo and Wyart, Matthieu},
  journal = {Physics Reports},
  year = {2021},
  doi = {10.1016/j.physrep.2021.04.001},
}

@article{broken${t},
  title = {An unbalanced {brace ${t},
  author = {Nobody, Anne},
  year = {2049},
}
`
}

test('BibTeX import: tricky entries become drafts, duplicates and broken entries are named, a second import finds them all', async ({
  page,
}) => {
  const t = tag()
  const godel = `On Gödel numbering of sparse kernels ${t}`
  const noether = `Invariant manifolds revisited ${t}`
  const godelSlug = `on-godel-numbering-of-sparse-kernels-${t}`
  const noetherSlug = `invariant-manifolds-revisited-${t}`

  await page.goto('/admin/import')
  const input = page.getByLabel('BibTeX')
  const read = page.getByRole('button', { name: 'Read entries' })
  await hydrated(read)
  await input.fill(paste(t))
  await read.click()

  const results = page.getByRole('region', { name: /entries found/ })
  await expect(results.getByRole('heading', { level: 2 })).toHaveText('3 entries found, 1 could not be read')
  // The entry is named once, at the start: not `Entry “x” (line 1): Entry "x" (line 1) …`.
  await expect(page.getByRole('list', { name: 'Entries that could not be read' }).getByRole('listitem')).toHaveText(
    new RegExp(`^Entry “broken${t}” \\(line \\d+\\) could not be read \\(.*\\)\\. Check it`),
  )
  const card = (title: string) =>
    results.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title }) })

  await expect(card(godel)).toContainText('Kurt Gödel')
  await expect(card(godel)).toContainText('Journal of Tricky Macros')
  await expect(card(godel)).toContainText('the list was cut short with "and others"')
  await expect(card(godel)).toContainText(`New · will be saved as ${godelSlug}`)
  await expect(card(noether)).toContainText(`New · will be saved as ${noetherSlug}`)
  const duplicate = card('Landscape and training regimes in deep learning, journal version')
  await expect(duplicate).toContainText(`Already in your list (same DOI): ${LANDSCAPE}`)
  await expect(duplicate.getByRole('link', { name: LANDSCAPE })).toHaveAttribute(
    'href',
    '/admin/publications/landscape-and-training-regimes-in-deep-learning/edit',
  )
  await expect(
    duplicate.getByRole('button', { name: 'Review in the editor' }),
    'a duplicate cannot be created',
  ).toHaveCount(0)

  const before = head()
  await results.getByRole('button', { name: 'Save 2 new entries as drafts' }).click()
  const done = page.getByRole('region', { name: 'Import finished' })
  await expect(done.getByRole('listitem')).toHaveText([`Saved as a draft: ${godel}`, `Saved as a draft: ${noether}`])

  // Both drafts in one commit, one file each.
  const commits = commitsSince(before)
  expect(commits.map((commit) => commit.subject)).toEqual(['Add 2 drafts'])
  expect(filesOf(commits[0]?.hash ?? '').sort()).toEqual(
    [`publications/${godelSlug}.mdx`, `publications/${noetherSlug}.mdx`].sort(),
  )
  expect(frontmatterOf(godelSlug)).toMatchObject({
    title: godel,
    year: 2047,
    month: 10,
    venue: 'Journal of Tricky Macros',
    authors: [{ name: 'Kurt Gödel' }],
    draft: true,
  })
  expect(frontmatterOf(noetherSlug)).toMatchObject({
    title: noether,
    year: 2048,
    authors: [{ name: 'Emmy Noether' }, { name: 'David Hilbert' }],
    draft: true,
  })

  for (const slug of [godelSlug, noetherSlug]) await expectNotFound(slug)
  await expectListed('/publications', godel, false)
  const dashboard = new Dashboard(page)
  await dashboard.goto()
  for (const title of [godel, noether]) {
    await expect(dashboard.draftBox(title)).toBeChecked()
    await expect(dashboard.row(title).getByText('draft', { exact: true })).toBeVisible()
  }
  await expect(dashboard.titles.filter({ hasText: 'journal version' })).toHaveCount(0)

  // The same paste again: everything is already there.
  await page.goto('/admin/import')
  await hydrated(read)
  await input.fill(paste(t))
  await read.click()
  await expect(results.getByRole('heading', { level: 2 })).toHaveText('3 entries found, 1 could not be read')
  for (const title of [godel, noether])
    await expect(card(title)).toContainText(/Already in your list \(same (BibTeX key|title)\): /)
  await expect(card(godel).getByRole('link', { name: godel })).toBeVisible()
  await expect(results.getByRole('button', { name: 'Save 0 new entries as drafts' })).toBeDisabled()
  expect(head()).toBe(commits[0]?.hash)
})
