import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mdxToPlainText } from './plain-text'
import { escapeXml, latexLetters, latexToPlainText } from './text'

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

describe('latexLetters', () => {
  it('keeps the letters of accents, letter commands and escapes, and drops other commands and braces', () => {
    expect(latexLetters('Sch{\\"o}lkopf and G\\"{o}del')).toBe('Scholkopf and Godel')
    expect(latexLetters('{\\o}ystein, \\ss{} and \\AA{}ngstr\\"om')).toBe('øystein, ß and Ångstrom')
    expect(latexLetters('\\emph{Deep} nets at 50\\% \\& more')).toBe('Deep nets at 50% & more')
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
