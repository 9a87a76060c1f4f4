import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { firstSentence, latexToPlainText, mdxToPlainText, monthName, normalizeText, plural } from './text'

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

describe('mdxToPlainText on long runs of unclosed brackets', () => {
  // It runs on the main thread for every paper page, the feed and the JSON-LD: 250 kB of `[` took 90 s.
  it('takes time linear in the body', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['', '['], ['', '!['], ['', '<'], ['', '[a]('], ['', '![a]('], ['$', '\\sqrt{'], ['$', '\\mathrm{'], ['', '&#'], ['', '*']),
        fc.integer({ min: 32, max: 128 }),
        ([around, unit], kB) => {
          const body = `${around}${unit.repeat(Math.floor((kB * 1024) / unit.length))}${around}`
          const started = performance.now()
          mdxToPlainText(body)
          expect(performance.now() - started, `${around}${unit} × ${Math.floor((kB * 1024) / unit.length)}`).toBeLessThan(300)
        },
      ),
      { numRuns: 20, endOnFailure: true },
    )
  })

  it('leaves a character reference beyond Unicode as it is instead of failing', () => {
    expect(mdxToPlainText('Code &#99999999; and &#x110000; stay, &#x3b1; is α.')).toBe('Code &#99999999; and &#x110000; stay, α is α.')
  })
})
