import { describe, expect, it } from 'vitest'
import { facetsOf, filterPublications, hasFilters, matchesSearch, parseFilters, type Filters } from './filter'
import { filtersToQuery } from './routes.mjs'
import type { PublicationFrontmatter } from './schema'

type Paper = Pick<PublicationFrontmatter, 'title' | 'authors' | 'venue' | 'venueShort' | 'type' | 'tags' | 'year'>

const names = (...list: string[]) => list.map((name) => ({ name }))

const deepConv: Paper = {
  title: 'How deep convolutional neural networks lose spatial information with training',
  authors: names('Umberto M. Tomasini', 'Leonardo Petrini', 'Francesco Cagnetta', 'Matthieu Wyart'),
  venue: 'arXiv preprint arXiv:2210.01506',
  venueShort: 'arXiv',
  type: 'preprint',
  tags: ['deep learning theory', 'invariance', 'convolutional networks'],
  year: 2022,
}
const sparse: Paper = {
  title: 'Learning sparse features can lead to overfitting in neural networks',
  authors: names('Leonardo Petrini', 'Francesco Cagnetta', 'Eric Vanden-Eijnden', 'Matthieu Wyart'),
  venue: 'Advances in Neural Information Processing Systems 35 (NeurIPS 2022)',
  venueShort: 'NeurIPS',
  type: 'conference',
  tags: ['deep learning theory', 'feature learning'],
  year: 2022,
}
const landscape: Paper = {
  title: 'Landscape and training regimes in deep learning',
  authors: names('Mario Geiger', 'Leonardo Petrini', 'Matthieu Wyart'),
  venue: 'Physics Reports',
  venueShort: 'Phys. Rep.',
  type: 'article',
  tags: ['deep learning theory', 'jamming'],
  year: 2021,
}
const accented: Paper = {
  title: 'Réseaux de neurones et symétries',
  authors: names('Hélène Müller'),
  year: 2019,
}
const papers = [deepConv, sparse, landscape, accented]
const titles = (list: readonly Paper[]) => list.map((x) => x.title)

describe('parseFilters', () => {
  it('reads every filter from a query string', () => {
    expect(parseFilters(new URLSearchParams('q=sparse&type=conference&tag=jamming&year=2021'))).toEqual({
      q: 'sparse',
      type: 'conference',
      tag: 'jamming',
      year: 2021,
    })
  })

  it('reads Next.js search params, taking the first of repeated values', () => {
    expect(parseFilters({ type: ['article', 'conference'], year: '2022', q: undefined })).toEqual({
      type: 'article',
      year: 2022,
    })
  })

  it('ignores an unknown type', () => {
    expect(parseFilters(new URLSearchParams('type=journal'))).toEqual({})
    expect(parseFilters(new URLSearchParams('type=Article'))).toEqual({})
  })

  it('ignores a year that is not four digits', () => {
    for (const year of ['abc', '21', '20211', '2021.5', '-2021', '2021a']) {
      expect(parseFilters(new URLSearchParams({ year })), year).toEqual({})
    }
  })

  it('drops empty and blank values, and trims the rest', () => {
    expect(parseFilters(new URLSearchParams('q=&type=&tag=%20%20&year='))).toEqual({})
    expect(parseFilters(new URLSearchParams('q=%20sparse%20'))).toEqual({ q: 'sparse' })
  })

  it('caps the length of free text', () => {
    expect(parseFilters(new URLSearchParams({ q: 'x'.repeat(1000) })).q).toHaveLength(200)
    expect(parseFilters(new URLSearchParams({ tag: 'x'.repeat(1000) })).tag).toHaveLength(60)
  })
})

describe('hasFilters', () => {
  it('is false only when no filter is set', () => {
    expect(hasFilters({})).toBe(false)
    expect(hasFilters({ year: 2021 })).toBe(true)
    expect(hasFilters({ q: 'x' })).toBe(true)
  })
})

