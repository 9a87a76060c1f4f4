import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type { Page } from '@playwright/test'
import { expect, fetchPublic, tag, test } from './support/admin'
import { E2E_BASE_URL, E2E_CONTENT_DIR, E2E_ROOT } from './support/paths'
import { parseBib, parseXml } from './support/sharing'
import { childEnv, toolEnv } from '../lib/env.mjs'
import { MARKUP_SPECIALS, REFERENCES } from '../lib/testing/hostile-text'

/**
 * Property-based attacks on the writers (the save path and the BibTeX importer). For every payload:
 * no 5xx, a message with every refusal, nothing written unless the payload was valid, nothing
 * written outside CONTENT_DIR/publications, and the content still builds afterwards. Then the
 * outputs: whatever a save accepted, every public output stays 200 and well-formed.
 */

const RUNS = toolEnv().FUZZ_RUNS || 1000
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
  '..',
  '../evil',
  '..%2fevil',
  '%2e%2e',
  '%2e%2e%2fx',
  '/etc/passwd',
  'a/b',
  'a\\b',
  'CON',
  'con.mdx',
  'nul',
  '.git',
  '.hidden',
  'ünïcode',
  'ｆｕｌｌ',
  '',
  ' ',
  '-a',
  'a-',
  'a--b',
  'a\u0000b',
  'x\ny',
  'A'.repeat(120),
  'a'.repeat(101),
  'site',
  '~',
  '$(id)',
]
const yamlBreakers = [
  '---',
  '...',
  ': x',
  'a: b',
  '"',
  "'",
  '{',
  '[',
  '#',
  '&anchor',
  '*alias',
  '!!js/function',
  '? x',
  '| x',
  '> x',
  '%YAML 1.1',
  '\n---\nfoo: bar',
  '`',
  '@x',
  'null',
  'true',
  '1e3',
  '0x10',
]
const mdxAttacks = [
  'import fs from "fs"\n\nHi',
  'export const x = 1',
  'Value {process.exit(1)}',
  '<Foo />',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1) />',
  '<a href="javascript:alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '<div {...props} />',
  '{/* comment */}',
  '<style>body{}</style>',
  '$x^2$ and $$\\frac{a}{b}$$',
  'unclosed <div',
  'a { b',
]

const controlText = fc.string({
  unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
  maxLength: 20,
})
const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(...yamlBreakers),
  controlText,
  fc.string({ unit: 'grapheme', maxLength: 40 }),
)

const slugArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostile) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/).map((slug) => `fuzz-${slug}`) },
)

const authorArb = fc.record(
  {
    name: anyText,
    equalContribution: fc.oneof(fc.boolean(), anyText),
    corresponding: fc.boolean(),
    url: fc.oneof(fc.webUrl(), anyText),
  },
  { requiredKeys: ['name'] },
)

const frontmatterArb = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.array(fc.string(), { maxLength: 3 })),
  },
  {
    weight: 6,
    arbitrary: fc.record(
      {
        title: fc.oneof(
          { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z ]{2,40}$/) },
          { weight: 2, arbitrary: anyText },
          { weight: 1, arbitrary: fc.string({ minLength: 501, maxLength: 600 }) },
        ),
        year: fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: 1990, max: 2030 }) },
          { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), anyText) },
        ),
        month: fc.oneof(fc.integer({ min: -2, max: 14 }), anyText),
        authors: fc.oneof(
          { weight: 4, arbitrary: fc.array(authorArb, { minLength: 1, maxLength: 4 }) },
          { weight: 1, arbitrary: fc.oneof(fc.constant([]), anyText, fc.constant(null)) },
        ),
        venue: anyText,
        type: fc.oneof(fc.constantFrom('article', 'conference', 'preprint', 'thesis'), anyText),
        tags: fc.oneof(fc.array(anyText, { maxLength: 4 }), anyText),
        arxiv: fc.oneof(fc.constant('2105.02468'), anyText),
        doi: fc.oneof(fc.constant('10.1000/xyz'), anyText),
        pdf: fc.oneof(
          fc.webUrl(),
          fc.constantFrom('javascript:alert(1)', 'data:text/html,x', '//evil.example/x', 'file:///etc/passwd'),
          anyText,
        ),
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

// ------------------------------------------------------------------------------------------------
// Output-hostile payloads: mostly valid papers whose text holds what breaks XML, BibTeX, RIS, HTML
// or the name parser. The schema refuses some (control characters, line breaks in names and
// titles, references to no character); whatever it accepts must leave every output whole.

