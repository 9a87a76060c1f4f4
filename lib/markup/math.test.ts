import { describe, expect, it } from 'vitest'
import { mathToPlainText, splitMath } from './math'

describe('splitMath', () => {
  it('cuts text and math between dollars, inline and display', () => {
    expect(splitMath('a $x^2$ b $$\\sum_i$$')).toEqual([
      { math: false, text: 'a ' },
      { math: true, source: '$x^2$', tex: 'x^2', display: false },
      { math: false, text: ' b ' },
      { math: true, source: '$$\\sum_i$$', tex: '\\sum_i', display: true },
    ])
  })

  it('takes an escaped or unclosed dollar for text', () => {
    expect(splitMath('from \\$5 to $x$')).toEqual([
      { math: false, text: 'from \\$5 to ' },
      { math: true, source: '$x$', tex: 'x', display: false },
    ])
    expect(splitMath('costs $5')).toEqual([{ math: false, text: 'costs $5' }])
    expect(splitMath('$a \\$ b$')).toEqual([{ math: true, source: '$a \\$ b$', tex: 'a \\$ b', display: false }])
  })

  it('reads \\( \\) and \\[ \\] only when asked to', () => {
    expect(splitMath('a \\(x\\) b \\[y\\]', { latexDelimiters: true })).toEqual([
      { math: false, text: 'a ' },
      { math: true, source: '\\(x\\)', tex: 'x', display: false },
      { math: false, text: ' b ' },
      { math: true, source: '\\[y\\]', tex: 'y', display: true },
    ])
    expect(splitMath('a \\(x\\)')).toEqual([{ math: false, text: 'a \\(x\\)' }])
  })

  it('gives back the text it was given, in linear time on runs of delimiters', () => {
    for (const unit of ['$', '$$ ', '\\(', '\\$', '$\\', 'a$']) {
      const text = unit.repeat(100_000)
      const started = performance.now()
      const segments = splitMath(text, { latexDelimiters: true })
      expect(performance.now() - started, unit).toBeLessThan(500)
      expect(segments.map((segment) => (segment.math ? segment.source : segment.text)).join('')).toBe(text)
    }
  })
})

describe('mathToPlainText', () => {
  it('writes symbols for commands and unwraps groups', () => {
    expect(mathToPlainText('\\epsilon_t \\approx 0.2\\sqrt{R_f}')).toBe('ε_t ≈ 0.2√(R_f)')
  })
})
