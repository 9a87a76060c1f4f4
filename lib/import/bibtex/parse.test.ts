import fs from 'node:fs'
import path from 'node:path'
import type { Nodes } from 'mdast'
import remarkMath from 'remark-math'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { toBibtex } from '../../formats/citations'
import { bibtexKeyFor } from '../../formats/bibtex'
import { publicationSchema, type PublicationFrontmatter } from '../../domain/schema'
import { parseBibtexImport, type ImportedEntry } from './parse'

/** The single entry a paste must yield, failing loudly with the errors otherwise. */
function only(input: string): ImportedEntry {
  const { entries, errors } = parseBibtexImport(input)
  expect(errors).toEqual([])
  expect(entries).toHaveLength(1)
  const [entry] = entries
  if (!entry) throw new Error('no entry')
  return entry
}

/** Node types of the body as the site's MDX pipeline (remark-math + MDX) reads it. */
function mdxNodeTypes(body: string): string[] {
  const types: string[] = []
  const walk = (node: Nodes) => {
    types.push(node.type)
    if ('children' in node) node.children.forEach(walk)
  }
  walk(unified().use(remarkParse).use(remarkMath).use(remarkMdx).parse(body))
  return types
}

const MDX_CODE_NODES = ['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement']

describe('parseBibtexImport: text', () => {
  it('turns LaTeX accents into Unicode in titles and names', () => {
    const entry = only(String.raw`@article{a,
      title = {Sch{\"o}lkopf's \'etude de {\c c}a, Erd\H{o}s and \v{S}koda},
      author = {M{\"u}ller, J{\"u}rgen and Jos\'e Garc\'{\i}a and Fran{\c c}ois Chollet},
      journal = {J}, year = {2020}}`)
    expect(entry.frontmatter.title).toBe("Schölkopf's étude de ça, Erdős and Škoda")
    expect(entry.frontmatter.authors.map((author) => author.name)).toEqual([
      'Jürgen Müller',
      'José García',
      'François Chollet',
    ])
    // Composed characters, so that searching for "García" finds it.
    expect(entry.frontmatter.authors[1]?.name).toBe('Jos\u00e9 Garc\u00eda')
  })

  it('drops case-protecting braces and keeps the capitalisation as written', () => {
    const entry = only(
      '@article{a, title = {{Disentangling} Feature Learning in the {NTK} Regime of {D}eep {ReLU} Nets}, author = {A B}, year = 2022}',
    )
    expect(entry.frontmatter.title).toBe('Disentangling Feature Learning in the NTK Regime of Deep ReLU Nets')
  })

  it('keeps math in titles as written', () => {
    const entry = only(
      String.raw`@article{a, title = {{$\epsilon$-greedy} exploration with $O(n^{2})$ cost and \(\alpha\)-stable noise}, author = {A B}, year = 2022}`,
    )
    expect(entry.frontmatter.title).toBe(
      String.raw`$\epsilon$-greedy exploration with $O(n^{2})$ cost and $\alpha$-stable noise`,
    )
  })

  it('converts dashes, escaped specials and markup commands, and keeps a literal %', () => {
    const entry = only(
      String.raw`@article{a, title = {R\&D -- a \emph{100\%} \textbf{guide} to \textsc{Ai}~models, 50% faster: a<b>c}, author = {A B}, year = 2022}`,
    )
    expect(entry.frontmatter.title).toBe('R&D – a 100% guide to Ai models, 50% faster: a<b>c')
  })

  it('keeps corporate (braced) names whole and drops "and others" with a warning', () => {
    const entry = only(
      '@misc{a, title = {T}, author = {{Google DeepMind} and van der Berg, Jan and King, Jr., Martin and others}, year = 2023}',
    )
    expect(entry.frontmatter.authors).toEqual([
      { name: 'Google DeepMind' },
      { name: 'Jan van der Berg' },
      { name: 'Martin King Jr.' },
    ])
    expect(entry.warnings.join('\n')).toMatch(/and others/)
  })

  it('uses the editors when there are no authors, and says so', () => {
    const entry = only(
      '@proceedings{a, title = {Proceedings of X}, editor = {Ada Lovelace}, year = 2020, publisher = {PMLR}}',
    )
    expect(entry.frontmatter.authors).toEqual([{ name: 'Ada Lovelace' }])
    expect(entry.frontmatter.venue).toBe('PMLR')
    expect(entry.warnings.join('\n')).toMatch(/editors/)
  })
})

