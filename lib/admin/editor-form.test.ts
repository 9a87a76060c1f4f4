import { describe, expect, it } from 'vitest'
import {
  emptyValues,
  frontmatterToValues,
  keyAuthorErrors,
  placeAuthorErrors,
  valuesToFrontmatter,
  type AuthorRow,
} from './editor-form'
import { publicationSchema, type PublicationFrontmatter } from '../domain/schema'

describe('editor form values', () => {
  const frontmatter: PublicationFrontmatter = {
    title: 'Learning sparse features can lead to overfitting in neural networks',
    year: 2022,
    month: 12,
    authors: [
      { name: 'Leonardo Petrini', equalContribution: true },
      { name: 'Matthieu Wyart', corresponding: true, url: 'https://example.org' },
    ],
    venueShort: 'NeurIPS',
    type: 'conference',
    tags: ['feature learning', 'kernel methods'],
    arxiv: '2206.12314',
    selected: true,
  }

  it('round-trips frontmatter through the form', () => {
    expect(valuesToFrontmatter(frontmatterToValues('x', frontmatter, ''))).toEqual(frontmatter)
  })

  it('turns empty inputs into absent fields and unchecked boxes into nothing', () => {
    const values = { ...emptyValues(), title: '  Title  ', year: '2020', draft: false }
    values.authors = [{ key: 'a', name: ' Ada ', equalContribution: false, corresponding: false, url: ' ' }]
    expect(valuesToFrontmatter(values)).toEqual({ title: 'Title', year: 2020, authors: [{ name: 'Ada' }] })
  })

  it('passes a non-number year on as text so the schema names the problem', () => {
    const values = { ...emptyValues(), title: 'T', year: '20x2' }
    const result = publicationSchema.safeParse(valuesToFrontmatter(values))
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['year'])
  })
})

describe('author errors follow their rows', () => {
  const row = (key: string, name: string): AuthorRow => ({
    key,
    name,
    equalContribution: false,
    corresponding: false,
    url: '',
  })
  const ada = row('author-1-a', 'Ada')
  const alan = row('author-2-b', 'Alan')
  const grace = row('author-3-c', '')
  const checked = [ada, alan, grace]
  const errors = {
    title: ['is required'],
    authors: ['must list at most 500 authors'],
    'authors.1.url': ['must be a web address'],
    'authors.2.name': ['is required'],
  }
  const keyed = keyAuthorErrors(errors, checked)

  it('stays where it was while nothing moves', () => {
    expect(placeAuthorErrors(keyed, checked)).toEqual(errors)
  })

  it('moves with its author', () => {
    expect(placeAuthorErrors(keyed, [grace, ada, alan])).toEqual({
      title: ['is required'],
      authors: ['must list at most 500 authors'],
      'authors.2.url': ['must be a web address'],
      'authors.0.name': ['is required'],
    })
  })

  it('goes when its author is removed, and the others close up', () => {
    expect(placeAuthorErrors(keyed, [ada, grace])).toEqual({
      title: ['is required'],
      authors: ['must list at most 500 authors'],
      'authors.1.name': ['is required'],
    })
  })

  it('keeps a position no row had', () => {
    const beyond = { 'authors.7.name': ['is required'] }
    expect(placeAuthorErrors(keyAuthorErrors(beyond, checked), [alan])).toEqual(beyond)
  })
})
