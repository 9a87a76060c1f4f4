import { describe, expect, it } from 'vitest'
import { authorMarks, isOwner, marksInUse, marksLegend, splitAuthors, toAuthorViews } from './authors'
import type { Author } from './schema'

const OWNER = ['Leonardo Petrini', 'L. Petrini']

// The first sample paper: two co-first authors, four names in all.
const tomasini2022: Author[] = [
  { name: 'Umberto M. Tomasini', equalContribution: true },
  { name: 'Leonardo Petrini', equalContribution: true },
  { name: 'Francesco Cagnetta' },
  { name: 'Matthieu Wyart' },
]

describe('authorMarks', () => {
  it('marks a co-first author with *', () => {
    expect(authorMarks({ name: 'A', equalContribution: true })).toBe('*')
  })

  it('marks a corresponding author with †', () => {
    expect(authorMarks({ name: 'A', corresponding: true })).toBe('†')
  })

  it('puts * before † when an author is both', () => {
    expect(authorMarks({ name: 'A', equalContribution: true, corresponding: true })).toBe('*†')
  })

  it('gives no mark to a plain author, or when the flags are false', () => {
    expect(authorMarks({ name: 'A' })).toBe('')
    expect(authorMarks({ name: 'A', equalContribution: false, corresponding: false })).toBe('')
  })
})

describe('isOwner', () => {
  it('recognises every listed name variant', () => {
    expect(isOwner('Leonardo Petrini', OWNER)).toBe(true)
    expect(isOwner('L. Petrini', OWNER)).toBe(true)
  })

  it('ignores case, accents and periods', () => {
    expect(isOwner('leonardo PETRINI', OWNER)).toBe(true)
    expect(isOwner('Léonardo Pétrini', OWNER)).toBe(true)
    expect(isOwner('L Petrini', OWNER)).toBe(true)
    expect(isOwner('Leonardo Petrini', ['Léonardo Petrini'])).toBe(true)
  })

  it('does not match other people, even with a shared name part', () => {
    expect(isOwner('Matthieu Wyart', OWNER)).toBe(false)
    expect(isOwner('Petrini', OWNER)).toBe(false)
    expect(isOwner('Leonardo Petrinis', OWNER)).toBe(false)
    expect(isOwner('M. Petrini', OWNER)).toBe(false)
  })
})

describe('toAuthorViews', () => {
  it('keeps order and names, highlights the owner and carries marks and links', () => {
    const views = toAuthorViews(
      [...tomasini2022.slice(0, 2), { name: 'Mario Geiger', url: 'https://example.org/mg', corresponding: true }],
      OWNER,
    )
    expect(views).toEqual([
      { name: 'Umberto M. Tomasini', isOwner: false, marks: '*' },
      { name: 'Leonardo Petrini', isOwner: true, marks: '*' },
      { name: 'Mario Geiger', url: 'https://example.org/mg', isOwner: false, marks: '†' },
    ])
  })
})

describe('splitAuthors', () => {
  it('shows the first 3 of 4 authors and hides the last one', () => {
    const { shown, hidden } = splitAuthors(tomasini2022, { ownerNames: OWNER, max: 3 })
    expect(shown.map((a) => a.name)).toEqual(['Umberto M. Tomasini', 'Leonardo Petrini', 'Francesco Cagnetta'])
    expect(hidden.map((a) => a.name)).toEqual(['Matthieu Wyart'])
  })

  it('hides nobody when there are at most `max` authors', () => {
    expect(splitAuthors(tomasini2022, { ownerNames: OWNER, max: 4 }).hidden).toEqual([])
    expect(splitAuthors(tomasini2022, { ownerNames: OWNER, max: 10 }).shown).toHaveLength(4)
    expect(splitAuthors(tomasini2022.slice(0, 3), { ownerNames: OWNER, max: 3 })).toMatchObject({ hidden: [] })
    expect(splitAuthors(tomasini2022, { ownerNames: OWNER, max: Number.POSITIVE_INFINITY }).hidden).toEqual([])
  })

  it('hides two of five with max 3, keeping marks and owner highlighting on both sides', () => {
    const authors: Author[] = [
      { name: 'A' },
      { name: 'B' },
      { name: 'C' },
      { name: 'L. Petrini', corresponding: true },
      { name: 'E' },
    ]
    const { shown, hidden } = splitAuthors(authors, { ownerNames: OWNER, max: 3 })
    expect(shown).toHaveLength(3)
    expect(hidden).toEqual([
      { name: 'L. Petrini', isOwner: true, marks: '†' },
      { name: 'E', isOwner: false, marks: '' },
    ])
  })
})

describe('marksInUse and marksLegend', () => {
  it('names only the marks some author carries', () => {
    expect(marksInUse([{ authors: tomasini2022 }])).toEqual(['equalContribution'])
    expect(marksInUse([{ authors: [{ name: 'A', corresponding: true }] }])).toEqual(['corresponding'])
    expect(marksInUse([{ authors: [{ name: 'A' }] }, { authors: [{ name: 'B', equalContribution: false }] }])).toEqual(
      [],
    )
    expect(marksInUse([])).toEqual([])
  })

  it('lists both marks in a fixed order whichever comes first in the data', () => {
    const publications = [
      { authors: [{ name: 'A', corresponding: true }] },
      { authors: [{ name: 'B', equalContribution: true }] },
    ]
    expect(marksInUse(publications)).toEqual(['equalContribution', 'corresponding'])
  })

  it('writes the legend of the seed page', () => {
    expect(marksLegend(['equalContribution'])).toBe('* indicates first-coauthorship.')
    expect(marksLegend(['equalContribution', 'corresponding'])).toBe(
      '* indicates first-coauthorship. † indicates corresponding author.',
    )
    expect(marksLegend([])).toBe('')
  })
})