const OUTPUT_RUNS = toolEnv().FUZZ_OUTPUT_RUNS || Math.max(20, Math.round(RUNS / 10))
/**
 * A paper's own outputs (page, citation files, card) are checked after each accepted save. The
 * site-wide ones (feed, BibTeX file, sitemap) list every paper and are rebuilt once per content
 * version, so checking them after every save costs time growing with the list for nothing more:
 * they are checked every few saves and at the end, and still see every saved payload.
 */
const SITE_CHECK_EVERY = 5

const outputHostile = [
  ...MARKUP_SPECIALS,
  ...REFERENCES,
  '`',
  '</i>',
  '@article{x,',
  '}}',
  '{{',
  '\\textbf{',
  '\\}',
  '&#1;',
  ']]>',
  '"',
  "'",
  ' and ',
  ',',
  'é',
  '中文',
  '😀',
  '≤',
  '$x$',
  '$\\alpha$',
  '--',
]
const outputControls = [
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\n',
  '\r',
  '\t',
  '\u2028',
  '\u2029',
  '\ufffe',
  '\ud800',
]
const cleanText = fc
  .array(
    fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...outputHostile) },
      { weight: 1, arbitrary: fc.constantFrom('Ada', 'Lovelace', ' ', 'x', 'Q') },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''))
// Mostly without control characters, so that most payloads are saved and reach the outputs.
const outputText = fc.oneof(
  { weight: 9, arbitrary: cleanText },
  {
    weight: 1,
    arbitrary: fc.tuple(cleanText, fc.constantFrom(...outputControls), cleanText).map((parts) => parts.join('')),
  },
)

// What an abstract may hold (MDX refuses `{`, a lone `<`, unclosed tags), with the same intent.
const bodyText = fc
  .array(
    fc.constantFrom(
      '\\\\',
      '\\{',
      '\\}',
      '\\textbf\\{',
      '%',
      '@',
      '#',
      '&amp;',
      '&lt;b&gt;',
      '<b>bold</b>',
      '$x$',
      '$\\alpha$',
      '_',
      '~',
      '^',
      '"',
      "'",
      ' and ',
      'é',
      '中文',
      '😀',
      '≤',
      '--',
      '\t',
      '\n',
      ' ',
      'Ada',
    ),
    {
      minLength: 1,
      maxLength: 10,
    },
  )
  .map((parts) => parts.join(''))

const outputPayloadArb = fc.record({
  frontmatter: fc.record(
    {
      title: outputText.map((text) => `Out ${text}`),
      year: fc.integer({ min: 1990, max: 2030 }),
      authors: fc.array(fc.record({ name: outputText.map((text) => `A${text}`) }), { minLength: 1, maxLength: 3 }),
      venue: outputText,
      tags: fc.array(outputText, { maxLength: 2 }),
      doi: outputText.map((text) => `10.1000/${text.replace(/\s/g, '_')}`),
      pdf: outputText.map((text) => `https://example.org/${text}`),
      type: fc.constantFrom('article', 'conference', 'preprint', 'thesis', 'book', 'talk'),
    },
    { requiredKeys: ['title', 'year', 'authors'] },
  ),
  body: fc.oneof(
    { weight: 1, arbitrary: outputText },
    { weight: 4, arbitrary: bodyText.map((text) => `An abstract with ${text}.\n\nAnd $x < y$ ${text}`) },
  ),
})

/** The og:image URL in a page's HTML (`&amp;` decoded), as a crawler reads it. */
function ogImageUrl(html: string): string | undefined {
  const meta = /<meta[^>]*property="og:image"[^>]*>/.exec(html)?.[0]
  return /content="([^"]*)"/.exec(meta ?? '')?.[1]?.replace(/&amp;/g, '&')
}

/**
 * One RIS record: one `TY  - ` line first, one `ER  -` line last, and every line a tag with its
 * value (values are never wrapped): no value may start a line of its own (a line break, or two
 * spaces, in a title).
 */
function expectRis(ris: string, payload: string) {
  const lines = ris.split(/\r?\n/).filter(Boolean)
  expect(
    lines.filter((line) => !/^[A-Z][A-Z0-9]  - /.test(line) && !/^ER  - ?$/.test(line)),
    payload,
  ).toEqual([])
  expect(lines[0], payload).toMatch(/^TY  - /)
  expect(
    lines.filter((line) => /^(TY|ER)  -/.test(line)),
    payload,
  ).toHaveLength(2)
  expect(lines.at(-1), payload).toMatch(/^ER  - ?$/)
}