describe('parseBibtexImport: dates', () => {
  it.each([
    ['oct', 10],
    ['{October}', 10],
    ['"january"', 1],
    ['{Sept.}', 9],
    ['3', 3],
    ['{12}', 12],
  ])('reads month = %s as %i', (month, expected) => {
    expect(only(`@article{a, title = {T}, author = {A B}, year = 2021, month = ${month}}`).frontmatter.month).toBe(
      expected,
    )
  })

  it('omits a month it cannot read, with a warning', () => {
    const entry = only('@article{a, title = {T}, author = {A B}, year = 2021, month = {13}}')
    expect(entry.frontmatter.month).toBeUndefined()
    expect(entry.warnings.join('\n')).toMatch(/month/)
  })

  it('reads year and month from a biblatex date when there is no year', () => {
    const entry = only('@online{a, title = {T}, author = {A B}, date = {2023-05-17}}')
    expect(entry.frontmatter).toMatchObject({ year: 2023, month: 5 })
  })

  it('reports a missing or non-numeric year as an error for that entry only', () => {
    const { entries, errors } = parseBibtexImport(`
@article{noyear, title = {No year}, author = {A B}}
@article{inpress, title = {In press}, author = {A B}, year = {in press}}
@article{old, title = {Old}, author = {A B}, year = {1850}}
@article{fine, title = {Fine}, author = {A B}, year = {2020}}`)
    expect(entries.map((entry) => entry.key)).toEqual(['fine'])
    expect(errors.map((error) => [error.key, error.line])).toEqual([
      ['noyear', 2],
      ['inpress', 3],
      ['old', 4],
    ])
    expect(errors[0]?.message).toBe('Entry “noyear” (line 2) has no year.')
    expect(errors[1]?.message).toMatch(/in press/)
  })

  it('reports an entry without title or authors', () => {
    const { errors } = parseBibtexImport(
      '@article{a, author = {A B}, year = 2020}\n@article{b, title = {T}, year = 2020}',
    )
    expect(errors.map((error) => error.message)).toEqual([
      'Entry “a” (line 1) has no title.',
      'Entry “b” (line 2) has no authors.',
    ])
  })
})

