import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mdxToPlainText, PARSE_MAX_CHARS, PARSE_MAX_MARKS } from './plain-text'

describe('mdxToPlainText', () => {
  it('drops markup, images, link targets and emphasis, and flattens math', () => {
    const body =
      '## Abstract\n\nWe **prove** that _a_ [bound](https://example.org) holds for $d$ dimensions.<br/>\n![figure](/f.png)'
    expect(mdxToPlainText(body)).toBe('Abstract We prove that a bound holds for d dimensions.')
  })

  it('is empty for an empty body', () => {
    expect(mdxToPlainText('')).toBe('')
  })
})

describe('mdxToPlainText on hostile bodies', () => {
  const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u

  it('decodes character references, and those that name no character as U+FFFD, never throwing', () => {
    expect(mdxToPlainText('Caf&eacute; &amp; &#233;t&#xE9;')).toBe('Café & été')
    for (const reference of ['&#x110000;', '&#0;', '&#xD800;', '&#1;', '&#x1F;'])
      expect(mdxToPlainText(`a ${reference} b`), reference).toBe('a \ufffd b')
    fc.assert(
      fc.property(
        fc.oneof(fc.nat(), fc.integer({ min: 0xd700, max: 0xe000 }), fc.integer({ min: 0x10fff0, max: 0x7fffffff })),
        fc.boolean(),
        (code, hex) => {
          const text = mdxToPlainText(`x &#${hex ? `x${code.toString(16)}` : code}; y`)
          expect(text).not.toMatch(XML_FORBIDDEN)
        },
      ),
    )
  })

  it('keeps the words of paragraphs, links, emphasis and tags, and drops expressions', () => {
    expect(mdxToPlainText('First paragraph.\n\nSecond one with <sup>2</sup> and [a link](https://example.org).')).toBe(
      'First paragraph. Second one with 2 and a link.',
    )
    expect(mdxToPlainText('A\n\n- one\n- two\n\n> quoted *words*')).toBe('A one two quoted words')
  })

  it('gives the words of a body that is not valid MDX (a hand-edited file) without markup', () => {
    expect(mdxToPlainText('unclosed <div and a { brace')).toBe('unclosed div and a brace')
  })

  it('never holds what XML cannot carry', () => {
    const unit = fc.constantFrom(
      '\u0000',
      '\u0001',
      '\u001f',
      '\ufffe',
      '\uffff',
      '\ud800',
      '\udc00',
      '&#0;',
      '&#x110000;',
      '*',
      '[',
      '<',
      '$',
      'a',
      ' ',
      '\n',
    )
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        expect(mdxToPlainText(parts.join(''))).not.toMatch(XML_FORBIDDEN)
      }),
    )
  })

  /**
   * A visitor reaches this on every request for a citation file. Past PARSE_MAX_CHARS or
   * PARSE_MAX_MARKS a body is not parsed (the markdown parser is superlinear on nested lists and
   * runs of emphasis); below, the worst shapes we know parse quickly. Generous budgets, as the
   * machine running the tests may be busy: before, `[` repeated 40,000 times took a second.
   */
  const SHAPES = [
    '[',
    '(',
    '*',
    '_',
    '$',
    '\\',
    '<',
    '&#',
    '{',
    '[a](',
    '*a',
    '**_',
    '*_[',
    '_*',
    '1. ',
    '> ',
    '- ',
    '> - 1. ',
    '<b>*',
    '[]',
    'a*b_',
    '\t>',
    '\n',
  ]
  const prose = 'We find that the error scales as a power law of the number of training points.\n'

  it.each(SHAPES)('flattens %j repeated up to 256 kB, or up to what is parsed, within the budget', (shape) => {
    const bodies = [
      shape.repeat(Math.ceil((256 * 1024) / shape.length)),
      shape.repeat(50_000),
      `${shape.repeat(Math.floor(PARSE_MAX_MARKS / 5))}\n${prose.repeat(400)}`.slice(0, PARSE_MAX_CHARS),
      `${shape.repeat(PARSE_MAX_MARKS)}\n${prose.repeat(400)}`.slice(0, PARSE_MAX_CHARS),
    ]
    mdxToPlainText('warm *the* [parser](x) up')
    for (const body of bodies) {
      // The best of three (each a new body: results are remembered): a slow shape is slow every
      // time, a busy machine only now and then.
      const times = [0, 1, 2].map((n) => {
        const started = performance.now()
        mdxToPlainText(`${body}${' '.repeat(n)}`)
        return performance.now() - started
      })
      expect(Math.min(...times), `${body.length} characters`).toBeLessThan(400)
    }
  })
})
