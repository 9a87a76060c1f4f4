import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BODY_BUDGET_MS } from './body-worker'
import { withMainThreadWatch } from '../testing/main-thread-watch'
import { MAX_BODY_BYTES } from '../domain/schema'
import { checkMdxBody } from './mdx-check'

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
    [
      'a javascript: link disguised by a tab',
      '<a href="java&#x09;script:alert(1)">x</a>',
      /http\(s\), mailto or relative/,
    ],
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

/**
 * Bodies on which the MDX parser's cost grows faster than the text: runs of quote or list markers,
 * emphasis, brackets, dollars, deep indentation and tags. 40 kB of `>` blocked a server for 10 s,
 * `*a` 32k times passed and then cost 10 s per render.
 */
const PATHOLOGICAL = [
  '>',
  '*a',
  '_a',
  '[',
  '![',
  '$',
  '- ',
  '> - ',
  '1. ',
  '<span>',
  '[a](',
  '`',
  '\\sqrt{',
  '*[',
  '<b>*',
]
// Generated as a recipe, so that a failure prints the recipe rather than 256 kB of text.
const pathological = fc.record({
  unit: fc.constantFrom(...PATHOLOGICAL),
  kB: fc.integer({ min: 16, max: 255 }),
  prefix: fc.constantFrom('', 'Intro. ', '$x$ '),
})
type Recipe = { unit: string; kB: number; prefix: string }
const bodyOf = ({ unit, kB, prefix }: Recipe) =>
  prefix + unit.repeat(Math.floor((kB * 1024 - prefix.length) / unit.length))

describe('checkMdxBody on bodies that are costly to parse', () => {
  // Past the budget the worker is ended; what is left is the round trip and a new worker.
  const ANSWER_WITHIN_MS = BODY_BUDGET_MS + 2_000
  // Timers keep running on the main thread. The bound leaves room for a loaded two-core machine,
  // where the system alone can hold a thread for half a second; the check used to stall it for
  // all of its 10–30 s.
  const MAIN_THREAD_STALL_MS = 1_000

  it(
    'answers within the budget, accepted or refused with a message, and never holds up the main thread',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(pathological, async (recipe) => {
          const { value: problem, ms, longestStallMs } = await withMainThreadWatch(() => checkMdxBody(bodyOf(recipe)))
          expect(ms, 'time to answer').toBeLessThan(ANSWER_WITHIN_MS)
          expect(longestStallMs, 'longest stall of the main thread').toBeLessThan(MAIN_THREAD_STALL_MS)
          if (problem !== undefined) expect(problem).toMatch(/^The abstract .{20,}/)
        }),
        // The payloads of the attack report first, then generated ones.
        {
          numRuns: 8,
          endOnFailure: true,
          examples: [[{ unit: '>', kB: 40, prefix: '' }], [{ unit: '*a', kB: 64, prefix: '' }]],
        },
      )
    },
  )

  it('refuses deep nesting at once, naming the limit', async () => {
    for (const body of [
      '>'.repeat(40 * 1024),
      '- '.repeat(100) + 'x',
      Array.from({ length: 100 }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n'),
      `${'<span>'.repeat(80)}x${'</span>'.repeat(80)}`,
    ]) {
      const { value: problem, ms } = await withMainThreadWatch(() => checkMdxBody(body))
      expect(problem).toMatch(/nests .* more than 64 levels deep/)
      expect(ms).toBeLessThan(BODY_BUDGET_MS)
    }
  })

  it('refuses a body whose rendering exceeds the budget, and says what to simplify', { timeout: 30_000 }, async () => {
    expect(await checkMdxBody('*a'.repeat(32 * 1024))).toMatch(
      /takes more than 3 s to check and render.*Long runs of >, \*, _, \[ or \$/,
    )
  })

  it('still accepts nesting and emphasis at ordinary depths', async () => {
    expect(await checkMdxBody('> quoted\n>\n> > - a *b* **c**\n> >   - d [e](https://example.org)')).toBeUndefined()
    expect(await checkMdxBody(`${'<span>'.repeat(30)}x${'</span>'.repeat(30)}`)).toBeUndefined()
  })
})