describe('parseBibtexImport: types, venues and identifiers', () => {
  const paste = String.raw`
@string{neurips = "Advances in Neural Information Processing Systems"}

@inproceedings{petrini2021relative,
  title     = {Relative stability toward diffeomorphisms indicates performance in deep nets},
  author    = {Petrini, Leonardo and Favero, Alessandro and Geiger, Mario and Wyart, Matthieu},
  booktitle = neurips,
  volume    = {34},
  pages     = {8727--8739},
  year      = {2021},
  month     = dec
}

@article{geiger2021landscape,
  title   = {Landscape and training regimes in deep learning},
  author  = {Geiger, Mario and Petrini, Leonardo and Wyart, Matthieu},
  journal = {Physics Reports},
  volume  = {924},
  number  = {1},
  pages   = {1--18},
  year    = {2021},
  doi     = {https://doi.org/10.1016/j.physrep.2021.04.001},
  url     = {https://doi.org/10.1016/j.physrep.2021.04.001},
  keywords = {deep learning theory; phase diagram,  jamming }
}

@misc{tomasini2022how,
  title         = {How deep convolutional neural networks lose spatial information with training},
  author        = {Umberto M. Tomasini and Leonardo Petrini and Francesco Cagnetta and Matthieu Wyart},
  year          = {2022},
  eprint        = {2210.01506v3},
  archivePrefix = {arXiv},
  primaryClass  = {cs.LG}
}`

  const { entries, errors } = parseBibtexImport(paste)
  const byKey = (key: string) => entries.find((entry) => entry.key === key)

  it('imports every entry as a valid draft', () => {
    expect(errors).toEqual([])
    expect(entries.map((entry) => [entry.key, entry.line])).toEqual([
      ['petrini2021relative', 4],
      ['geiger2021landscape', 14],
      ['tomasini2022how', 27],
    ])
    for (const entry of entries) {
      expect(publicationSchema.parse(entry.frontmatter)).toEqual(entry.frontmatter)
      expect(entry.frontmatter.draft).toBe(true)
      expect(entry.frontmatter.bibtexKey).toBe(entry.key)
    }
  })

  it('maps @inproceedings with an @string booktitle to a conference paper', () => {
    expect(byKey('petrini2021relative')?.frontmatter).toMatchObject({
      type: 'conference',
      venue: 'Advances in Neural Information Processing Systems',
      volume: '34',
      pages: '8727–8739',
      month: 12,
      authors: [
        { name: 'Leonardo Petrini' },
        { name: 'Alessandro Favero' },
        { name: 'Mario Geiger' },
        { name: 'Matthieu Wyart' },
      ],
    })
  })

  it('maps @article, strips the DOI URL and turns keywords into tags', () => {
    const entry = byKey('geiger2021landscape')
    expect(entry?.frontmatter).toMatchObject({
      type: 'article',
      venue: 'Physics Reports',
      volume: '924',
      issue: '1',
      pages: '1–18',
      doi: '10.1016/j.physrep.2021.04.001',
    })
    // The url only repeats the DOI, which has its own button.
    expect(entry?.frontmatter.website).toBeUndefined()
    expect([...(entry?.frontmatter.tags ?? [])].sort()).toEqual(['deep learning theory', 'jamming', 'phase diagram'])
  })

  it('maps an arXiv @misc with eprint to a preprint', () => {
    expect(byKey('tomasini2022how')?.frontmatter).toMatchObject({
      type: 'preprint',
      arxiv: '2210.01506v3',
      venueShort: 'arXiv',
    })
    expect(byKey('tomasini2022how')?.frontmatter.venue).toBeUndefined()
  })

  it.each([
    ['@article{a, journal = {arXiv preprint arXiv:2105.02468}', 'preprint', '2105.02468'],
    ['@article{a, journal = {CoRR}, volume = {abs/2105.02468}', 'preprint', '2105.02468'],
    ['@misc{a, note = {arXiv:hep-th/9901001}', 'preprint', 'hep-th/9901001'],
    ['@misc{a, url = {https://arxiv.org/abs/2105.02468v2}', 'preprint', '2105.02468v2'],
    ['@unpublished{a, eprint = {2105.02468}, eprinttype = {arxiv}', 'preprint', '2105.02468'],
    ['@techreport{a, institution = {EPFL}', 'other', undefined],
    ['@article{a, journal = {Nature}, eprint = {2105.02468}, archivePrefix = {arXiv}', 'article', '2105.02468'],
    ['@phdthesis{a, school = {EPFL}', 'thesis', undefined],
    ['@mastersthesis{a, school = {EPFL}', 'thesis', undefined],
    ['@book{a, publisher = {MIT Press}', 'book', undefined],
    ['@incollection{a, booktitle = {Handbook}', 'chapter', undefined],
    ['@inbook{a, booktitle = {Handbook}', 'chapter', undefined],
    ['@conference{a, booktitle = {ICML}', 'conference', undefined],
    ['@manual{a, howpublished = {Online}', 'other', undefined],
  ])('%s → %s', (head, type, arxiv) => {
    const entry = only(`${head}, title = {T}, author = {A B}, year = 2021}`)
    expect(entry.frontmatter.type).toBe(type)
    expect(entry.frontmatter.arxiv).toBe(arxiv)
    if (type === 'preprint') expect(entry.frontmatter.venueShort).toBe('arXiv')
    if (/CoRR/.test(head)) expect(entry.frontmatter.volume).toBeUndefined()
  })

  it('takes the venue from the field that fits the type', () => {
    expect(
      only('@phdthesis{a, title = {T}, author = {A B}, year = 2021, school = {EPFL}, publisher = {P}}').frontmatter
        .venue,
    ).toBe('EPFL')
    expect(
      only('@incollection{a, title = {T}, author = {A B}, year = 2021, booktitle = {Handbook}, publisher = {P}}')
        .frontmatter.venue,
    ).toBe('Handbook')
    expect(
      only('@techreport{a, title = {T}, author = {A B}, year = 2021, institution = {CERN}}').frontmatter.venue,
    ).toBe('CERN')
  })

  it('reads DOIs written as doi.org URLs, doi: prefixes or with escaped underscores', () => {
    const doi = (value: string) =>
      only(`@article{a, title = {T}, author = {A B}, year = 2021, doi = {${value}}}`).frontmatter.doi
    expect(doi('http://dx.doi.org/10.1088/1742-5468/abf1f3')).toBe('10.1088/1742-5468/abf1f3')
    expect(doi('doi:10.1000/xyz')).toBe('10.1000/xyz')
    expect(doi(String.raw`10.1000/a\_b`)).toBe('10.1000/a_b')
    expect(
      only('@article{a, title = {T}, author = {A B}, year = 2021, url = {https://doi.org/10.1000/xyz}}').frontmatter
        .doi,
    ).toBe('10.1000/xyz')
  })

  it('drops fields the schema refuses, naming them in a warning', () => {
    const entry = only(`@article{a, title = {T}, author = {A B}, year = 2021,
      doi = {not a doi}, eprint = {12345}, archivePrefix = {arXiv}, url = {ftp://example.org/x}, pdf = {/home/me/paper.pdf},
      file = {:paper.pdf:PDF}, volume = {${'9'.repeat(60)}}}`)
    expect(entry.frontmatter).not.toHaveProperty('doi')
    expect(entry.frontmatter).not.toHaveProperty('arxiv')
    expect(entry.frontmatter).not.toHaveProperty('website')
    expect(entry.frontmatter).not.toHaveProperty('pdf')
    expect(entry.frontmatter.volume).toHaveLength(40)
    const warnings = entry.warnings.join('\n')
    expect(warnings).toMatch(/^doi: /m)
    expect(warnings).toMatch(/^arxiv: /m)
    expect(warnings).toMatch(/^website: /m)
    expect(warnings).toMatch(/^volume: /m)
  })

  it('keeps http(s) links: url as website, pdf field as pdf', () => {
    const entry = only(
      '@misc{a, title = {T}, author = {A B}, year = 2021, url = {https://example.org/project}, pdf = {https://example.org/a.pdf}}',
    )
    expect(entry.frontmatter).toMatchObject({
      website: 'https://example.org/project',
      pdf: 'https://example.org/a.pdf',
    })
  })

  it('cuts over-long titles to the schema limit with a warning', () => {
    const entry = only(`@article{a, title = {${'word '.repeat(150)}}, author = {A B}, year = 2021}`)
    expect(entry.frontmatter.title.length).toBeLessThanOrEqual(500)
    expect(entry.warnings.join('\n')).toMatch(/^title: cut/m)
  })

  it('keeps at most 10 tags', () => {
    const keywords = Array.from({ length: 14 }, (_, i) => `k${String(i).padStart(2, '0')}`).join(', ')
    const entry = only(
      `@article{a, title = {T}, author = {A B}, year = 2021, keywords = {${keywords}, {\\"o}ptimal transport}}`,
    )
    expect(entry.frontmatter.tags).toHaveLength(10)
    expect(entry.warnings.join('\n')).toMatch(/^tags: /m)
    expect(
      only('@article{a, title = {T}, author = {A B}, year = 2021, keywords = {{\\"o}ptimal transport}}').frontmatter
        .tags,
    ).toEqual(['öptimal transport'])
  })

  it('refuses a key the schema would not accept, with a warning, but keeps the entry', () => {
    const entry = only('@article{smith+2020, title = {T}, author = {A B}, year = 2021}')
    expect(entry.key).toBe('smith+2020')
    expect(entry.frontmatter.bibtexKey).toBeUndefined()
    expect(entry.warnings.join('\n')).toMatch(/^bibtexKey: /m)
  })

  it('warns about an undefined @string macro on the entry that uses it', () => {
    const { entries } = parseBibtexImport(
      '@inproceedings{a, title = {T}, author = {A B}, year = 2021, booktitle = icml}\n@article{b, title = {T}, author = {A B}, year = 2021}',
    )
    expect(entries[0]?.frontmatter.venue).toBe('icml')
    expect(entries[0]?.warnings.join('\n')).toMatch(/icml/)
    expect(entries[1]?.warnings).toEqual([])
  })
})

