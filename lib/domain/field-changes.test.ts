import { describe, expect, it } from 'vitest'
import { changedFields, conflictFields, fieldChanges, mergeVersions, type PublicationVersion } from './field-changes'

const paper = (
  changes: Partial<PublicationVersion['frontmatter']> = {},
  body = 'An abstract.',
): PublicationVersion => ({
  slug: 'a-paper',
  frontmatter: { title: 'A paper', year: 2021, authors: [{ name: 'Ada Lovelace' }], ...changes },
  body,
})

describe('fieldChanges', () => {
  it('names nothing when two versions hold the same values', () => {
    expect(fieldChanges(paper(), paper())).toEqual([])
  })

  it('lists each changed field by its label, with both values as people read them', () => {
    const before = paper({ venue: 'NeurIPS', month: 3, type: 'conference' })
    const after = paper({ title: 'A better paper', month: 4, type: 'article', doi: '10.1000/x' })
    expect(fieldChanges(before, after)).toEqual([
      { field: 'title', label: 'Title', before: 'A paper', after: 'A better paper' },
      { field: 'type', label: 'Type', before: 'Conference paper', after: 'Journal article' },
      { field: 'month', label: 'Month', before: 'March', after: 'April' },
      { field: 'venue', label: 'Venue', before: 'NeurIPS', after: null },
      { field: 'doi', label: 'DOI', before: null, after: '10.1000/x' },
    ])
  })

  it('treats an absent flag as false and an empty list as none', () => {
    expect(fieldChanges(paper({ draft: false, tags: [] }), paper())).toEqual([])
    expect(fieldChanges(paper(), paper({ draft: true }))).toEqual([
      { field: 'draft', label: 'Draft', before: 'No', after: 'Yes' },
    ])
  })

  it('compares the authors as a list: order, flags and links count, one author a line', () => {
    const before = paper({ authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }] })
    const reordered = paper({ authors: [{ name: 'Alan Turing' }, { name: 'Ada Lovelace' }] })
    expect(changedFields(before, reordered)).toEqual(['authors'])
    const marked = paper({
      authors: [{ name: 'Ada Lovelace', equalContribution: true, url: 'https://example.org' }, { name: 'Alan Turing' }],
    })
    const [change] = fieldChanges(before, marked)
    expect(change).toMatchObject({
      label: 'Authors',
      after: 'Ada Lovelace · co-first author · https://example.org\nAlan Turing',
    })
    expect(change?.lines).toEqual([
      { change: 'removed', text: 'Ada Lovelace' },
      { change: 'added', text: 'Ada Lovelace · co-first author · https://example.org' },
      { change: 'kept', text: 'Alan Turing' },
    ])
  })

  it('tells topics apart that only a comma-joined text would confuse', () => {
    expect(changedFields(paper({ tags: ['a, b'] }), paper({ tags: ['a', 'b'] }))).toEqual(['tags'])
  })

  it('gives the abstract as a line diff, and ignores line ends and surrounding space the file would not keep', () => {
    const before = paper({}, 'First line.\nSecond line.\nThird line.')
    expect(fieldChanges(before, paper({}, '  First line.\r\nSecond line.\r\nThird line.\n\n'))).toEqual([])
    const [change] = fieldChanges(before, paper({}, 'First line.\nA new second line.\nThird line.\nA fourth.'))
    expect(change?.label).toBe('Abstract')
    expect(change?.lines).toEqual([
      { change: 'kept', text: 'First line.' },
      { change: 'removed', text: 'Second line.' },
      { change: 'added', text: 'A new second line.' },
      { change: 'kept', text: 'Third line.' },
      { change: 'added', text: 'A fourth.' },
    ])
  })

  it('shows an abstract added to a paper without one as added lines only', () => {
    expect(fieldChanges(paper({}, ''), paper({}, 'One.\nTwo.'))[0]?.lines).toEqual([
      { change: 'added', text: 'One.' },
      { change: 'added', text: 'Two.' },
    ])
  })

  it('names a moved file by its slug', () => {
    expect(fieldChanges(paper(), { ...paper(), slug: 'a-moved-paper' })).toEqual([
      { field: 'slug', label: 'Slug', before: 'a-paper', after: 'a-moved-paper' },
    ])
  })

  it('answers a very long rewrite within bounds, as all lines replaced', () => {
    const lines = (prefix: string) => Array.from({ length: 4000 }, (_, n) => `${prefix} ${n}`).join('\n')
    const started = performance.now()
    const [change] = fieldChanges(paper({}, lines('old')), paper({}, lines('new')))
    expect(performance.now() - started).toBeLessThan(2000)
    expect(change?.lines?.filter((line) => line.change === 'removed')).toHaveLength(4000)
    expect(change?.lines?.filter((line) => line.change === 'added')).toHaveLength(4000)
  })
})

describe('conflictFields', () => {
  const base = paper({ venue: 'NeurIPS' })

  it('suggests the side that changed a field when only one did', () => {
    const theirs = paper({ venue: 'NeurIPS', title: 'Their title' })
    const mine = paper({ venue: 'ICML' })
    expect(
      conflictFields(base, theirs, mine).map(({ field, before, after, suggested }) => [
        field,
        before,
        after,
        suggested,
      ]),
    ).toEqual([
      ['title', 'Their title', 'A paper', 'theirs'],
      ['venue', 'NeurIPS', 'ICML', 'mine'],
    ])
  })

  it('suggests nothing for a field both changed, nor without the version both started from', () => {
    const theirs = paper({ venue: 'COLT' })
    const mine = paper({ venue: 'ICML' })
    expect(conflictFields(base, theirs, mine)).toEqual([
      { field: 'venue', label: 'Venue', before: 'COLT', after: 'ICML' },
    ])
    expect(conflictFields(undefined, paper({ venue: 'NeurIPS', title: 'Theirs' }), base)[0]?.suggested).toBeUndefined()
  })

  it('leaves out a field both changed alike', () => {
    expect(conflictFields(base, paper({ venue: 'ICML' }), paper({ venue: 'ICML' }))).toEqual([])
  })
})

describe('mergeVersions', () => {
  it('keeps mine but for the fields chosen as theirs, an emptied field included', () => {
    const theirs = { ...paper({ title: 'Their title', venue: undefined }, 'Their abstract.'), slug: 'their-slug' }
    const mine = paper({ venue: 'ICML', year: 2022 }, 'My abstract.')
    const merged = mergeVersions(theirs, mine, { title: 'theirs', venue: 'theirs', body: 'theirs', year: 'mine' })
    expect(merged).toEqual({
      slug: 'a-paper',
      frontmatter: { title: 'Their title', year: 2022, authors: [{ name: 'Ada Lovelace' }], venue: undefined },
      body: 'Their abstract.',
    })
    expect(changedFields(merged, mine)).toEqual(['title', 'venue', 'body'])
    expect(mergeVersions(theirs, mine, { slug: 'theirs' }).slug).toBe('their-slug')
  })

  it('leaves both versions as they were', () => {
    const theirs = paper({ title: 'Their title' })
    const mine = paper()
    mergeVersions(theirs, mine, { title: 'theirs' })
    expect(mine.frontmatter.title).toBe('A paper')
  })
})
