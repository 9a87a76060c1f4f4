import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { expect, test } from './support/admin'
import { E2E_CONTENT_DIR, E2E_ROOT } from './support/paths'

/**
 * Property-based attacks on the writers (the save path and the BibTeX importer). For every payload:
 * no 5xx, a message with every refusal, nothing written unless the payload was valid, nothing
 * written outside CONTENT_DIR/publications, and the content still builds afterwards.
 */

const RUNS = Number(process.env.FUZZ_RUNS || 1000)
const PUBLICATIONS = path.join(E2E_CONTENT_DIR, 'publications')
const IGNORED = new Set(['.git', '.contentlayer', 'node_modules', 'remote.git', 'remote.git.unreachable'])

/** Every file under E2E_ROOT (but git, generated data and the push remote) with a hash of its bytes. */
function tree(dir = E2E_ROOT, files = new Map<string, string>()): Map<string, string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (IGNORED.has(entry.name)) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) tree(full, files)
    else if (entry.isFile()) files.set(full, createHash('sha256').update(fs.readFileSync(full)).digest('hex'))
  }
  return files
}

function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file)
  const removed = [...before.keys()].filter((file) => !after.has(file))
  return [...changed, ...removed]
}

const hostile = [
  '..', '../evil', '..%2fevil', '%2e%2e', '%2e%2e%2fx', '/etc/passwd', 'a/b', 'a\\b', 'CON', 'con.mdx', 'nul', '.git', '.hidden',
  'ünïcode', 'ｆｕｌｌ', '', ' ', '-a', 'a-', 'a--b', 'a\u0000b', 'x\ny', 'A'.repeat(120), 'a'.repeat(101), 'site', '~', '$(id)',
]
const yamlBreakers = ['---', '...', ': x', 'a: b', '"', "'", '{', '[', '#', '&anchor', '*alias', '!!js/function', '? x', '| x', '> x', '%YAML 1.1', '\n---\nfoo: bar', '`', '@x', 'null', 'true', '1e3', '0x10']
const mdxAttacks = [
  'import fs from "fs"\n\nHi', 'export const x = 1', 'Value {process.exit(1)}', '<Foo />', '<script>alert(1)</script>', '<img src=x onerror=alert(1) />',
  '<a href="javascript:alert(1)">x</a>', '[x](javascript:alert(1))', '<div {...props} />', '{/* comment */}', '<style>body{}</style>', '$x^2$ and $$\\frac{a}{b}$$', 'unclosed <div', 'a { b',
]

const controlText = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), maxLength: 20 })
const anyText = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom(...yamlBreakers), controlText, fc.string({ unit: 'grapheme', maxLength: 40 }))

const slugArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostile) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/).map((slug) => `fuzz-${slug}`) },
)

const authorArb = fc.record(
  { name: anyText, equalContribution: fc.oneof(fc.boolean(), anyText), corresponding: fc.boolean(), url: fc.oneof(fc.webUrl(), anyText) },
  { requiredKeys: ['name'] },
)

const frontmatterArb = fc.oneof(
  { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.array(fc.string(), { maxLength: 3 })) },
  {
    weight: 6,
    arbitrary: fc.record(
      {
        title: fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z ]{2,40}$/) }, { weight: 2, arbitrary: anyText }, { weight: 1, arbitrary: fc.string({ minLength: 501, maxLength: 600 }) }),
        year: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1990, max: 2030 }) }, { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), anyText) }),
        month: fc.oneof(fc.integer({ min: -2, max: 14 }), anyText),
        authors: fc.oneof({ weight: 4, arbitrary: fc.array(authorArb, { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: fc.oneof(fc.constant([]), anyText, fc.constant(null)) }),
        venue: anyText,
        type: fc.oneof(fc.constantFrom('article', 'conference', 'preprint', 'thesis'), anyText),
        tags: fc.oneof(fc.array(anyText, { maxLength: 4 }), anyText),
        arxiv: fc.oneof(fc.constant('2105.02468'), anyText),
        doi: fc.oneof(fc.constant('10.1000/xyz'), anyText),
        pdf: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,x', '//evil.example/x', 'file:///etc/passwd'), anyText),
        draft: fc.oneof(fc.boolean(), anyText),
        bibtexKey: anyText,
        unknownField: anyText,
      },
      { requiredKeys: ['title', 'year', 'authors'] },
    ),
  },
)

const bodyArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...mdxAttacks) },
  { weight: 3, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: controlText },
  { weight: 1, arbitrary: fc.constant('x'.repeat(300 * 1024)) },
)