async function expectPaperOutputs(slug: string, payload: string) {
  const paper = await fetchPublic(`/publications/${slug}`)
  expect(paper.status, `/publications/${slug} ${payload}`).toBe(200)
  const bibtex = await fetchPublic(`/publications/${slug}/cite/bibtex`)
  expect(bibtex.status, payload).toBe(200)
  const entry = await parseBib(bibtex.text)
  expect(entry.errors, `${payload}\n${bibtex.text}`).toEqual([])
  expect(entry.entries, payload).toHaveLength(1)
  const ris = await fetchPublic(`/publications/${slug}/cite/ris`)
  expect(ris.status, payload).toBe(200)
  expectRis(ris.text, payload)
  const csl = await fetchPublic(`/publications/${slug}/cite/csl-json`)
  expect(csl.status, payload).toBe(200)
  const items = JSON.parse(csl.text) as { 'citation-key': string }[]
  expect(
    items.map((item) => item['citation-key']),
    'one key for the paper in every format',
  ).toEqual([entry.entries[0]?.key])
  const card = ogImageUrl(paper.text)
  expect(card, 'the page names its card').toBeTruthy()
  // On this server's origin: the URL is made with SITE_URL.
  const cardUrl = new URL(card ?? '')
  const image = await fetch(new URL(cardUrl.pathname + cardUrl.search, E2E_BASE_URL))
  expect(image.status, `${card} ${payload}`).toBe(200)
  expect(image.headers.get('content-type')).toBe('image/png')
}

async function expectSiteOutputs(page: Page, saved: { slug: string }[], payloads: string[]) {
  const context = payloads.join('\n')
  const feed = await fetchPublic('/feed.xml')
  expect(feed.status, context).toBe(200)
  await parseXml(page, feed.text)
  const sitemap = await fetchPublic('/sitemap.xml')
  expect(sitemap.status, context).toBe(200)
  await parseXml(page, sitemap.text)
  const paperUrls = (sitemap.text.match(/<loc>[^<]*\/publications\/[^<]+<\/loc>/g) ?? []).length
  const bib = await fetchPublic('/publications.bib')
  expect(bib.status, context).toBe(200)
  const library = await parseBib(bib.text)
  expect(library.errors, context).toEqual([])
  expect(library.entries, 'one entry per public paper').toHaveLength(paperUrls)
  const keys = library.entries.map((entry) => entry.key.toLowerCase())
  expect(new Set(keys).size, 'distinct keys').toBe(keys.length)
  for (const { slug } of saved.slice(-payloads.length)) {
    const own = (await parseBib((await fetchPublic(`/publications/${slug}/cite/bibtex`)).text)).entries[0]?.key
    expect(keys, `${slug} is in publications.bib under the key of its own citation`).toContain(own?.toLowerCase())
  }
}

type Result = { status: number; body: { ok?: boolean; slug?: string; message?: string } }

