import fs from 'node:fs'
import path from 'node:path'
import { parse } from '@retorquere/bibtex-parser'
import { describe, expect, it } from 'vitest'
import type { PublicationFrontmatter } from '../../domain/schema'
import { parsePublication } from '../../store/serialize'
import { bibtexKeyFor } from '../bibtex'
import { formatCitation, STYLE_FILES, styleFile, toBibtex, toBibtexEntries, toCsl, toCslJson, toRis } from './'

const dir = path.join(__dirname, '../../../content/publications')
const samples = fs
  .readdirSync(dir)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => ({ name, ...parsePublication(fs.readFileSync(path.join(dir, name), 'utf8')) }))

const landscape = samples.find((sample) => sample.name.startsWith('landscape'))
if (!landscape) throw new Error('sample paper missing')

function parseOne(bibtex: string) {
  const library = parse(bibtex, { sentenceCase: false })
  expect(library.errors).toEqual([])
  expect(library.entries).toHaveLength(1)
  const entry = library.entries[0]
  if (!entry) throw new Error('no entry')
  return entry
}

type Cited = Parameters<typeof toCsl>[0]
/** The record and the entry under the key made from the paper itself, as a one-paper list gives it. */
const csl = (publication: Cited) => toCsl(publication, bibtexKeyFor(publication))
const entryOf = (publication: Cited) => toBibtex(publication, bibtexKeyFor(publication))

describe('BibTeX', () => {
  it.each(samples.map((sample) => [sample.name, sample] as const))(
    '%s parses back with the same fields',
    (_, sample) => {
      const { frontmatter } = sample
      const entry = parseOne(entryOf({ ...frontmatter, body: sample.body }))
      expect(entry.key).toBe(frontmatter.bibtexKey ?? entry.key)
      expect(entry.fields.title).toBe(frontmatter.title)
      expect(entry.fields.year).toBe(String(frontmatter.year))
      expect(entry.fields.author?.map((creator) => `${creator.firstName} ${creator.lastName}`)).toEqual(
        frontmatter.authors.map((author) => author.name),
      )
      if (frontmatter.doi) expect(entry.fields.doi).toBe(frontmatter.doi)
      if (frontmatter.venue) expect(entry.fields.journal ?? entry.fields.booktitle).toBe(frontmatter.venue)
      if (frontmatter.pages) expect(entry.fields.pages).toBe(frontmatter.pages)
      if (frontmatter.volume) expect(entry.fields.volume).toBe(frontmatter.volume)
    },
  )

  it('picks the entry type from the kind of publication', () => {
    const types: [PublicationFrontmatter['type'], string][] = [
      ['article', '@article{'],
      ['conference', '@inproceedings{'],
      ['thesis', '@phdthesis{'],
      ['book', '@book{'],
      ['chapter', '@inbook{'],
    ]
    for (const [type, start] of types)
      expect(entryOf({ ...landscape.frontmatter, type }).startsWith(start), String(type)).toBe(true)
  })

  it('escapes LaTeX specials so the entry stays valid, and keeps them when parsed back', () => {
    const title = 'R&D at 100% of x_1 and #2'
    const bibtex = entryOf({ ...landscape.frontmatter, title })
    expect(bibtex).toMatch(/R\\&/)
    expect(bibtex).toMatch(/100\\%/)
    expect(parseOne(bibtex).fields.title).toBe(title)
  })

  it('keeps co-first and corresponding marks out of the names', () => {
    const bibtex = entryOf({
      ...landscape.frontmatter,
      authors: [
        { name: 'Ada Lovelace', equalContribution: true, corresponding: true },
        { name: 'Alan Turing', equalContribution: true },
      ],
    })
    expect(bibtex).toContain('author = {Lovelace, Ada and Turing, Alan}')
    expect(bibtex).not.toMatch(/[*†]/)
  })

  it('uses the explicit key, or one made from author, year and title', () => {
    expect(toBibtex(landscape.frontmatter, 'Geiger:2021').startsWith('@article{Geiger:2021,')).toBe(true)
    expect(entryOf(landscape.frontmatter).startsWith('@article{geiger2021landscape,')).toBe(true)
  })

  it('writes one entry per paper for a whole list', () => {
    const library = parse(toBibtexEntries(samples.map((sample) => csl(sample.frontmatter))), { sentenceCase: false })
    expect(library.errors).toEqual([])
    expect(library.entries).toHaveLength(samples.length)
  })
})

