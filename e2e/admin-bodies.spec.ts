import fs from 'node:fs'
import fc from 'fast-check'
import {
  expect,
  expectNothingWritten,
  fetchPublic,
  frontmatterOf,
  generatedTitles,
  git,
  hydrated,
  paperFile,
  publicationSlugs,
  snapshot,
  tag,
  test,
} from './support/admin'
import { BODY_BUDGET_MS } from '../lib/markup/body-worker'
import { WALL_CLOCK_FACTOR } from '../lib/server/deadline-worker'
import { E2E_BASE_URL } from './support/paths'

/**
 * Bodies and pastes on which the parsers' cost grows faster than the text (issue 10): each is
 * sent to the save path or the importer while a visitor keeps fetching a cached public page.
 * The save answers in bounded time, accepted or refused on the `body` field; the visitor is not
 * held up; an accepted body's page and abstract answer in bounded time. Before the body worker,
 * 40 kB of `>` blocked every request for 10 s and `*a` 32k times cost 10 s per render.
 */

// The budgets are CPU time (3 s a body, lib/markup/body-worker.ts; 5 s a paste, lib/import/read-paste.ts),
// and the low-priority worker always ends within WALL_CLOCK_FACTOR times that, however busy this
// machine is; the rest is the save itself (write, commit).
const SAVE_WITHIN_MS = BODY_BUDGET_MS * WALL_CLOCK_FACTOR + 1_500
const PAGE_WITHIN_MS = BODY_BUDGET_MS * WALL_CLOCK_FACTOR + 1_000
const IMPORT_WITHIN_MS = 5_000 * WALL_CLOCK_FACTOR + 1_500
/**
 * The issue asks that a cached page keep answering within 100 ms. This machine has two cores
 * shared with the test runner, Chromium, the parser working at full speed in its worker and
 * other jobs, and the system alone keeps a process waiting now and then: over some 4,000 visits
 * during these attacks the median was a few ms, single visits took up to 0.5 s. So the typical
 * (median) visit must take under 100 ms, and none may take 1.5 s, half the body budget: work held
 * on the main thread shows as one visit waiting for all of it (7.6 to 13 s before the workers).
 */
const VISITOR_MEDIAN_MS = 100
const VISITOR_WITHIN_MS = 1_500
const VISITOR_PAGE = '/robots.txt'

const K = 1024
const ATTACKS: [string, string][] = [
  ['40 kB of >', '>'.repeat(40 * K)],
  ['200 kB of >', '>'.repeat(200 * K)],
  ['*a 32k times', '*a'.repeat(32 * K)],
  ['250 kB of *a', '*a'.repeat(125 * K)],
  ['250 kB of [', '['.repeat(250 * K)],
  ['250 kB of $', '$'.repeat(250 * K)],
  ['a list nested by indentation', Array.from({ length: 400 }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n')],
  ['nested <span>s', `${'<span>'.repeat(15 * K)}x${'</span>'.repeat(15 * K)}`],
]
const UNITS = ['>', '*a', '_a', '[', '![', '$', '- ', '> - ', '<span>', '[a](', '`', '*[']

type Watch = { stop: () => Promise<number[]> }

/** A visitor fetching `pathname` again and again until stopped; resolves to the answer times. */
function watchVisitor(pathname: string): Watch {
  const times: number[] = []
  let stopped = false
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now()
      const response = await fetch(new URL(pathname, E2E_BASE_URL))
      await response.arrayBuffer()
      times.push(performance.now() - started)
      expect(response.status, pathname).toBe(200)
    }
  })()
  return {
    stop: async () => {
      stopped = true
      await loop
      return times
    },
  }
}

function expectVisitorServed(times: number[], what: string) {
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0
  console.log(
    `${what}: ${times.length} visits of ${VISITOR_PAGE}, median ${Math.round(median)} ms, slowest ${Math.round(Math.max(...times))} ms`,
  )
  expect(times.length, `${VISITOR_PAGE} was answered while ${what} was processed`).toBeGreaterThan(0)
  expect(Math.max(...times), `slowest ${VISITOR_PAGE} while ${what} was processed`).toBeLessThan(VISITOR_WITHIN_MS)
  expect(median, `median ${VISITOR_PAGE} while ${what} was processed`).toBeLessThan(VISITOR_MEDIAN_MS)
}