describe('parseBibtexImport: abstract', () => {
  const entry = only(String.raw`@article{a, title = {T}, author = {A B}, year = 2021,
    abstract = {We find $\epsilon_t \approx 0.2\sqrt{R_f}$ for {CIFAR10} when p < 0.05 and n>10; see {\em Fig.~2} {here}.
                Cost: \$5 and 30\% \textbf{less} <div onclick="x">{alert(1)}</div>.

                export const x = 1; a second paragraph with \'etude and $$\sum_i x_i$$.}}`)

  it('keeps math, drops LaTeX braces and splits paragraphs', () => {
    const [first, second] = entry.body.split('\n\n')
    expect(first).toContain(
      String.raw`$\epsilon_t \approx 0.2\sqrt{R_f}$ for CIFAR10 when p \< 0.05 and n\>10; see Fig. 2 here.`,
    )
    expect(first).toContain(String.raw`Cost: \$5 and 30% less \<div onclick="x"\>alert(1)\</div\>.`)
    expect(second).toMatch(/^&#101;xport const x = 1; a second paragraph with étude and \$\$\\sum_i x_i\$\$\.$/)
  })

  it('is plain MDX: no JSX, no {expressions}, no import/export; math stays math', () => {
    const types = mdxNodeTypes(entry.body)
    expect(types.filter((type) => MDX_CODE_NODES.includes(type))).toEqual([])
    // Exactly the two formulas: the escaped dollar in `\$5` is no math delimiter.
    expect(types.filter((type) => type === 'inlineMath')).toHaveLength(2)
  })

  it('is empty without an abstract', () => {
    expect(only('@article{a, title = {T}, author = {A B}, year = 2021}').body).toBe('')
  })
})

describe('parseBibtexImport: broken and empty input', () => {
  it('returns the good entries around a broken one and names it', () => {
    const { entries, errors } = parseBibtexImport(`@article{first,
  title = {First}, author = {A B}, year = {2020}
}

@article{broken,
  title = {Broken {brace},
  author = {C D}, year = {2021}
}

@article{third,
  title = {Third}, author = {E F}, year = {2022}
}`)
    expect(entries.map((entry) => [entry.key, entry.line])).toEqual([
      ['first', 1],
      ['third', 10],
    ])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ key: 'broken', line: 5 })
    expect(errors[0]?.message).toMatch(/^Entry “broken” \(line 5\) could not be read/)
  })

  it('names the entry once in each message, which the import page shows as it is', () => {
    const { errors } = parseBibtexImport(
      '@article{x, author = {A B}, year = 2020}\n@article{y, title = {Broken {brace}, author = {C D}, year = {2021}\n}\n@string{z = {unclosed}',
    )
    expect(errors.length).toBeGreaterThan(1)
    for (const { message } of errors) {
      expect(message).toMatch(/^(Entry “[^”]+”|An @string definition|An entry) \(line \d+\) /)
      expect(message.match(/Entry|An @string|An entry|\(line/g), message).toHaveLength(2)
    }
  })

  it('recovers after an entry whose closing brace is missing', () => {
    const { entries, errors } = parseBibtexImport(
      '@article{a, title = {A}, author = {A B}, year = 2020,\n@article{b, title = {B}, author = {A B}, year = 2020}',
    )
    expect(entries.map((entry) => entry.key)).toEqual(['b'])
    expect(errors).toMatchObject([{ key: 'a', line: 1 }])
  })

  it.each(['', '   \n\t '])('asks for an entry when the paste is empty (%j)', (input) => {
    expect(parseBibtexImport(input)).toEqual({ entries: [], errors: [{ message: 'Paste at least one BibTeX entry.' }] })
  })

  it('says so when the paste holds no entry', () => {
    const { entries, errors } = parseBibtexImport('just some text, no entries')
    expect(entries).toEqual([])
    expect(errors[0]?.message).toMatch(/No BibTeX entries/)
  })
})

