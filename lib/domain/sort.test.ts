import { describe, expect, it } from 'vitest'
import { comparePublications, groupByYear, newestYears, sortPublications } from './sort'

type P = { title: string; year: number; month?: number; order?: number }
const p = (title: string, year: number, extra: Partial<P> = {}): P => ({ title, year, ...extra })
const titles = (list: readonly P[]) => list.map((x) => x.title)

describe('comparePublications / sortPublications', () => {
  it('puts the newest year first', () => {
    expect(titles(sortPublications([p('old', 2019), p('new', 2022), p('mid', 2021)]))).toEqual(['new', 'mid', 'old'])
  })

  it('within a year, puts the newest month first and unknown months after known ones', () => {
    const sorted = sortPublications([
      p('no month', 2021),
      p('march', 2021, { month: 3 }),
      p('november', 2021, { month: 11 }),
    ])
    expect(titles(sorted)).toEqual(['november', 'march', 'no month'])
  })

  it('lets the year win over the month', () => {
    expect(titles(sortPublications([p('dec 2020', 2020, { month: 12 }), p('jan 2021', 2021, { month: 1 })]))).toEqual([
      'jan 2021',
      'dec 2020',
    ])
  })

  it('then follows `order` ascending, with unordered papers last', () => {
    const sorted = sortPublications([
      p('A unordered', 2021),
      p('B third', 2021, { order: 3 }),
      p('C first', 2021, { order: 1 }),
      p('D zero', 2021, { order: 0 }),
    ])
    expect(titles(sorted)).toEqual(['D zero', 'C first', 'B third', 'A unordered'])
  })

  it('lets the month win over `order`', () => {
    expect(
      titles(
        sortPublications([
          p('first by order', 2021, { order: 1, month: 2 }),
          p('later month', 2021, { order: 9, month: 6 }),
        ]),
      ),
    ).toEqual(['later month', 'first by order'])
  })

  it('falls back to the title, so the result never depends on input order', () => {
    const list = [p('Beta', 2021), p('alpha', 2021), p('Gamma', 2021)]
    expect(titles(sortPublications(list))).toEqual(['alpha', 'Beta', 'Gamma'])
    expect(titles(sortPublications([...list].reverse()))).toEqual(['alpha', 'Beta', 'Gamma'])
    expect(comparePublications(p('Same', 2021), p('Same', 2021))).toBe(0)
  })

  it('does not change the array it is given', () => {
    const list = [p('old', 2019), p('new', 2022)]
    sortPublications(list)
    expect(titles(list)).toEqual(['old', 'new'])
  })

  it('orders the sample papers as the seed page does', () => {
    const seed = [
      p('Geometric compression of invariant manifolds in neural networks', 2021, { order: 3 }),
      p('Learning sparse features can lead to overfitting in neural networks', 2022, { order: 2 }),
      p('Landscape and training regimes in deep learning', 2021, { order: 2 }),
      p('How deep convolutional neural networks lose spatial information with training', 2022, { order: 1 }),
      p('Relative stability toward diffeomorphisms indicates performance in deep nets', 2021, { order: 1 }),
    ]
    expect(titles(sortPublications(seed))).toEqual([
      'How deep convolutional neural networks lose spatial information with training',
      'Learning sparse features can lead to overfitting in neural networks',
      'Relative stability toward diffeomorphisms indicates performance in deep nets',
      'Landscape and training regimes in deep learning',
      'Geometric compression of invariant manifolds in neural networks',
    ])
  })
})

describe('groupByYear', () => {
  it('makes one group per year, newest first, each sorted', () => {
    const groups = groupByYear([p('b', 2021, { order: 2 }), p('x', 2022), p('a', 2021, { order: 1 }), p('old', 2019)])
    expect(groups.map((g) => g.year)).toEqual([2022, 2021, 2019])
    expect(groups.map((g) => titles(g.publications))).toEqual([['x'], ['a', 'b'], ['old']])
  })

  it('sorts unsorted input itself, so a year never appears twice', () => {
    const groups = groupByYear([p('a', 2021), p('b', 2022), p('c', 2021)])
    expect(groups.map((g) => g.year)).toEqual([2022, 2021])
    expect(titles(groups[1]?.publications ?? [])).toEqual(['a', 'c'])
  })

  it('gives no groups for no publications', () => {
    expect(groupByYear([])).toEqual([])
  })
})

describe('newestYears', () => {
  const list = [
    ...['a', 'b'].map((title) => ({ title, year: 2024 })),
    ...['c', 'd', 'e'].map((title) => ({ title, year: 2023 })),
    { title: 'f', year: 2020 },
  ]

  it('keeps whole years, newest first, up to the limit', () => {
    const { shown, earlier } = newestYears(list, 5)
    expect(shown.map((p) => p.title)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(earlier).toEqual([{ year: 2020, count: 1 }])
  })

  it('never cuts a year, and lists every year left out with its count', () => {
    const { shown, earlier } = newestYears(list, 4)
    expect(shown.map((p) => p.title)).toEqual(['a', 'b'])
    expect(earlier).toEqual([
      { year: 2023, count: 3 },
      { year: 2020, count: 1 },
    ])
  })

  it('shows the newest year whole even when it alone is over the limit', () => {
    expect(newestYears(list, 1).shown.map((p) => p.title)).toEqual(['a', 'b'])
  })

  it('keeps everything when the list is within the limit, and nothing when it is empty', () => {
    expect(newestYears(list, 100)).toEqual({ shown: sortPublications(list), earlier: [] })
    expect(newestYears([], 10)).toEqual({ shown: [], earlier: [] })
  })
})
