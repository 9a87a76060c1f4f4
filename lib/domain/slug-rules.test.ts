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
    '../evil',
    '..',
    '%2e%2e',
    '/etc/passwd',
    'a/b',
    'a\\b',
    'Paper',
    '-paper',
    'paper-',
    'pa--per',
    'papér',
    'paper.mdx',
    'con\u0000',
  ])('refuses %j, which is not lowercase words joined by single hyphens', (slug) => {
    expect(slugProblem(slug)).toMatch(/lowercase letters/)
  })

  it('refuses an empty slug and one over the length limit', () => {
    expect(slugProblem('')).toMatch(/required/)
    expect(slugProblem('a'.repeat(MAX_SLUG_LENGTH + 1))).toMatch(`at most ${MAX_SLUG_LENGTH} characters`)
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
