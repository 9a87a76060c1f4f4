import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeXml, firstSentence, latexToPlainText, mdxToPlainText, monthName, normalizeText, PARSE_MAX_CHARS, PARSE_MAX_MARKS, plural } from './text'

describe('normalizeText', () => {
  it('lowercases, drops accents and folds punctuation to single spaces', () => {
    expect(normalizeText('  Léonardo  PETRINI ')).toBe('leonardo petrini')
    expect(normalizeText('L. Petrini')).toBe('l petrini')
    expect(normalizeText('Vanden-Eijnden, É.')).toBe('vanden eijnden e')
  })
})

describe('latexToPlainText', () => {
  it('flattens the math of the NeurIPS 2021 abstract', () => {
    expect(latexToPlainText('we find $\\epsilon_t \\approx 0.2\\sqrt{R_f}$, suggesting')).toBe('we find ε_t ≈ 0.2√(R_f), suggesting')
  })

  it('turns Greek letters and operators into symbols and unwraps text commands', () => {
    expect(latexToPlainText('the $(h,\\alpha)$ plane')).toBe('the (h,α) plane')
    expect(latexToPlainText('$\\mathrm{error} \\leq \\Delta$')).toBe('error ≤ Δ')
    expect(latexToPlainText('$$\\sum_i x_i$$')).toBe('∑_i x_i')
  })

  it('keeps unknown commands readable without their backslash', () => {
    expect(latexToPlainText('$\\foo{x}$')).toBe('foox')
  })

  it('leaves text without math as it is, collapsing whitespace', () => {
    expect(latexToPlainText('  Plain   title \n here ')).toBe('Plain title here')
  })
})

describe('mdxToPlainText', () => {
  it('drops markup, images, link targets and emphasis, and flattens math', () => {
    const body = '## Abstract\n\nWe **prove** that _a_ [bound](https://example.org) holds for $d$ dimensions.<br/>\n![figure](/f.png)'
    expect(mdxToPlainText(body)).toBe('Abstract We prove that a bound holds for d dimensions.')
  })

  it('is empty for an empty body', () => {
    expect(mdxToPlainText('')).toBe('')
  })
})

describe('firstSentence', () => {
  it('keeps the first sentence', () => {
    expect(firstSentence('One claim. Another one! A third?')).toBe('One claim.')
    expect(firstSentence('Why? Because.')).toBe('Why?')
  })

  it('does not cut inside a number or an abbreviation without a following space', () => {
    expect(firstSentence('Error drops to 0.2 here. Then more.')).toBe('Error drops to 0.2 here.')
  })

  it('returns text without an end mark whole', () => {
    expect(firstSentence('No end mark')).toBe('No end mark')
  })

  it('cuts a long sentence at a word boundary with an ellipsis, within max', () => {
    const cut = firstSentence('alpha beta gamma delta epsilon.', 15)
    expect(cut).toBe('alpha beta…')
    expect(cut.length).toBeLessThanOrEqual(15)
  })
})

describe('plural', () => {
  it('says "1 more author" and "2 more authors"', () => {
    expect(plural(1, 'more author')).toBe('1 more author')
    expect(plural(2, 'more author')).toBe('2 more authors')
    expect(plural(0, 'publication')).toBe('0 publications')
  })

  it('takes an irregular plural', () => {
    expect(plural(3, 'thesis', 'theses')).toBe('3 theses')
    expect(plural(1, 'thesis', 'theses')).toBe('1 thesis')
  })
})

describe('monthName', () => {
  it('names months 1 to 12 and nothing for unknown', () => {
    expect(monthName(1)).toBe('January')
    expect(monthName(12)).toBe('December')
    expect(monthName(undefined)).toBeUndefined()
  })
})

describe('plain text of escaped MDX', () => {
  it('turns Markdown escapes and HTML entities back into the characters they stand for', () => {
    expect(mdxToPlainText('It costs \\$5 and \\{x\\} with $\\alpha$ and &#105;mport &amp; more')).toBe('It costs $5 and {x} with α and import & more')
  })

  it('does not take an escaped dollar for the start of math', () => {
    expect(latexToPlainText('from \\$5 to $x^2$')).toBe('from \\$5 to x^2')
  })
})

describe('mdxToPlainText on hostile bodies', () => {
  const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u

  it('decodes character references, and those that name no character as U+FFFD, never throwing', () => {
    expect(mdxToPlainText('Caf&eacute; &amp; &#233;t&#xE9;')).toBe('Café & été')
    for (const reference of ['&#x110000;', '&#0;', '&#xD800;', '&#1;', '&#x1F;']) expect(mdxToPlainText(`a ${reference} b`), reference).toBe('a \ufffd b')
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.integer({ min: 0xd700, max: 0xe000 }), fc.integer({ min: 0x10fff0, max: 0x7fffffff })), fc.boolean(), (code, hex) => {
        const text = mdxToPlainText(`x &#${hex ? `x${code.toString(16)}` : code}; y`)
        expect(text).not.toMatch(XML_FORBIDDEN)
      }),
    )
  })

  it('keeps the words of paragraphs, links, emphasis and tags, and drops expressions', () => {
    expect(mdxToPlainText('First paragraph.\n\nSecond one with <sup>2</sup> and [a link](https://example.org).')).toBe('First paragraph. Second one with 2 and a link.')
    expect(mdxToPlainText('A\n\n- one\n- two\n\n> quoted *words*')).toBe('A one two quoted words')
  })

  it('gives the words of a body that is not valid MDX (a hand-edited file) without markup', () => {
    expect(mdxToPlainText('unclosed <div and a { brace')).toBe('unclosed div and a brace')
  })

  it('never holds what XML cannot carry', () => {
    const unit = fc.constantFrom('\u0000', '\u0001', '\u001f', '\ufffe', '\uffff', '\ud800', '\udc00', '&#0;', '&#x110000;', '*', '[', '<', '$', 'a', ' ', '\n')
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
  const SHAPES = ['[', '(', '*', '_', '$', '\\', '<', '&#', '{', '[a](', '*a', '**_', '*_[', '_*', '1. ', '> ', '- ', '> - 1. ', '<b>*', '[]', 'a*b_', '\t>', '\n']
  const prose = 'We find that the error scales as a power law of the number of training points.\n'

  it.each(SHAPES)('flattens %j repeated up to 256 kB, or up to what is parsed, within the budget', (shape) => {
    const bodies = [
      shape.repeat(Math.ceil((256 * 1024) / shape.length)),
      shape.repeat(50_000),
      `${shape.repeat(Math.floor(PARSE_MAX_MARKS / 5))}\n${prose.repeat(400)}`.slice(0, PARSE_MAX_CHARS),
      `${shape.repeat(PARSE_MAX_MARKS)}\n${prose.repeat(400)}`.slice(0, PARSE_MAX_CHARS),
    ]
    for (const body of bodies) {
      const started = performance.now()
      mdxToPlainText(body)
      expect(performance.now() - started, `${body.length} characters`).toBeLessThan(400)
    }
  })
})

describe('escapeXml', () => {
  it('leaves out what XML 1.0 cannot carry and escapes the markup characters', () => {
    expect(escapeXml('a\u0000b\u0001c\td\ne\uffffé\ud800 <&>"\'')).toBe("abc\td\neé &lt;&amp;&gt;&quot;&apos;")
    const anyCodeUnit = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) })
    fc.assert(
      fc.property(anyCodeUnit, (value) => {
        expect(escapeXml(value)).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff<>"']|\p{Cs}|&(?!amp;|lt;|gt;|quot;|apos;)/u)
      }),
    )
  })
})
