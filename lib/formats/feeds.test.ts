import { parse } from '@retorquere/bibtex-parser'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { citationKeys } from './bibtex'
import { citableItem, toBibtexEntries } from './citations'
import { atomFeed, bibliography } from './feeds'
import { latexToPlainText, withoutControls } from '../markup/text'
import type { Publication, Site } from '../domain/types'
import { toolEnv } from '../env.mjs'
import { FORBIDDEN_CHARACTERS, LINE_BREAKS, MARKUP_SPECIALS, REFERENCES } from '../testing/hostile-text'

const site: Site = {
  owner: 'Ada Lovelace',
  title: 'Ada Lovelace',
  description: 'Papers & notes <of> Ada',
  nameVariants: ['Ada Lovelace'],
  maxAuthors: 3,
}
const paper = (slug: string, title: string, extra: Partial<Publication> = {}): Publication => ({
  slug,
  title,
  year: 2022,
  authors: [{ name: 'Ada Lovelace' }],
  body: 'An abstract with $x < y$ & more. Second sentence.',
  lastModified: '2026-01-02T03:04:05.000Z',
  ...extra,
})
const siteUrl = new URL('https://example.org')

describe('the BibTeX file', () => {
  it('gives papers that would share a key distinct keys, and parses into one entry each', () => {
    const text = bibliography(
      [paper('a', 'Learning one thing'), paper('b', 'Learning another thing'), paper('c', 'Other')],
      siteUrl,
    )
    const library = parse(text, { sentenceCase: false })
    expect(library.errors).toEqual([])
    expect(library.entries.map((entry) => entry.key)).toEqual([
      'lovelace2022learning',
      'lovelace2022learningb',
      'lovelace2022other',
    ])
  })
  it('gives each paper the key its own citation files and Cite panel use (the key `citationKeys` gives it)', () => {
    const papers = [paper('a', 'Learning one thing'), paper('b', 'Learning another thing')]
    const whole = parse(bibliography(papers, siteUrl), { sentenceCase: false }).entries
    const keys = citationKeys(papers)
    for (const publication of papers) {
      const own = toBibtexEntries(
        citableItem(
          publication,
          `https://example.org/publications/${publication.slug}`,
          keys.get(publication.slug) ?? '',
        ),
      )
      const [entry] = parse(own, { sentenceCase: false }).entries
      expect(entry?.key).toBe(whole.find((other) => other.fields.title === publication.title)?.key)
    }
    expect([...keys.values()]).toEqual(['lovelace2022learning', 'lovelace2022learningb'])
  })
})

describe('the Atom feed', () => {
  it('escapes text and lists each paper with its link, summary and dates', () => {
    const xml = atomFeed([paper('a', 'Bits & <pieces>', { month: 3 })], site, siteUrl)
    expect(xml).toContain('<title>Bits &amp; &lt;pieces&gt;</title>')
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://example.org/publications/a"/>')
    expect(xml).toContain('<summary>An abstract with x &lt; y &amp; more.</summary>')
    expect(xml).toContain('<published>2022-03-01T00:00:00Z</published>')
    expect(xml).toContain('<updated>2026-01-02T03:04:05.000Z</updated>')
    expect(xml).toContain('<subtitle>Papers &amp; notes &lt;of&gt; Ada</subtitle>')
  })
})

// ------------------------------------------------------------------------------------------------
// Hostile entries (hand-edited files can hold anything; the dashboard refuses most of this)

const HOSTILE_UNITS = [
  ...MARKUP_SPECIALS,
  ...LINE_BREAKS,
  ...FORBIDDEN_CHARACTERS,
  ...REFERENCES,
  '--',
  '``',
  "''",
  '?`',
  '!`',
  '$$',
  '"',
  "'",
  ',',
  ' and ',
  'and',
  '<',
  '>',
  '<i>',
  '</b>',
  '<sup>',
  '&lt;',
  ']]>',
  '@article{x,',
  '}}',
  '\\textbf{',
  '%%',
  ' ',
  'A',
  'b',
  'Z',
  '1',
  '-',
  '.',
  ':',
  'é',
  'Ü',
  'ß',
  '中文',
  '😀',
  '≤',
  'α',
]
const hostile = fc
  .array(fc.constantFrom(...HOSTILE_UNITS), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.join(''))

