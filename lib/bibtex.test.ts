import { describe, expect, it } from 'vitest'
import { bibtexKeyFor, escapeLatex, toBibtex } from './bibtex'
import type { PublicationFrontmatter } from './schema'

const landscape: PublicationFrontmatter = {
  title: 'Landscape and training regimes in deep learning',
  year: 2021,
  month: 4,
  authors: [{ name: 'Mario Geiger' }, { name: 'Leonardo Petrini' }, { name: 'Matthieu Wyart' }],
  venue: 'Physics Reports',
  venueShort: 'Phys. Rep.',
  pages: '1–18',
  type: 'article',
  arxiv: '2012.15110',
  doi: '10.1016/j.physrep.2021.04.001',
}

/** The value of one field, as written between `=` and the end of its line. */
function field(bibtex: string, name: string): string | undefined {
  return new RegExp(`^  ${name}\\s*= (.*?),?$`, 'm').exec(bibtex)?.[1]
}

describe('toBibtex', () => {
  it('writes a complete, aligned journal article entry', () => {
    expect(toBibtex(landscape)).toBe(
      [
        '@article{geiger2021landscape,',
        '  title         = {{Landscape and training regimes in deep learning}},',
        '  author        = {Mario Geiger and Leonardo Petrini and Matthieu Wyart},',
        '  journal       = {Physics Reports},',
        '  pages         = {1--18},',
        '  year          = {2021},',
        '  month         = apr,',
        '  doi           = {10.1016/j.physrep.2021.04.001},',
        '  eprint        = {2012.15110},',
        '  archivePrefix = {arXiv},',
        '  url           = {https://doi.org/10.1016/j.physrep.2021.04.001}',
        '}',
      ].join('\n'),
    )
  })

  it('chooses the entry type and venue field from the publication type', () => {
    const cases = [
      ['article', '@article{', 'journal'],
      ['conference', '@inproceedings{', 'booktitle'],
      ['preprint', '@article{', 'journal'],
      ['thesis', '@phdthesis{', 'school'],
      ['book', '@book{', 'publisher'],
      ['chapter', '@incollection{', 'booktitle'],
      ['talk', '@misc{', 'howpublished'],
      ['other', '@misc{', 'howpublished'],
    ] as const
    for (const [type, start, venueField] of cases) {
      const bibtex = toBibtex({ ...landscape, type, venue: 'Somewhere' })
      expect(bibtex.startsWith(start), type).toBe(true)
      expect(field(bibtex, venueField), type).toBe('{Somewhere}')
    }
    expect(toBibtex({ ...landscape, type: undefined }).startsWith('@misc{')).toBe(true)
  })

  it('names a preprint without venue after its arXiv id', () => {
    const bibtex = toBibtex({ ...landscape, type: 'preprint', venue: undefined, doi: undefined })
    expect(field(bibtex, 'journal')).toBe('{arXiv preprint arXiv:2012.15110}')
  })

  it('escapes & % _ # in text fields but leaves $math$ alone', () => {
    const bibtex = toBibtex({
      ...landscape,
      title: 'Noise & 50% of x_1 #2 with $\\epsilon_t \\approx 0.2\\sqrt{R_f}$',
      venue: 'Research & Development',
    })
    expect(field(bibtex, 'title')).toBe('{{Noise \\& 50\\% of x\\_1 \\#2 with $\\epsilon_t \\approx 0.2\\sqrt{R_f}$}}')
    expect(field(bibtex, 'journal')).toBe('{Research \\& Development}')
  })

  it('turns any dash in page ranges into --', () => {
    for (const pages of ['1–18', '1—18', '1-18', '1 - 18', '1--18']) {
      expect(field(toBibtex({ ...landscape, pages }), 'pages'), pages).toBe('{1--18}')
    }
    expect(field(toBibtex({ ...landscape, pages: '044001' }), 'pages')).toBe('{044001}')
  })

  it('writes the month as an unbraced macro, and leaves it out when unknown', () => {
    expect(field(toBibtex({ ...landscape, month: 1 }), 'month')).toBe('jan')
    expect(field(toBibtex({ ...landscape, month: 12 }), 'month')).toBe('dec')
    expect(toBibtex({ ...landscape, month: undefined })).not.toMatch(/month/)
  })

  it('keeps DOIs and URLs verbatim, underscores included', () => {
    const bibtex = toBibtex({ ...landscape, doi: '10.1000/a_b%c', website: 'https://example.org/x_y?a=1&b=2' })
    expect(field(bibtex, 'doi')).toBe('{10.1000/a_b%c}')
    expect(field(bibtex, 'url')).toBe('{https://example.org/x_y?a=1&b=2}')
  })

  it('writes volume and issue as volume and number', () => {
    const bibtex = toBibtex({ ...landscape, volume: '2021', issue: '4' })
    expect(field(bibtex, 'volume')).toBe('{2021}')
    expect(field(bibtex, 'number')).toBe('{4}')
  })

  it('leaves out fields that are not known', () => {
    const bibtex = toBibtex({ title: 'T', year: 2020, authors: [{ name: 'A B' }], type: 'article' })
    expect(bibtex).toBe('@article{b2020t,\n  title  = {{T}},\n  author = {A B},\n  year   = {2020}\n}')
  })
})

describe('bibtexKeyFor', () => {
  it('is the first author last name, the year and the first significant title word', () => {
    expect(
      bibtexKeyFor({
        title: 'How deep convolutional neural networks lose spatial information with training',
        year: 2022,
        authors: [{ name: 'Umberto M. Tomasini' }, { name: 'Leonardo Petrini' }],
      }),
    ).toBe('tomasini2022deep')
    expect(bibtexKeyFor(landscape)).toBe('geiger2021landscape')
  })

  it('strips accents, hyphens and punctuation', () => {
    expect(bibtexKeyFor({ title: 'The Über-model', year: 2019, authors: [{ name: 'Eric Vanden-Eijnden' }] })).toBe('vandeneijnden2019uber')
    expect(bibtexKeyFor({ title: 'Ça marche', year: 2019, authors: [{ name: 'Hélène Müller' }] })).toBe('muller2019ca')
  })

  it('uses the explicit key when one is given', () => {
    expect(bibtexKeyFor({ ...landscape, bibtexKey: 'Geiger:2021' })).toBe('Geiger:2021')
    expect(toBibtex({ ...landscape, bibtexKey: 'Geiger:2021' }).startsWith('@article{Geiger:2021,\n')).toBe(true)
  })
})

describe('escapeLatex', () => {
  it('escapes every LaTeX special character', () => {
    expect(escapeLatex('a & b % c _ d # e')).toBe('a \\& b \\% c \\_ d \\# e')
    expect(escapeLatex('{x}')).toBe('\\{x\\}')
    expect(escapeLatex('~^\\')).toBe('\\textasciitilde{}\\textasciicircum{}\\textbackslash{}')
  })

  it('keeps each $…$ span as written and escapes between them', () => {
    expect(escapeLatex('$a_1$ & $b_2$ 5%')).toBe('$a_1$ \\& $b_2$ 5\\%')
  })

  it('escapes a lone dollar sign', () => {
    expect(escapeLatex('costs $5')).toBe('costs \\$5')
  })

  it('leaves plain text unchanged', () => {
    expect(escapeLatex('Geometric compression of invariant manifolds')).toBe('Geometric compression of invariant manifolds')
  })
})
