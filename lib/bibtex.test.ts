import { describe, expect, it } from 'vitest'
import { bibtexKeyFor } from './bibtex'
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
  })
})