describe('round trip of toBibtex', () => {
  const dir = path.resolve(__dirname, '../../../content/publications')
  const papers = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.mdx'))
    .map((file): [string, PublicationFrontmatter] => {
      const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fs.readFileSync(path.join(dir, file), 'utf8'))?.[1] ?? ''
      return [file, publicationSchema.parse(parseYaml(yaml))]
    })

  // No `<tag>` in the title: CSL, which the export goes through, reads angle-bracket tags as markup.
  const tricky: PublicationFrontmatter = {
    title: 'R&D at 100% — $\\alpha$-stable {braces}, under_score #1 ~ ^ in Zürich',
    year: 2020,
    month: 7,
    authors: [{ name: 'Ayşe Öztürk' }, { name: 'Jan van der Berg' }, { name: 'Li Fei-Fei' }],
    venue: 'Proc. of the 1st Workshop on A & B',
    type: 'conference',
    doi: '10.1000/a_b(c)',
  }

  it('covers the five sample papers', () => {
    expect(papers).toHaveLength(5)
  })

  it.each([...papers, ['tricky', tricky] as [string, PublicationFrontmatter]])(
    '%s imports back unchanged',
    (_, paper) => {
      const entry = only(toBibtex(paper, bibtexKeyFor(paper)))
      expect(entry.frontmatter.title).toBe(paper.title)
      expect(entry.frontmatter.authors.map((author) => author.name)).toEqual(paper.authors.map((author) => author.name))
      expect(entry.frontmatter.year).toBe(paper.year)
      expect(entry.frontmatter.month).toBe(paper.month)
      expect(entry.frontmatter.type).toBe(paper.type)
      expect(entry.frontmatter.doi).toBe(paper.doi)
      expect(entry.frontmatter.arxiv).toBe(paper.arxiv)
      // An arXiv preprint is `@misc` with its arXiv id, as arXiv exports it: a venue that only
      // names arXiv ("arXiv preprint arXiv:…") is no journal, and does not come back.
      expect(entry.frontmatter.venue).toBe(
        paper.type === 'preprint' && /^arXiv\b/i.test(paper.venue ?? '') ? undefined : paper.venue,
      )
      expect(entry.frontmatter.pages).toBe(paper.pages)
      expect(entry.warnings).toEqual([])
    },
  )
})
