import fs from 'node:fs'
import path from 'node:path'
import { Cite } from '@citation-js/core'
import '@citation-js/plugin-ris'
import { parse } from '@retorquere/bibtex-parser'
import { describe, expect, it } from 'vitest'
import { PUBLICATION_TYPES, type PublicationFrontmatter } from '../../domain/schema'
import { parsePublication } from '../../store/serialize'
import { bibtexKeyFor } from '../bibtex'
import {
  formatCitation,
  STYLE_FILES,
  styleFile,
  toBibtex,
  toBibtexEntries,
  toCsl,
  toCslJson,
  toRis,
  type CslItem,
} from './'

const dir = path.join(__dirname, '../../../content/publications')
const samples = fs
  .readdirSync(dir)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => ({ name, ...parsePublication(fs.readFileSync(path.join(dir, name), 'utf8')) }))

function sample(start: string) {
  const found = samples.find((paper) => paper.name.startsWith(start))
  if (!found) throw new Error(`sample paper ${start} missing`)
  return found
}
const landscape = sample('landscape')
const preprint = sample('how-deep')
const withMath = sample('relative-stability')

function parseOne(bibtex: string) {
  const library = parse(bibtex, { sentenceCase: false })
  expect(library.errors).toEqual([])
  expect(library.entries).toHaveLength(1)
  const entry = library.entries[0]
  if (!entry) throw new Error('no entry')
  return entry
}

/** A record as citation-js reads it back; a conference's RIS `PY` it reads as `event-date`. */
type ReadBack = Partial<CslItem> & { 'event-date'?: CslItem['issued'] }