test.describe('fuzzing the writers', () => {
  test.setTimeout(15 * 60_000)

  test(`the save path survives ${RUNS} generated payloads`, async ({ page }) => {
    // An existing paper that half of the payloads try to overwrite (with its current version).
    const target = `fuzz-target-${Date.now().toString(36)}`
    const seeded = await page.request.post('/api/admin/publications', {
      data: { slug: target, frontmatter: { title: target, year: 2011, authors: [{ name: 'Ada' }] }, body: '' },
    })
    expect(seeded.status()).toBe(201)
    const targetFile = path.join(PUBLICATIONS, `${target}.mdx`)
    const valid: string[] = []
    await fc.assert(
      fc.asyncProperty(fc.boolean(), slugArb, frontmatterArb, bodyArb, async (update, slug, frontmatter, body) => {
        const before = tree()
        let response
        if (update) {
          const { version } = (await (await page.request.get(`/api/admin/publications/${target}`)).json()) as {
            version: string
          }
          response = await page.request.put(`/api/admin/publications/${target}`, {
            // Payloads repeat titles and DOIs: half go through the duplicate check (a 409 is a refusal
            // like any other), half skip it to reach the save itself.
            data: { version, frontmatter, body, allowDuplicate: body.length % 2 === 0 },
          })
        } else {
          response = await page.request.post('/api/admin/publications', {
            data: { slug, frontmatter, body, allowDuplicate: body.length % 2 === 0 },
          })
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
    execFileSync(process.execPath, ['scripts/contentlayer.mjs'], {
      env: childEnv({ CONTENT_DIR: E2E_CONTENT_DIR }),
      stdio: 'pipe',
    })
    for (const file of valid) expect(path.dirname(file)).toBe(PUBLICATIONS)
  })

  test(`every public output stays whole after ${OUTPUT_RUNS} saves of output-hostile text`, async ({ page }) => {
    const saved: { slug: string; payload: string }[] = []
    let unchecked: string[] = []
    await fc.assert(
      fc.asyncProperty(outputPayloadArb, async ({ frontmatter, body }) => {
        const slug = `out-${tag()}`
        const response = await page.request.post('/api/admin/publications', {
          data: { slug, frontmatter, body, allowDuplicate: true },
        })
        const payload = JSON.stringify({ frontmatter, body }).slice(0, 400)
        expect(response.status(), payload).toBeLessThan(500)
        if (response.status() !== 201) {
          expect(((await response.json()) as Result['body']).message, 'a refusal says why').toMatch(/\S/)
          return
        }
        saved.push({ slug, payload })
        unchecked.push(payload)
        await expectPaperOutputs(slug, payload)
        if (unchecked.length >= SITE_CHECK_EVERY) {
          await expectSiteOutputs(page, saved, unchecked)
          unchecked = []
        }
      }),
      { numRuns: OUTPUT_RUNS },
    )
    await expectSiteOutputs(page, saved, unchecked)
    test.info().annotations.push({ type: 'saved', description: `${saved.length} of ${OUTPUT_RUNS} payloads` })
    expect(saved.length, 'a good part of the payloads were saved, so the outputs were tested').toBeGreaterThan(
      OUTPUT_RUNS / 5,
    )
    // Leave the list as it was for the specs after this one.
    for (const { slug } of saved) {
      const { version } = (await (await page.request.get(`/api/admin/publications/${slug}`)).json()) as {
        version: string
      }
      expect(
        (await page.request.delete(`/api/admin/publications/${slug}?version=${encodeURIComponent(version)}`)).status(),
      ).toBe(200)
    }
  })

  test(`the BibTeX importer survives ${RUNS} generated pastes and writes nothing`, async ({ page }) => {
    const field = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(...yamlBreakers, ...mdxAttacks, '{\\"o}', "\\'e", '$\\alpha$', '{{nested}}', '}', '{', '@', '%'),
    )
    const entry = fc
      .record({
        type: fc.constantFrom('article', 'inproceedings', 'misc', 'book', 'phdthesis', 'weird', ''),
        key: fc.oneof(fc.stringMatching(/^[a-z0-9:_-]{1,12}$/), fc.string({ maxLength: 8 })),
        title: field,
        author: field,
        year: fc.oneof(fc.integer({ min: 1900, max: 2100 }).map(String), field),
        abstract: field,
        doi: field,
        month: fc.constantFrom('jan', 'oct', '{October}', '13', 'x'),
      })
      .map(
        (e) =>
          `@${e.type}{${e.key},\n  title = {${e.title}},\n  author = {${e.author}},\n  year = {${e.year}},\n  month = ${e.month},\n  doi = {${e.doi}},\n  abstract = {${e.abstract}}\n}`,
      )
    const paste = fc.oneof(
      fc.array(entry, { maxLength: 3 }).map((entries) => entries.join('\n\n')),
      fc.string({ maxLength: 300 }),
      fc.constantFrom('@string{x = "y"}\n@article{a, title = x, author = {A}, year = 2020}', '@article{', '}}}}', ''),
    )
    const before = tree()
    await fc.assert(
      fc.asyncProperty(paste, async (bibtex) => {
        const response = await page.request.post('/api/admin/import', { data: { bibtex } })
        expect(response.status(), bibtex.slice(0, 200)).toBe(200)
        const result = (await response.json()) as {
          candidates: { frontmatter: { title: string }; body: string }[]
          errors: { message: string }[]
        }
        for (const error of result.errors) expect(error.message).toMatch(/\S/)
        for (const candidate of result.candidates) expect(candidate.frontmatter.title).toMatch(/\S/)
        if (!bibtex.trim()) expect(result.errors.length).toBeGreaterThan(0)
      }),
      { numRuns: RUNS },
    )
    expect(changes(before, tree()), 'reading BibTeX writes nothing').toEqual([])
  })
})
