import { describe, expect, it } from 'vitest'
import { emptyValues, frontmatterToValues, valuesToFrontmatter } from './editor-form'
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
