import { describe, expect, it } from 'vitest'
import { AUTHOR_FIELDS, FIELDS, fieldInSentence, fieldLabel, labelText } from './fields'
import { authorSchema, publicationSchema } from './schema'

describe('the field table', () => {
  it('has a label for every field the schema knows, and no other', () => {
    expect(Object.keys(FIELDS).sort()).toEqual([...Object.keys(publicationSchema.shape), 'body', 'slug'].sort())
    expect(Object.keys(AUTHOR_FIELDS).sort()).toEqual(Object.keys(authorSchema.shape).sort())
  })

  it('names fields for people', () => {
    expect(fieldLabel('title')).toBe('Title')
    expect(fieldLabel('authors')).toBe('Authors')
    expect(fieldLabel('authors.1.name')).toBe('Author 2 › Name')
    expect(fieldLabel('authors.0.url')).toBe('Author 1 › Link')
    expect(fieldLabel('doi')).toBe('DOI')
    expect(fieldLabel('form')).toBe('form')
  })

  it('names them inside a sentence and with their notes', () => {
    expect(`same ${fieldInSentence('title')}`).toBe('same title')
    expect(`same ${fieldInSentence('arxiv')}`).toBe('same arXiv id')
    expect(labelText(FIELDS.draft)).toBe('Draft (hidden from the public site)')
    expect(labelText(AUTHOR_FIELDS.equalContribution)).toBe('Co-first author (*)')
  })
})