describe('RIS', () => {
  it('has a type, one AU line per author in order, title, year, DOI and an end', () => {
    const ris = toRis(csl(landscape.frontmatter)).split('\n')
    expect(ris[0]).toBe('TY  - JOUR')
    expect(ris.filter((line) => line.startsWith('AU  - '))).toEqual([
      'AU  - Geiger, Mario',
      'AU  - Petrini, Leonardo',
      'AU  - Wyart, Matthieu',
    ])
    expect(ris).toContain('TI  - Landscape and training regimes in deep learning')
    expect(ris).toContain('PY  - 2021')
    expect(ris).toContain('DO  - 10.1016/j.physrep.2021.04.001')
    expect(ris.at(-1)?.trim()).toBe('ER  -')
  })

  it('marks conference papers and preprints with their own types', () => {
    expect(toRis(csl({ ...landscape.frontmatter, type: 'conference' })).startsWith('TY  - CONF')).toBe(true)
  })
})

describe('CSL-JSON', () => {
  it('is a parseable record with the CSL fields citation managers read', () => {
    const [item] = JSON.parse(
      toCslJson([csl({ ...landscape.frontmatter, month: 4, body: 'We find $\\alpha$.' })]),
    ) as Record<string, unknown>[]
    expect(item).toMatchObject({
      type: 'article-journal',
      title: 'Landscape and training regimes in deep learning',
      author: [
        { given: 'Mario', family: 'Geiger' },
        { given: 'Leonardo', family: 'Petrini' },
        { given: 'Matthieu', family: 'Wyart' },
      ],
      issued: { 'date-parts': [[2021, 4]] },
      'container-title': 'Physics Reports',
      page: '1-18',
      DOI: '10.1016/j.physrep.2021.04.001',
      abstract: 'We find α.',
    })
  })

  it('turns LaTeX in titles into readable text', () => {
    expect(csl({ ...landscape.frontmatter, title: 'Scaling as $\\epsilon_t \\approx 0.2\\sqrt{R_f}$' }).title).toBe(
      'Scaling as ε_t ≈ 0.2√(R_f)',
    )
  })
})