describe('search', () => {
  it('matches a word of the title, an author or the venue', () => {
    expect(titles(filterPublications(papers, { q: 'sparse' }))).toEqual([sparse.title])
    expect(titles(filterPublications(papers, { q: 'Geiger' }))).toEqual([landscape.title])
    expect(titles(filterPublications(papers, { q: 'physics reports' }))).toEqual([landscape.title])
    expect(titles(filterPublications(papers, { q: 'NeurIPS' }))).toEqual([sparse.title])
  })

  it('needs every word, and the words may come from different fields', () => {
    // "deep" is in two titles, and a topic of the third.
    expect(titles(filterPublications(papers, { q: 'wyart deep' }))).toEqual([
      deepConv.title,
      sparse.title,
      landscape.title,
    ])
    expect(titles(filterPublications(papers, { q: 'tomasini spatial arxiv' }))).toEqual([deepConv.title])
    expect(filterPublications(papers, { q: 'sparse geiger' })).toEqual([])
  })

  it('ignores case, accents and punctuation in both the query and the paper', () => {
    expect(titles(filterPublications(papers, { q: 'helene muller' }))).toEqual([accented.title])
    expect(titles(filterPublications(papers, { q: 'RÉSEAUX' }))).toEqual([accented.title])
    expect(titles(filterPublications(papers, { q: 'vanden eijnden' }))).toEqual([sparse.title])
    expect(titles(filterPublications(papers, { q: 'Pétrini,  SPARSE!' }))).toEqual([sparse.title])
  })

  it('searches topics and, when given, the abstract', () => {
    expect(matchesSearch(landscape, 'jamming')).toBe(true)
    expect(matchesSearch(landscape, 'jamming geiger')).toBe(true)
    expect(matchesSearch(landscape, 'overparametrized')).toBe(false)
    const withAbstract = { ...landscape, abstract: 'Deep nets are OVER-parametrized; see Équation (1).' }
    expect(matchesSearch(withAbstract, 'overparametrized')).toBe(false)
    expect(matchesSearch(withAbstract, 'over parametrized equation jamming')).toBe(true)
  })
})

describe('filterPublications', () => {
  it('filters by type, counting a paper without type as "other"', () => {
    expect(titles(filterPublications(papers, { type: 'conference' }))).toEqual([sparse.title])
    expect(titles(filterPublications(papers, { type: 'other' }))).toEqual([accented.title])
    expect(filterPublications(papers, { type: 'thesis' })).toEqual([])
  })

  it('filters by tag and by year', () => {
    expect(titles(filterPublications(papers, { tag: 'invariance' }))).toEqual([deepConv.title])
    expect(titles(filterPublications(papers, { year: 2022 }))).toEqual([deepConv.title, sparse.title])
  })

  it('combines filters with AND', () => {
    expect(titles(filterPublications(papers, { tag: 'deep learning theory', year: 2021 }))).toEqual([landscape.title])
    expect(filterPublications(papers, { type: 'article', year: 2022 })).toEqual([])
  })

  it('returns everything without filters', () => {
    expect(filterPublications(papers, {})).toEqual(papers)
  })
})

describe('facetsOf', () => {
  it('offers only the types, tags and years in use', () => {
    expect(facetsOf([deepConv, landscape])).toEqual({
      types: ['article', 'preprint'],
      tags: ['convolutional networks', 'deep learning theory', 'invariance', 'jamming'],
      years: [2022, 2021],
    })
  })

  it('lists types in the schema order, tags alphabetically, years newest first, each once', () => {
    const facets = facetsOf(papers)
    expect(facets.types).toEqual(['article', 'conference', 'preprint', 'other'])
    expect(facets.tags).toEqual([
      'convolutional networks',
      'deep learning theory',
      'feature learning',
      'invariance',
      'jamming',
    ])
    expect(facets.years).toEqual([2022, 2021, 2019])
  })

  it('offers nothing for no publications', () => {
    expect(facetsOf([])).toEqual({ types: [], tags: [], years: [] })
  })
})

describe('filtersToQuery', () => {
  it('is empty without filters', () => {
    expect(filtersToQuery({})).toBe('')
  })

  it('gives the same URL for the same filters, whatever order they were set in', () => {
    const a: Filters = { year: 2021, type: 'article', q: 'deep', tag: 'jamming' }
    const b: Filters = { tag: 'jamming', q: 'deep', type: 'article', year: 2021 }
    expect(filtersToQuery(a)).toBe('?q=deep&type=article&tag=jamming&year=2021')
    expect(filtersToQuery(b)).toBe(filtersToQuery(a))
  })

  it('encodes values and round-trips through parseFilters', () => {
    const filters: Filters = { q: 'a&b = c?', tag: 'deep learning theory', year: 2022 }
    const query = filtersToQuery(filters)
    expect(query).not.toContain(' ')
    expect(query).not.toContain('&b')
    expect(parseFilters(new URLSearchParams(query.slice(1)))).toEqual(filters)
  })
})
