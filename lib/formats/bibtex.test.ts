import { describe, expect, it } from 'vitest'
import { bibtexKeyFor, citationKeys } from './bibtex'
import type { PublicationFrontmatter } from '../domain/schema'

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
    expect(bibtexKeyFor({ title: 'The Über-model', year: 2019, authors: [{ name: 'Eric Vanden-Eijnden' }] })).toBe(
      'vandeneijnden2019uber',
    )
    expect(bibtexKeyFor({ title: 'Ça marche', year: 2019, authors: [{ name: 'Hélène Müller' }] })).toBe('muller2019ca')
  })

  it('uses the explicit key when one is given', () => {
    expect(bibtexKeyFor({ ...landscape, bibtexKey: 'Geiger:2021' })).toBe('Geiger:2021')
  })
})

describe('citationKeys', () => {
  const paper = (slug: string, year: number, extra: Partial<PublicationFrontmatter> = {}) => ({
    slug,
    title: 'Learning things',
    year,
    authors: [{ name: 'Ada Lovelace' }],
    ...extra,
  })

  it('gives every paper a distinct key BibTeX reads, however many share one', () => {
    const papers = Array.from({ length: 60 }, (_, n) => paper(`p-${n}`, 2020))
    const keys = [...citationKeys(papers).values()]
    expect(new Set(keys.map((key) => key.toLowerCase())).size).toBe(60)
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_:.-]+$/)
  })

  it('keeps the keys of older papers when a newer one with the same key is added', () => {
    const before = citationKeys([paper('old', 2019), paper('older', 2018)])
    const after = citationKeys([paper('new', 2024), paper('old', 2019), paper('older', 2018)])
    expect(after.get('old')).toBe(before.get('old'))
    expect(after.get('older')).toBe('lovelace2018learning')
    expect(after.get('new')).toBe('lovelace2024learning')
  })

  it('lets a paper keep its own key, and moves a made-up key that collides with it', () => {
    const keys = citationKeys([
      paper('mine', 2020, { bibtexKey: 'lovelace2020learning' }),
      paper('other', 2019, { year: 2020 }),
    ])
    expect(keys.get('mine')).toBe('lovelace2020learning')
    expect(keys.get('other')).toBe('lovelace2020learningb')
  })

  it('makes ASCII keys from any name, and ignores an own key BibTeX cannot read', () => {
    expect(bibtexKeyFor({ title: '深度学习 deep', year: 2020, authors: [{ name: '张伟' }] })).toBe('anonymous2020deep')
    expect(bibtexKeyFor({ title: 'Deep', year: 2020, authors: [{ name: 'Ada Lovelace' }], bibtexKey: 'a,b}' })).toBe(
      'lovelace2020deep',
    )
  })
})