describe('formatted citations', () => {
  const item = csl(landscape.frontmatter)

  it('formats APA', () => {
    expect(formatCitation(item, 'apa')).toBe(
      'Geiger, M., Petrini, L., & Wyart, M. (2021). Landscape and training regimes in deep learning. Physics Reports, 1–18. https://doi.org/10.1016/j.physrep.2021.04.001',
    )
  })

  it('formats MLA with the official MLA 9th edition style', () => {
    expect(formatCitation(item, 'mla')).toBe(
      'Geiger, Mario, et al. “Landscape and Training Regimes in Deep Learning.” Physics Reports, 2021, pp. 1–18, https://doi.org/10.1016/j.physrep.2021.04.001.',
    )
  })

  it('formats Chicago with the official author-date style', () => {
    expect(formatCitation(item, 'chicago')).toBe(
      'Geiger, Mario, Leonardo Petrini, and Matthieu Wyart. 2021. “Landscape and Training Regimes in Deep Learning.” Physics Reports, 1–18. https://doi.org/10.1016/j.physrep.2021.04.001.',
    )
  })

  // citation-js formats with APA, silently, when it does not know a style: each must look like itself.
  it.each(samples.map((sample) => [sample.name, sample] as const))(
    '%s: APA, MLA and Chicago differ, each in its own shape',
    (_, sample) => {
      const { frontmatter } = sample
      const cited = toCsl(frontmatter, 'key', 'https://example.org/p')
      const apa = formatCitation(cited, 'apa')
      const mla = formatCitation(cited, 'mla')
      const chicago = formatCitation(cited, 'chicago')
      expect(new Set([apa, mla, chicago]).size).toBe(3)
      const first = frontmatter.authors[0]?.name.split(' ') ?? []
      const family = first.at(-1) ?? ''
      const year = String(frontmatter.year)
      // APA: initials, the year in parentheses after the authors, the title as it is, unquoted.
      expect(apa).toMatch(new RegExp(`^${family}, [A-Z]\\.`))
      expect(apa).toContain(`(${year}). ${frontmatter.title}.`)
      // MLA: full given names, "et al." past two authors, the title in quotes, the year after the venue.
      expect(mla.startsWith(`${family}, ${first.slice(0, -1).join(' ')}`)).toBe(true)
      if (frontmatter.authors.length > 2) expect(mla).toMatch(/^[^“]+, et al\. “/)
      expect(mla).toMatch(/“[^”]+\.”/)
      expect(mla).not.toMatch(/^[^“]*\d{4}/)
      // Chicago author-date: every author (up to ten), then the year right after them, then the quoted title.
      expect(chicago).toMatch(new RegExp(`^${family}, [^“]+\\. ${year}\\. “`))
      for (const author of frontmatter.authors.slice(1)) expect(chicago.split(year)[0]).toContain(author.name)
    },
  )

  it('reads MLA and Chicago from the vendored official style files, with their licence', () => {
    const ids = { mla: 'modern-language-association', chicago: 'chicago-author-date' }
    for (const [style, file] of Object.entries(STYLE_FILES)) {
      const xml = fs.readFileSync(styleFile(file), 'utf8')
      expect(xml).toContain(`<id>http://www.zotero.org/styles/${ids[style as keyof typeof ids]}</id>`)
      expect(xml).toContain('<rights license="http://creativecommons.org/licenses/by-sa/3.0/">')
    }
  })

  it('names two authors in MLA with "and"', () => {
    expect(
      formatCitation(
        csl({ ...landscape.frontmatter, authors: [{ name: 'Mario Geiger' }, { name: 'Matthieu Wyart' }] }),
        'mla',
      ),
    ).toMatch(/^Geiger, Mario, and Matthieu Wyart\./)
  })
})

describe('hostile fields', () => {
  const base = { title: 'A title', year: 2020, authors: [{ name: 'Ada Lovelace' }] }

  it('escapes a backslash author, an unclosed <b> in the title and URL, and braces in the DOI, so the entries after stay whole', () => {
    const hostile = csl({
      ...base,
      title: 'Bold <b> move',
      authors: [{ name: '\\' }, { name: '{' }],
      website: 'https://example.org/<b>{x}',
      doi: '10.1000/a}b',
    })
    const library = parse(toBibtexEntries([hostile, csl({ ...base, title: 'After' })]), { sentenceCase: false })
    expect(library.errors).toEqual([])
    expect(library.entries.map((entry) => entry.fields.title)).toEqual(['Bold <b> move', 'After'])
    expect(library.entries[0]?.fields.author).toEqual([{ name: '\\' }, { name: '{' }])
    expect(library.entries[0]?.fields.doi).toBe('10.1000/a%7Db')
  })

  it('keeps every part of a name the name parser would drop', () => {
    expect(csl({ ...base, authors: [{ name: 'von Neumann' }] }).author).toEqual([{ literal: 'von Neumann' }])
    expect(csl({ ...base, authors: [{ name: 'John von Neumann' }] }).author).toEqual([
      { given: 'John', 'non-dropping-particle': 'von', family: 'Neumann' },
    ])
  })

  it('keeps characters citation-js has no LaTeX for', () => {
    const entry = parseOne(entryOf({ ...base, title: '深度学习 ≤ 😀', authors: [{ name: 'Wei Zhang 张' }] }))
    expect(entry.fields.title).toBe('深度学习 ≤ 😀')
  })

  it('writes line breaks in a hand-edited title or name as spaces, so RIS keeps one field a line', () => {
    const ris = toRis(csl({ ...base, title: 'One\nTY  - JOUR', authors: [{ name: 'Ada\u2028Lovelace' }] }))
    expect(ris.split('\n').filter((line) => line.startsWith('TY  -'))).toHaveLength(1)
    expect(ris).toContain('TI  - One TY - JOUR')
    expect(ris).toContain('AU  - Lovelace, Ada')
  })
})