const hostilePapers = fc
  .array(
    fc.record(
      {
        title: hostile,
        year: fc.integer({ min: 1900, max: 2100 }),
        authors: fc.array(fc.record({ name: hostile }), { minLength: 1, maxLength: 3 }),
        venue: hostile,
        tags: fc.array(hostile, { maxLength: 2 }),
        doi: hostile.map((tail) => `10.1000/${tail}`),
        website: hostile.map((tail) => `https://example.org/${tail}`),
        bibtexKey: hostile,
        body: hostile,
      },
      { requiredKeys: ['title', 'year', 'authors', 'body'] },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((papers) =>
    papers.map((fields, index): Publication => ({
      ...fields,
      slug: `paper-${index}`,
      lastModified: '2026-01-02T03:04:05.000Z',
    })),
  )

/**
 * Text as BibTeX reads it: runs of spaces are one space, and LaTeX's ligatures (`--` an en dash,
 * two backticks an opening quote…) are read as LaTeX reads them. Plain text holding those ASCII
 * sequences comes back typographic: a known limit of what citation-js writes, not a broken entry.
 * (A backtick is written as `\\textasciigrave{}`, read back as ˋ.)
 */
const LIGATURES: [RegExp, string][] = [
  [/---/g, '—'],
  [/--/g, '–'],
  [/''/g, '”'],
  [/`/g, 'ˋ'],
]
const words = (text: string) =>
  LIGATURES.reduce((value, [pattern, reading]) => value.replace(pattern, reading), text.normalize('NFC'))
    .replace(/\s+/g, ' ')
    .trim()
/** The letters and digits of a name, in order of appearance, whatever the order of its parts. */
const nameLetters = (text: string) => [...text.normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '')].sort().join('')

/**
 * A strict XML 1.0 well-formedness check of what `atomFeed` writes (elements, attributes in double
 * quotes, the five entities and numeric references, one declaration): no XML parser is installed,
 * and the end-to-end test parses the live feed with the browser's.
 */
function xmlProblem(xml: string): string | undefined {
  const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u.exec(xml)
  if (forbidden) return `forbidden character U+${(forbidden[0].codePointAt(0) ?? 0).toString(16)} at ${forbidden.index}`
  const stack: string[] = []
  let i = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0
  while (i < xml.length) {
    const lt = xml.indexOf('<', i)
    const text = xml.slice(i, lt < 0 ? xml.length : lt)
    if (/&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/.test(text) || text.includes('>'))
      return `bad text ${JSON.stringify(text.slice(0, 40))}`
    if (lt < 0) break
    const gt = xml.indexOf('>', lt)
    if (gt < 0) return 'unclosed tag'
    const tag = xml.slice(lt + 1, gt)
    const match = /^(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z][\w:.-]*="[^"<]*")*)\s*(\/?)$/.exec(tag)
    if (!match) return `bad tag <${tag.slice(0, 40)}>`
    const [, closing, name = '', attributes = '', selfClosing] = match
    if (/&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/.test(attributes)) return `bad attribute in <${name}>`
    if (closing) {
      if (stack.pop() !== name) return `</${name}> closes nothing open`
    } else if (!selfClosing) stack.push(name)
    i = gt + 1
  }
  return stack.length ? `<${stack.at(-1)}> is never closed` : undefined
}

describe('no entry can break the BibTeX file or the feed', () => {
  it('checks XML strictly', () => {
    expect(xmlProblem('<?xml version="1.0"?>\n<a x="1"><b/>t &amp; u</a>\n')).toBeUndefined()
    for (const bad of ['<a>', '<a></b>', '<a>&</a>', '<a>\u0001</a>', '<a x=1/>', '<a>\ud800</a>'])
      expect(xmlProblem(bad), bad).toBeDefined()
  })

  it('keeps characters BibTeX has no macro for in every part of a name (a particle too)', () => {
    // Found by the property below: `@citation-js/name` reads `class="x">中文` as a particle.
    const hostile = paper('p', 'A title', { authors: [{ name: '<span class="x">中文\rÜ' }] })
    const [entry] = parse(bibliography([hostile], siteUrl), { sentenceCase: false }).entries
    const [author] = entry?.fields.author ?? []
    const parsed = [author?.firstName, author?.prefix, author?.lastName].join(' ')
    expect(nameLetters(parsed)).toBe(nameLetters('<span class="x">中文 Ü'))
  })

  it('every paper is one entry of the BibTeX file, under its key, with its title and authors', () => {
    fc.assert(
      fc.property(hostilePapers, (papers) => {
        const library = parse(bibliography(papers, siteUrl), { sentenceCase: false })
        expect(library.errors).toEqual([])
        const keys = citationKeys(papers)
        expect(library.entries.map((entry) => entry.key)).toEqual(papers.map((paper) => keys.get(paper.slug)))
        for (const [index, entry] of library.entries.entries()) {
          const paper = papers[index]
          if (!paper) throw new Error('no paper')
          expect(words(entry.fields.title ?? '')).toBe(
            words(withoutControls(latexToPlainText(paper.title)).replace(/\p{Cc}/gu, ' ')),
          )
          const authors = entry.fields.author ?? []
          expect(authors).toHaveLength(paper.authors.length)
          for (const [n, author] of authors.entries()) {
            const parsed = [author.name, author.firstName, author.prefix, author.lastName, author.suffix].join(' ')
            expect(nameLetters(parsed)).toBe(nameLetters(words(paper.authors[n]?.name ?? '')))
          }
        }
      }),
      { numRuns: toolEnv().FUZZ_RUNS || 300 },
    )
  }, 120_000)

  it('the feed stays well-formed XML whatever the entries hold', () => {
    fc.assert(
      fc.property(hostilePapers, (papers) => {
        expect(xmlProblem(atomFeed(papers, site, siteUrl))).toBeUndefined()
      }),
      { numRuns: toolEnv().FUZZ_RUNS || 300 },
    )
  }, 120_000)
})