/** The first record citation-js reads from a BibTeX or RIS text, as CSL-JSON. */
function citationJs(text: string): ReadBack {
  const records: ReadBack[] = JSON.parse(new Cite(text).format('data'))
  const record = records[0]
  if (!record) throw new Error('citation-js read no record')
  return record
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
      // A preprint's venue names its repository, which `eprint`/`archivePrefix` carry (see below).
      if (frontmatter.venue && frontmatter.type !== 'preprint')
        expect(entry.fields.journal ?? entry.fields.booktitle).toBe(frontmatter.venue)
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
      ['preprint', '@misc{'],
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

  it('exports the arXiv preprint as arXiv does: @misc with eprint and archivePrefix, one URL, no journal', () => {
    expect(entryOf({ ...preprint.frontmatter, body: preprint.body })).toBe(
      [
        '@misc{tomasini2022deep,',
        '\tauthor = {Tomasini, Umberto M. and Petrini, Leonardo and Cagnetta, Francesco and Wyart, Matthieu},',
        '\tdoi = {10.1088/2632-2153/ad092c},',
        '\tyear = {2022},',
        '\ttitle = {How deep convolutional neural networks lose spatial information with training},',
        '\turl = {https://arxiv.org/abs/2210.01506},',
        '\teprint = {2210.01506},',
        '\tarchivePrefix = {arXiv},',
        '}',
      ].join('\n'),
    )
  })

  it('gives any paper with an arXiv id eprint and archivePrefix, and one link field, whatever its type', () => {
    for (const type of PUBLICATION_TYPES) {
      const bibtex = entryOf({ ...landscape.frontmatter, type, website: 'https://example.org/paper' })
      const entry = parseOne(bibtex)
      expect(entry.fields.eprint, type).toBe('2012.15110')
      expect(entry.fields.archiveprefix, type).toBe('arXiv')
      expect(entry.fields.url, type).toBe('https://example.org/paper')
      expect(bibtex, type).not.toMatch(/howpublished|note =/)
    }
  })

  it('writes no eprint for a paper without an arXiv id, and a preprint elsewhere as @misc from its repository', () => {
    const bibtex = entryOf({ ...preprint.frontmatter, arxiv: undefined, venue: 'bioRxiv', venueShort: undefined })
    expect(bibtex.startsWith('@misc{')).toBe(true)
    expect(bibtex).toContain('publisher = {bioRxiv}')
    expect(bibtex).not.toMatch(/eprint|archivePrefix|journal/)
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

  it('types each kind of publication as the RIS specification does, a preprint as Zotero does', () => {
    const types: [PublicationFrontmatter['type'], string][] = [
      ['article', 'JOUR'],
      ['conference', 'CONF'],
      ['thesis', 'THES'],
      ['book', 'BOOK'],
      ['chapter', 'CHAP'],
      ['talk', 'SLIDE'],
      ['other', 'GEN'],
      ['preprint', 'GEN'],
    ]
    expect(types.map(([type]) => type).sort()).toEqual([...PUBLICATION_TYPES].sort())
    for (const [type, ty] of types)
      expect(toRis(csl({ ...landscape.frontmatter, type })).split('\n')[0]).toBe(`TY  - ${ty}`)
  })

  it('gives every record its year in PY, and DA as YYYY/MM// when the month is known', () => {
    for (const type of PUBLICATION_TYPES) {
      const yearOnly = toRis(csl({ ...landscape.frontmatter, type })).split('\n')
      expect(yearOnly, type).toContain('PY  - 2021')
      expect(
        yearOnly.some((line) => line.startsWith('DA  -')),
        type,
      ).toBe(false)
      const withMonth = toRis(csl({ ...landscape.frontmatter, type, month: 4 })).split('\n')
      expect(withMonth, type).toContain('PY  - 2021')
      expect(withMonth, type).toContain('DA  - 2021/04//')
    }
  })

  it('writes a conference paper with every field a reference manager reads, one value a line', () => {
    const paper: PublicationFrontmatter = {
      ...withMath.frontmatter,
      month: 12,
      pages: '1–18',
      issue: '2',
      doi: '10.5555/3540261.3540524',
      website: 'https://example.org/stability',
      tags: ['invariance', 'kernel methods'],
    }
    expect(toRis(toCsl({ ...paper, body: 'We find $\\epsilon_t$.' }, 'petrini2021relative')).split('\n')).toEqual([
      'TY  - CONF',
      'ID  - petrini2021relative',
      'TI  - Relative stability toward diffeomorphisms indicates performance in deep nets',
      'AU  - Petrini, Leonardo',
      'AU  - Favero, Alessandro',
      'AU  - Geiger, Mario',
      'AU  - Wyart, Matthieu',
      'T2  - Advances in Neural Information Processing Systems 34 (NeurIPS 2021)',
      'C3  - Advances in Neural Information Processing Systems 34 (NeurIPS 2021)',
      'J2  - NeurIPS',
      'PY  - 2021',
      'DA  - 2021/12//',
      'VL  - 34',
      'IS  - 2',
      'SP  - 1',
      'EP  - 18',
      'DO  - 10.5555/3540261.3540524',
      'UR  - https://example.org/stability',
      'N1  - arXiv:2105.02468',
      'AB  - We find ε_t.',
      'KW  - invariance',
      'KW  - kernel methods',
      'ER  - ',
    ])
  })

  it('keeps a long abstract on its one AB line: no line of the record is a continuation', () => {
    const abstract = Array.from({ length: 400 }, (_, n) => `word${n} deep-nets`).join(' ')
    const ris = toRis(csl({ ...landscape.frontmatter, body: abstract }))
    for (const line of ris.split('\n')) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /)
    expect(ris.split('\n')).toContain(`AB  - ${abstract}`)
    expect(citationJs(ris).abstract).toBe(abstract)
  })

  it('writes a preprint with arXiv as its repository and its arXiv number, and no container', () => {
    const ris = toRis(csl(preprint.frontmatter)).split('\n')
    expect(ris).toEqual(expect.arrayContaining(['TY  - GEN', 'PB  - arXiv', 'M1  - arXiv:2210.01506']))
    expect(ris.some((line) => /^(T2|J2|C3)  -/.test(line))).toBe(false)
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

  it('types a preprint as CSL does (article), with arXiv as its publisher and number, and no invented container', () => {
    const item = csl(preprint.frontmatter)
    expect(item).toMatchObject({ type: 'article', publisher: 'arXiv', number: 'arXiv:2210.01506' })
    expect(item).not.toHaveProperty('container-title')
    expect(item).not.toHaveProperty('container-title-short')
    expect(csl({ ...preprint.frontmatter, arxiv: undefined, venue: 'bioRxiv' })).toMatchObject({ publisher: 'bioRxiv' })
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

  it('cites the arXiv preprint in APA as APA 7 cites one: "(arXiv:<id>). arXiv.", and in MLA and Chicago with its repository', () => {
    const item = csl(preprint.frontmatter)
    const authors = 'Tomasini, Umberto M., Leonardo Petrini, Francesco Cagnetta, and Matthieu Wyart'
    const title = 'How Deep Convolutional Neural Networks Lose Spatial Information with Training'
    const doi = 'https://doi.org/10.1088/2632-2153/ad092c'
    expect(formatCitation(item, 'apa')).toBe(
      `Tomasini, U. M., Petrini, L., Cagnetta, F., & Wyart, M. (2022). How deep convolutional neural networks lose spatial information with training (arXiv:2210.01506). arXiv. ${doi}`,
    )
    expect(formatCitation(item, 'mla')).toBe(
      `Tomasini, Umberto M., et al. “${title}.” arXiv:2210.01506, arXiv, 2022, ${doi}.`,
    )
    expect(formatCitation(item, 'chicago')).toBe(
      `${authors}. 2022. “${title}.” arXiv:2210.01506. Preprint, arXiv. ${doi}.`,
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
      expect(apa).toMatch(new RegExp(`\\(${year}\\)\\. ${frontmatter.title}( \\(arXiv:[^)]+\\))?\\.`))
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

describe('every export parses back', () => {
  const page = 'https://example.org/publications/p'
  const venues: Record<PublicationFrontmatter['type'] & string, string> = {
    article: 'Journal of Things',
    conference: 'Proceedings of the Workshop on Things',
    preprint: 'arXiv preprint',
    thesis: 'EPFL',
    book: 'Springer',
    chapter: 'A Handbook of Things',
    talk: 'Seminar on Things',
    other: 'A Technical Report Series',
  }
  // Some with an arXiv id, some with a website (then the link), some with neither (then the page).
  const ofEveryType = PUBLICATION_TYPES.map((type, n) => ({
    name: `a paper of type ${type}`,
    body: 'We find $\\epsilon_t \\approx 0.2\\sqrt{R_f}$.',
    frontmatter: {
      title: `Scaling laws of the ${type} kind`,
      year: 2010 + n,
      ...(n % 2 ? { month: n, website: `https://example.org/${type}` } : {}),
      ...(n % 3 ? { arxiv: `2101.0000${n}` } : {}),
      authors: [{ name: 'Ada Lovelace' }, { name: 'Charles Babbage' }, { name: 'Mary Somerville' }],
      type,
      venue: venues[type],
      doi: `10.1000/${type}.${n}`,
    } satisfies PublicationFrontmatter,
  }))

  type Fields = {
    title?: string | undefined
    authors?: { given?: string | undefined; family?: string | undefined }[] | undefined
    year?: number | undefined
    doi?: string | undefined
    arxiv?: string | undefined
    url?: string | undefined
  }

  /** What the paper says, as every export must give it back (the sample names are "Given Family"). */
  function expectedFields(paper: PublicationFrontmatter): Fields {
    return {
      title: paper.title,
      authors: paper.authors.map(({ name }) => ({
        given: name.split(' ').slice(0, -1).join(' '),
        family: name.split(' ').at(-1),
      })),
      year: paper.year,
      doi: paper.doi,
      arxiv: paper.arxiv,
      url: paper.website ?? (paper.arxiv ? `https://arxiv.org/abs/${paper.arxiv}` : page),
    }
  }

  function fieldsOfCsl(record: ReadBack): Fields {
    return {
      title: record.title,
      authors: record.author?.map(({ given, family }) => ({ given, family })),
      year: (record.issued ?? record['event-date'])?.['date-parts'][0][0],
      doi: record.DOI,
      arxiv: /^arXiv:(\S+)$/.exec(record.number ?? record.note ?? '')?.[1],
      url: record.URL,
    }
  }

  function fieldsOfBibtex(text: string): Fields {
    const { fields } = parseOne(text)
    return {
      title: fields.title,
      authors: fields.author?.map((creator) => ({ given: creator.firstName, family: creator.lastName })),
      year: Number(fields.year),
      doi: fields.doi,
      arxiv: fields.archiveprefix === 'arXiv' ? fields.eprint : undefined,
      url: fields.url,
    }
  }

  it.each([...samples, ...ofEveryType].map((paper) => [paper.name, paper] as const))(
    '%s: BibTeX, RIS and CSL-JSON give back its title, authors, year, DOI, arXiv id and URL',
    (_, { frontmatter, body }) => {
      const item = toCsl({ ...frontmatter, body }, bibtexKeyFor(frontmatter), page)
      const want = expectedFields(frontmatter)
      const bibtex = toBibtexEntries(item)
      const ris = toRis(item)
      const json = toCslJson([item])
      expect(fieldsOfBibtex(bibtex)).toEqual(want)
      // citation-js's BibTeX reader keeps the eprint of PubMed papers only: the arXiv id is read above.
      expect(fieldsOfCsl(citationJs(bibtex))).toEqual({ ...want, arxiv: undefined })
      expect(fieldsOfCsl(citationJs(ris))).toEqual(want)
      const records: ReadBack[] = JSON.parse(json)
      expect(records).toHaveLength(1)
      expect(fieldsOfCsl(records[0] ?? {})).toEqual(want)
      for (const text of [bibtex, ris, json]) expect(text).not.toContain('epsilont')
    },
  )

  it('writes the math of an abstract as readable text in RIS and CSL-JSON, never as "epsilont"', () => {
    expect(withMath.body).toContain('$\\epsilon_t \\approx 0.2\\sqrt{R_f}$')
    const item = toCsl({ ...withMath.frontmatter, body: withMath.body }, 'petrini2021relative', page)
    const ris = toRis(item)
    const [record]: ReadBack[] = JSON.parse(toCslJson([item]))
    expect(ris.split('\n').find((line) => line.startsWith('AB  - '))).toContain('we find ε_t ≈ 0.2√(R_f), suggesting')
    expect(citationJs(ris).abstract).toContain('we find ε_t ≈ 0.2√(R_f), suggesting')
    expect(record?.abstract).toContain('we find ε_t ≈ 0.2√(R_f), suggesting')
  })
})
