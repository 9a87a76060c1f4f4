import { describe, expect, it } from 'vitest'
import { MAX_SLUG_LENGTH, slugProblem } from './schema'

describe('slug rules', () => {
  it.each(['paper', 'how-deep-convolutional-neural-networks-lose-spatial-information-with-training', 'a1-b2', '2021'])('accepts %s', (slug) => {
    expect(slugProblem(slug)).toBeUndefined()
  })

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
