import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mdxToPlainText } from './plain-text'
import { escapeXml, firstSentence, latexToPlainText, monthName, normalizeText, plural } from './text'

describe('normalizeText', () => {
  it('lowercases, drops accents and folds punctuation to single spaces', () => {
    expect(normalizeText('  Léonardo  PETRINI ')).toBe('leonardo petrini')
    expect(normalizeText('L. Petrini')).toBe('l petrini')
    expect(normalizeText('Vanden-Eijnden, É.')).toBe('vanden eijnden e')
  })
})

describe('latexToPlainText', () => {
  it('flattens the math of the NeurIPS 2021 abstract', () => {
    expect(latexToPlainText('we find $\\epsilon_t \\approx 0.2\\sqrt{R_f}$, suggesting')).toBe(
      'we find ε_t ≈ 0.2√(R_f), suggesting',
    )
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
    expect(mdxToPlainText('It costs \\$5 and \\{x\\} with $\\alpha$ and &#105;mport &amp; more')).toBe(
      'It costs $5 and {x} with α and import & more',
    )
  })

  it('does not take an escaped dollar for the start of math', () => {
    expect(latexToPlainText('from \\$5 to $x^2$')).toBe('from \\$5 to x^2')
  })
})

describe('escapeXml', () => {
  it('leaves out what XML 1.0 cannot carry and escapes the markup characters', () => {
    expect(escapeXml('a\u0000b\u0001c\td\ne\uffffé\ud800 <&>"\'')).toBe('abc\td\neé &lt;&amp;&gt;&quot;&apos;')
    const anyCodeUnit = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    })
    fc.assert(
      fc.property(anyCodeUnit, (value) => {
        expect(escapeXml(value)).not.toMatch(
          /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff<>"']|\p{Cs}|&(?!amp;|lt;|gt;|quot;|apos;)/u,
        )
      }),
    )
  })
})