type Result = { status: number; body: { ok?: boolean; slug?: string; message?: string } }

test.describe('fuzzing the writers', () => {
  test.setTimeout(15 * 60_000)

  test(`the save path survives ${RUNS} generated payloads`, async ({ page }) => {
    // An existing paper that half of the payloads try to overwrite (with its current version).
    const target = `fuzz-target-${Date.now().toString(36)}`
    const seeded = await page.request.post('/api/admin/publications', { data: { slug: target, frontmatter: { title: 'Fuzz target', year: 2011, authors: [{ name: 'Ada' }] }, body: '' } })
    expect(seeded.status()).toBe(201)
    const targetFile = path.join(PUBLICATIONS, `${target}.mdx`)
    const valid: string[] = []
    await fc.assert(
      fc.asyncProperty(fc.boolean(), slugArb, frontmatterArb, bodyArb, async (update, slug, frontmatter, body) => {
        const before = tree()
        let response
        if (update) {
          const { version } = (await (await page.request.get(`/api/admin/publications/${target}`)).json()) as { version: string }
          response = await page.request.put(`/api/admin/publications/${target}`, { data: { version, frontmatter, body } })
        } else {
          response = await page.request.post('/api/admin/publications', { data: { slug, frontmatter, body } })
        }
        const result: Result = { status: response.status(), body: (await response.json()) as Result['body'] }
        const changed = changes(before, tree())
        expect(result.status, JSON.stringify({ slug, frontmatter }).slice(0, 300)).toBeLessThan(500)
        if (result.status === 201 || result.status === 200) {
          const file = path.join(PUBLICATIONS, `${result.body.slug}.mdx`)
          expect(file).toBe(update ? targetFile : file)
          // Only the paper saved changed (an unchanged save writes nothing at all).
          expect(changed.filter((changedFile) => changedFile !== file)).toEqual([])
          valid.push(file)
        } else {
          expect(result.body.message, 'a refusal says why').toMatch(/\S/)
          expect(changed, 'a refusal writes nothing').toEqual([])
        }
      }),
      { numRuns: RUNS },
    )
    // Whatever was accepted is an ordinary publication: the content still builds.
    execFileSync(process.execPath, ['scripts/contentlayer.mjs'], { env: { ...process.env, CONTENT_DIR: E2E_CONTENT_DIR }, stdio: 'pipe' })
    for (const file of valid) expect(path.dirname(file)).toBe(PUBLICATIONS)
  })

  test(`the BibTeX importer survives ${RUNS} generated pastes and writes nothing`, async ({ page }) => {
    const field = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...yamlBreakers, ...mdxAttacks, '{\\"o}', '\\\'e', '$\\alpha$', '{{nested}}', '}', '{', '@', '%'))
    const entry = fc
      .record({ type: fc.constantFrom('article', 'inproceedings', 'misc', 'book', 'phdthesis', 'weird', ''), key: fc.oneof(fc.stringMatching(/^[a-z0-9:_-]{1,12}$/), fc.string({ maxLength: 8 })), title: field, author: field, year: fc.oneof(fc.integer({ min: 1900, max: 2100 }).map(String), field), abstract: field, doi: field, month: fc.constantFrom('jan', 'oct', '{October}', '13', 'x') })
      .map((e) => `@${e.type}{${e.key},\n  title = {${e.title}},\n  author = {${e.author}},\n  year = {${e.year}},\n  month = ${e.month},\n  doi = {${e.doi}},\n  abstract = {${e.abstract}}\n}`)
    const paste = fc.oneof(fc.array(entry, { maxLength: 3 }).map((entries) => entries.join('\n\n')), fc.string({ maxLength: 300 }), fc.constantFrom('@string{x = "y"}\n@article{a, title = x, author = {A}, year = 2020}', '@article{', '}}}}', ''))
    const before = tree()
    await fc.assert(
      fc.asyncProperty(paste, async (bibtex) => {
        const response = await page.request.post('/api/admin/import', { data: { bibtex } })
        expect(response.status(), bibtex.slice(0, 200)).toBe(200)
        const result = (await response.json()) as { candidates: { frontmatter: { title: string }; body: string }[]; errors: { message: string }[] }
        for (const error of result.errors) expect(error.message).toMatch(/\S/)
        for (const candidate of result.candidates) expect(candidate.frontmatter.title).toMatch(/\S/)
        if (!bibtex.trim()) expect(result.errors.length).toBeGreaterThan(0)
      }),
      { numRuns: RUNS },
    )
    expect(changes(before, tree()), 'reading BibTeX writes nothing').toEqual([])
  })
})
