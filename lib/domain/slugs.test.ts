import { describe, expect, it } from 'vitest'
import { SLUG_PATTERN } from './schema'
import { slugify, uniqueSlug } from './slugs'

describe('slugify', () => {
  it.each([
    ['Relative stability toward diffeomorphisms', 'relative-stability-toward-diffeomorphisms'],
    ['Schölkopf, Ørsted & Straße: ça va?', 'scholkopf-orsted-strasse-ca-va'],
    [String.raw`Sch{\"o}lkopf \'etude {\c c}a`, 'scholkopf-etude-ca'],
    [String.raw`$\epsilon$-greedy exploration in $O(n^2)$ time`, 'greedy-exploration-in-time'],
    ['$x$', 'untitled'],
    ['', 'untitled'],
    ['日本語', 'untitled'],
  ])('%j → %j', (title, expected) => {
    expect(slugify(title)).toBe(expected)
    expect(slugify(title)).toMatch(SLUG_PATTERN)
  })

  it('cuts long titles at a word boundary, within 80 characters', () => {
    const title =
      'How deep convolutional neural networks lose spatial information with training and what to do about it'
    const slug = slugify(title)
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slug).toBe('how-deep-convolutional-neural-networks-lose-spatial-information-with-training')
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(80))
  })
})

describe('uniqueSlug', () => {
  it('returns the base when free, else the first free numbered variant', () => {
    expect(uniqueSlug('paper', new Set())).toBe('paper')
    expect(uniqueSlug('paper', new Set(['paper']))).toBe('paper-2')
    expect(uniqueSlug('paper', new Set(['paper', 'paper-2', 'paper-3']))).toBe('paper-4')
  })
})