/**
 * Waits until Contentlayer has taken in every file (earlier tests' saves regenerate in the
 * background), so that its output does not change under a "nothing written" check.
 */
async function contentSettled() {
  const files = () =>
    publicationSlugs()
      .map((slug) => frontmatterOf(slug).title)
      .sort()
  await expect
    .poll(() => generatedTitles().sort(), { timeout: 60_000, message: 'Contentlayer took every file in' })
    .toEqual(files())
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await work()
  return { value, ms: performance.now() - started }
}

test.describe('bodies and imports in bounded time', () => {
  test.setTimeout(5 * 60_000)

  test.beforeEach(async () => {
    await contentSettled()
    // Warm: the visitor's page is served from the cache, as in production.
    for (let i = 0; i < 3; i++) expect((await fetchPublic(VISITOR_PAGE)).status).toBe(200)
  })

  test('costly bodies are answered in bounded time, accepted or refused on the body field, while visitors are served', async ({
    page,
  }) => {
    const generated = fc.sample(
      fc.record({ unit: fc.constantFrom(...UNITS), kB: fc.integer({ min: 16, max: 250 }) }),
      4,
    )
    const bodies: [string, string][] = [
      ...ATTACKS,
      ...generated.map(({ unit, kB }): [string, string] => [
        `${kB} kB of ${unit}`,
        unit.repeat(Math.floor((kB * K) / unit.length)),
      ]),
    ]
    const accepted: { slug: string; what: string }[] = []
    for (const [what, body] of bodies) {
      const slug = `bodies-${tag()}`
      const before = snapshot()
      const visitor = watchVisitor(VISITOR_PAGE)
      const { value: response, ms } = await timed(() =>
        page.request.post('/api/admin/publications', {
          data: { slug, frontmatter: { title: `Costly body ${slug}`, year: 2012, authors: [{ name: 'Ada' }] }, body },
        }),
      )
      expectVisitorServed(await visitor.stop(), what)
      expect(ms, `saving ${what}`).toBeLessThan(SAVE_WITHIN_MS)
      const result = (await response.json()) as { fieldErrors?: { body?: string[] } }
      if (response.status() === 201) {
        accepted.push({ slug, what })
        // Contentlayer takes it in (in the background): an accepted body is an ordinary publication.
        // Waiting also keeps its output from landing in the next payload's "nothing written" check.
        await expect
          .poll(() => generatedTitles().includes(`Costly body ${slug}`), {
            timeout: 60_000,
            message: `Contentlayer took ${what} in`,
          })
          .toBe(true)
      } else {
        expect(response.status(), what).toBe(422)
        expect(result.fieldErrors?.body?.[0], `${what} is refused with a message on the body`).toMatch(
          /^The abstract .{20,}/,
        )
        expectNothingWritten(before)
      }
    }
    console.log(`accepted: ${accepted.map(({ what }) => what).join(', ') || 'none'}`)
    for (const { slug, what } of accepted) {
      for (const pathname of [`/publications/${slug}`, `/publications/${slug}/abstract`]) {
        const { value: answer, ms } = await timed(() => fetchPublic(pathname))
        expect(answer.status, `${pathname} (${what})`).toBe(200)
        expect(ms, `${pathname} (${what})`).toBeLessThan(PAGE_WITHIN_MS)
      }
    }
  })

  test('a hand-written body over the budget is shown as escaped text, in bounded time', async ({ page }) => {
    const slug = `hand-written-${tag()}`
    const body = `<b>Hand</b> written ${'*a'.repeat(32 * K)}`
    fs.writeFileSync(
      paperFile(slug),
      `---\ntitle: Hand written ${slug}\nyear: 2013\nauthors:\n  - name: Ada\n---\n\n${body}\n`,
    )
    git('add', `publications/${slug}.mdx`)
    git('commit', '-q', '-m', `Hand-written ${slug}`)
    // The server takes a hand-written file in when Contentlayer regenerates, as after any save,
    // and shows it once the pages are revalidated, as by the next save.
    const save = async () => {
      const trigger = `trigger-${tag()}`
      const response = await page.request.post('/api/admin/publications', {
        data: {
          slug: trigger,
          frontmatter: { title: `Trigger ${trigger}`, year: 2013, authors: [{ name: 'Ada' }], draft: true },
          body: '',
        },
      })
      expect(response.status()).toBe(201)
    }
    await save()
    await expect
      .poll(() => generatedTitles().includes(`Hand written ${slug}`), {
        timeout: 60_000,
        message: 'Contentlayer took the hand-written file in',
      })
      .toBe(true)
    await save()
    for (const pathname of [`/publications/${slug}/abstract`, `/publications/${slug}`]) {
      const visitor = watchVisitor(VISITOR_PAGE)
      const { value: answer, ms } = await timed(() => fetchPublic(pathname))
      expectVisitorServed(await visitor.stop(), pathname)
      expect(answer.status).toBe(200)
      expect(ms, pathname).toBeLessThan(PAGE_WITHIN_MS)
      expect(answer.text, 'the tag is shown as text, not rendered').toContain('&lt;b&gt;Hand&lt;/b&gt; written *a*a*a')
      expect(answer.text).not.toContain('<em>a</em>')
    }
  })

  test('ids in a body cannot take the page’s own', async ({ page }) => {
    const slug = `ids-${tag()}`
    const body =
      '<span id="__next_f">one</span> <img id="TURBOPACK" src="/icon.svg" alt="icon" /> <a href="#__next_f">back</a>'
    const response = await page.request.post('/api/admin/publications', {
      data: { slug, frontmatter: { title: `Ids ${slug}`, year: 2014, authors: [{ name: 'Ada' }] }, body },
    })
    expect(response.status()).toBe(201)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`/publications/${slug}`)
    const abstract = page.getByRole('region', { name: 'Abstract' })
    await expect(abstract.locator('#user-content-__next_f')).toHaveText('one')
    await expect(abstract.getByRole('link', { name: 'back' })).toHaveAttribute('href', '#user-content-__next_f')
    await expect(page.locator('[id="__next_f"], [id="TURBOPACK"]')).toHaveCount(0)
    // The page hydrates (React attaches to the Cite panel's buttons) despite the abstract's ids.
    await hydrated(page.getByRole('button', { name: /^Copy / }).first())
    expect(errors, 'no script error on the page').toEqual([])
  })

  test('a big BibTeX paste is refused at once, a long one within the budget, while visitors are served', async ({
    page,
  }) => {
    const entry = (i: number, abstract = 'We find $\\epsilon_t \\approx 0.2\\sqrt{R_f}$ for CIFAR10.') =>
      `@article{bulk${i},\n  title = {Bulk paper number ${i}},\n  author = {Lovelace, Ada and Turing, Alan},\n  journal = {Journal of Things},\n  year = {2020},\n  abstract = {${abstract}}\n}\n`
    const pastes: [string, string][] = [
      ['8,000 entries', Array.from({ length: 8000 }, (_, i) => entry(i)).join('\n')],
      ['500 entries', Array.from({ length: 500 }, (_, i) => entry(i)).join('\n')],
      ['one 400 kB abstract', entry(0, 'plain words '.repeat(34_000))],
    ]
    for (const [what, bibtex] of pastes) {
      const before = snapshot()
      const visitor = watchVisitor(VISITOR_PAGE)
      const { value: response, ms } = await timed(() => page.request.post('/api/admin/import', { data: { bibtex } }))
      expectVisitorServed(await visitor.stop(), what)
      expect(ms, `importing ${what}`).toBeLessThan(IMPORT_WITHIN_MS)
      expect(response.status()).toBe(200)
      const result = (await response.json()) as { candidates: unknown[]; errors: { message: string }[] }
      if (what === '8,000 entries') {
        expect(result.candidates).toEqual([])
        expect(result.errors.map((error) => error.message)).toEqual([
          'That paste holds 8,000 entries; import at most 500 at a time, in parts.',
        ])
      } else if (what === '500 entries') {
        expect(result.candidates).toHaveLength(500)
      } else if (result.candidates.length === 0) {
        // Whichever bound the parser reaches first: its CPU time or its memory.
        expect(result.errors[0]?.message).toMatch(/took (more than 5 s|too much memory) .*import it in smaller parts/)
      }
      expectNothingWritten(before)
    }
  })
})
