import { describe, expect, it } from 'vitest'
import { latexToUnicode, mathToUnicode } from './unicode-math'
import { mathToPlainText } from './math'

describe('mathToUnicode', () => {
  it.each([
    ['\\ell_1', 'ℓ₁'],
    ['\\epsilon_t', 'εₜ'],
    ['x^2', 'x²'],
    ['x_{i+1}', 'xᵢ₊₁'],
    ['e^{-n}', 'e⁻ⁿ'],
    ['n^{\\prime}', 'n′'],
    ["f'(x)", 'f′(x)'],
    ['90^\\circ', '90°'],
    ['\\alpha \\beta \\Gamma \\Omega', 'α β Γ Ω'],
    ['a \\leq b \\neq c \\approx d \\to \\infty', 'a ≤ b ≠ c ≈ d → ∞'],
    ['x \\in \\mathbb{R}^d', 'x ∈ ℝᵈ'],
    ['\\mathcal{O}(n \\log n)', '𝒪(n log n)'],
    ['\\log{n}', 'log n'],
    ['\\frac{1}{2}', '1/2'],
    ['\\frac{a+b}{\\sqrt{n}}', '(a+b)/√n'],
    ['\\epsilon_t \\approx 0.2\\sqrt{R_f}', 'εₜ ≈ 0.2√(R_f)'],
    ['\\mathrm{d}x', 'dx'],
    ['\\left( x \\right)', '( x )'],
    ['k-1', 'k−1'],
  ])('reads %s as %s', (tex, unicode) => {
    expect(mathToUnicode(tex)).toBe(unicode)
  })

  it('keeps a script plain, marker and all, unless every character has a Unicode form', () => {
    expect(mathToUnicode('R_f')).toBe('R_f')
    expect(mathToUnicode('R_{fg}')).toBe('R_fg')
    expect(mathToUnicode('A^T')).toBe('A^T')
    expect(mathToUnicode('2^{n+q}')).toBe('2^(n+q)')
    expect(mathToUnicode('x_{ij}')).toBe('xᵢⱼ')
  })

  it('never runs a command name into the letters after it', () => {
    expect(mathToUnicode('\\mathfrak{g}')).toBe('mathfrak g')
    expect(mathToUnicode('\\sin x')).toBe('sin x')
  })

  it('reads broken or hostile math in linear time and without throwing', () => {
    expect(mathToUnicode('x^')).toBe('x')
    expect(mathToUnicode('}{x_{')).toBe('x')
    const deep = '{'.repeat(5000) + 'x' + '}'.repeat(5000)
    expect(mathToUnicode(deep)).toBe(mathToPlainText(deep))
    const started = performance.now()
    mathToUnicode('\\sqrt{x^{2}_'.repeat(20_000))
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('latexToUnicode', () => {
  it('reads the math of a title and leaves its text alone', () => {
    expect(latexToUnicode('Sparse $\\ell_1$ recovery at $\\epsilon_t$ cost, 100\\$')).toBe(
      'Sparse ℓ₁ recovery at εₜ cost, 100\\$',
    )
  })

  it('leaves the plain-text reading that exports use as it was', () => {
    expect(mathToPlainText('\\epsilon_t \\approx 0.2\\sqrt{R_f}')).toBe('ε_t ≈ 0.2√(R_f)')
  })
})
