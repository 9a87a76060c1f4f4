import { describe, expect, it } from 'vitest'
import { slugify } from './slugs'
import { MAX_SLUG_LENGTH, publicationSchema, slugProblem } from './schema'

describe('slug rules', () => {
  it.each(['paper', 'how-deep-convolutional-neural-networks-lose-spatial-information-with-training', 'a1-b2', '2021'])(
    'accepts %s',
    (slug) => {
      expect(slugProblem(slug)).toBeUndefined()
    },
  )

  it.each([
    ['', /required/],
    ['../evil', /lowercase letters/],
    ['..', /lowercase letters/],
    ['%2e%2e', /lowercase letters/],
    ['/etc/passwd', /lowercase letters/],
    ['a/b', /lowercase letters/],
    ['a\\b', /lowercase letters/],
    ['Paper', /lowercase letters/],
    ['-paper', /lowercase letters/],
    ['paper-', /lowercase letters/],
    ['pa--per', /lowercase letters/],
    ['papér', /lowercase letters/],
    ['paper.mdx', /lowercase letters/],
    ['con\u0000', /lowercase letters/],
    ['a'.repeat(MAX_SLUG_LENGTH + 1), /at most 100/],
  ])('refuses %j', (slug, message) => {
    expect(slugProblem(slug)).toMatch(message)
  })

  it('refuses anything that is not a string', () => {
    expect(slugProblem(undefined)).toMatch(/required/)
    expect(slugProblem(42)).toMatch(/required/)
  })
})

describe('names Windows reserves', () => {
  const reserved = [
    'con',
    'prn',
    'aux',
    'nul',
    ...Array.from({ length: 10 }, (_, n) => `com${n}`),
    ...Array.from({ length: 10 }, (_, n) => `lpt${n}`),
  ]

  it.each(reserved)('refuses %s, which could not be checked out on Windows', (slug) => {
    expect(slugProblem(slug)).toMatch(/Windows reserves/)
  })

  it('accepts longer slugs that start like them', () => {
    for (const slug of ['con-paper', 'console', 'auxiliary-losses', 'com10', 'nul-space', 'lpt'])
      expect(slugProblem(slug), slug).toBeUndefined()
  })

  it('never makes one from a title', () => {
    for (const slug of reserved) expect(slugProblem(slugify(slug.toUpperCase())), slug).toBeUndefined()
  })
})

describe('links to a path on this site', () => {
  const pdf = (value: string) =>
    publicationSchema.safeParse({ title: 'T', year: 2020, authors: [{ name: 'A' }], pdf: value })

  it('accept a path', () => {
    expect(pdf('/papers/x.pdf').success).toBe(true)
    expect(pdf('https://example.org/x.pdf').success).toBe(true)
  })

  it.each([
    '/\\evil.example/x',
    '//evil.example/x',
    '/\t/evil.example/x',
    '/\n/evil.example',
    '/ /x',
    '/a\\b',
    '\\\\evil.example',
  ])('refuse %j, which a browser reads as another site', (value) => {
    expect(pdf(value).success).toBe(false)
  })
})
