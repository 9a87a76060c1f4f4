import { describe, expect, it } from 'vitest'
import { checkMdxBody, MAX_BODY_BYTES } from './mdx-check'

describe('checkMdxBody', () => {
  it.each([
    ['plain text with inline math', 'We find $\\epsilon_t \\approx 0.2\\sqrt{R_f}$ on CIFAR10.'],
    ['display math with braces', '$$\n\\frac{a}{b} = \\sum_{i=1}^{n} x_i\n$$'],
    ['markdown emphasis and links', 'A *key* result, see [the paper](https://arxiv.org/abs/2105.02468).'],
    ['plain tags', 'H<sub>2</sub>O and x<sup>2</sup>'],
    ['an empty body', ''],
  ])('accepts %s', async (_, body) => {
    expect(await checkMdxBody(body)).toBeUndefined()
  })

  it.each([
    ['an import', 'import x from "y"\n\nText', /import or export/],
    ['an export', 'export const a = 1', /import or export/],
    ['an expression', 'Value {1 + 1}', /expressions/],
    ['a component', 'See <Chart data="x" />', /may not use <Chart>/],
    ['a script tag', '<script>alert(1)</script>', /may not use <script>/],
    ['an event handler attribute', '<a onClick="alert(1)">x</a>', /attribute onClick/],
    ['an expression attribute', '<a href={evil}>x</a>', /expressions in the attributes/],
    ['a javascript: link in a tag', '<a href="javascript:alert(1)">x</a>', /http\(s\), mailto or relative/],
    ['a javascript: markdown link', '[x](javascript:alert(1))', /http\(s\), mailto or relative/],
    ['a javascript: link disguised by a tab', '<a href="java&#x09;script:alert(1)">x</a>', /http\(s\), mailto or relative/],
    ['broken MDX', 'An unclosed <div', /not valid MDX/],
  ])('refuses %s with a message', async (_, body, message) => {
    expect(await checkMdxBody(body)).toMatch(message)
  })

  it('refuses a body over 256 kB and accepts one just under', async () => {
    expect(await checkMdxBody('a'.repeat(MAX_BODY_BYTES + 1))).toMatch(/limit is 256 kB/)
    expect(await checkMdxBody('a'.repeat(MAX_BODY_BYTES))).toBeUndefined()
  })

  it('counts bytes, not characters', async () => {
    expect(await checkMdxBody('é'.repeat(MAX_BODY_BYTES / 2 + 1))).toMatch(/limit/)
  })
})
