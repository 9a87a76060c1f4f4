import fs from 'node:fs'
import { createRequire } from 'node:module'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { abstractHtml } from './abstract-html'
import { BODY_BUDGET_MS } from './body-worker'
import { withMainThreadWatch } from '../testing/main-thread-watch'

const require = createRequire(import.meta.url)

describe('abstractHtml', () => {
  it('renders markdown paragraphs, emphasis and links', async () => {
    const html = await abstractHtml('We show *this*.\n\nSee [the code](https://example.org/code).')
    expect(html).toContain('<p>We show <em>this</em>.</p>')
    expect(html).toContain('<a href="https://example.org/code">the code</a>')
  })

  it('renders inline and display math with KaTeX, as HTML and MathML', async () => {
    const html = await abstractHtml('Loss $\\mathcal{L}(\\theta)$ is\n\n$$\n\\sum_i x_i^2\n$$')
    expect(html).toContain('class="katex"')
    expect(html).toContain('class="katex-display"')
    expect(html).toContain('<math')
    expect(html).not.toContain('$')
  })

  it('typesets $$…$$ on one line, alone or within a sentence, as display math; $…$ inline', async () => {
    const alone = await abstractHtml('We find\n\n$$E = mc^2$$\n\nfor all.')
    expect(alone).toContain('<p><span class="katex-display">')
    const within = await abstractHtml('So $$a + b$$ holds, for $x_1$.')
    expect(within.match(/class="katex-display"/g)).toHaveLength(1)
    expect(within.match(/class="katex"/g)).toHaveLength(2)
  })

  it('writes only classes the stylesheet the site loads styles, so a symbol keeps its subscript on its line', async () => {
    // The stylesheet is katex/dist/katex.min.css (app/layout.tsx); the renderer's KaTeX must be the
    // same version: 0.19's stylesheet names `.katex-base` the box 0.16 calls `.base`, which keeps
    // `R_f` from breaking between R and f.
    const css = fs.readFileSync(require.resolve('katex/dist/katex.min.css'), 'utf8')
    const styled = new Set([...css.matchAll(/\.([a-z][\w-]*)/gi)].map((match) => match[1]))
    const html = await abstractHtml('We find $\\epsilon_t \\approx 0.2\\sqrt{R_f}$ and $\\ell_1$.')
    const written = new Set(
      [...html.matchAll(/class="([^"]+)"/g)].flatMap((match) => (match[1] ?? '').split(' ')).filter(Boolean),
    )
    expect(written.has('base')).toBe(true)
    // KaTeX's atom classes (ordinary, relation, …) only name what a box is; no rule styles them.
    const atoms = new Set(['mord', 'mrel', 'mbin', 'mop', 'mopen', 'mclose', 'mpunct', 'minner', 'mtight'])
    expect([...written].filter((name) => !styled.has(name) && !atoms.has(name))).toEqual([])
    expect(css).toMatch(/\.katex \.base\{[^}]*white-space:nowrap/)
  })

  it('keeps allowed tags with their attributes', async () => {
    const html = await abstractHtml('H<sub>2</sub>O and x<sup>2</sup>, <abbr title="graph neural network">GNN</abbr>.')
    expect(html).toContain('H<sub>2</sub>O')
    expect(html).toContain('x<sup>2</sup>')
    expect(html).toContain('<abbr title="graph neural network">GNN</abbr>')
  })

  it('leaves out components, expressions, imports and unsafe addresses of hand-written files', async () => {
    const html = await abstractHtml(
      'import X from "y"\n\nText {1 + 1} <Widget>inside</Widget> <a href="javascript:alert(1)">link</a> [md](javascript:alert(2)) <span onClick="x">s</span>',
    )
    expect(html).not.toMatch(/import|Widget|javascript|onclick|\{|2<\/p>/i)
    expect(html).toContain('inside')
    expect(html).toContain('<a>link</a>')
    expect(html).toContain('<span>s</span>')
  })

  it('shows a body that is not valid MDX as escaped text rather than failing', async () => {
    expect(await abstractHtml('I <3 math\n\nand an unclosed <b tag')).toBe(
      '<p>I &lt;3 math</p>\n<p>and an unclosed &lt;b tag</p>',
    )
  })

  it('escapes text so it cannot become markup', async () => {
    expect(await abstractHtml('a &lt;script&gt; b')).toContain('a &#x3C;script> b')
  })

  it('returns the same string for the same body (rendered once)', async () => {
    const body = 'Cached $x$ body.'
    expect(await abstractHtml(body)).toBe(await abstractHtml(body))
  })
})

describe('abstractHtml against disguised addresses', () => {
  it.each([
    ['a tab inside the scheme', '<a href="java&#x09;script:alert(1)">x</a>'],
    ['a control character before it', '<a href="&#x01;javascript:alert(1)">x</a>'],
    ['a newline inside it', '<a href="java\nscript:alert(1)">x</a>'],
    ['upper case', '<a href="JAVASCRIPT:alert(1)">x</a>'],
    ['a data: image', '<img src="data:text/html,<script>alert(1)</script>" alt="x" />'],
    ['a protocol-relative address', '<a href="//evil.example/x">x</a>'],
    ['a backslash host', '<a href="/\\evil.example/x">x</a>'],
  ])('drops %s', async (_, body) => {
    const html = await abstractHtml(body)
    expect(html).not.toMatch(/href=|src=/)
  })

  it('keeps ordinary addresses', async () => {
    expect(
      await abstractHtml(
        '<a href="https://example.org/a?b=c">x</a> <a href="/papers/x.pdf">y</a> <a href="mailto:a@b.org">z</a>',
      ),
    ).toBe(
      '<p><a href="https://example.org/a?b=c">x</a> <a href="/papers/x.pdf">y</a> <a href="mailto:a@b.org">z</a></p>',
    )
  })
})

describe('abstractHtml and the page around it', () => {
  it.each(['__next_f', 'TURBOPACK', 'abstract-heading', 'main'])('cannot take the page’s id %s', async (id) => {
    const html = await abstractHtml(`<span id="${id}">x</span> <img id="${id}" src="/a.png" alt="a" />`)
    expect(html).not.toContain(`id="${id}"`)
    expect(html).toContain(`<span id="user-content-${id}">x</span>`)
  })

  it('prefixes every id, and same-page links point at the prefixed ids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z_][\w-]{0,20}$/), async (id) => {
        const html = await abstractHtml(
          `<span id="${id}">target</span> <a href="#${id}">tag</a> and [markdown](#${id}).`,
        )
        const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1])
        expect(ids).toEqual([`user-content-${id}`])
        expect([...html.matchAll(/href="#([^"]*)"/g)].map((match) => match[1])).toEqual([
          `user-content-${id}`,
          `user-content-${id}`,
        ])
      }),
      { numRuns: 50 },
    )
  })

  it('leaves other links and an empty fragment as they are', async () => {
    expect(await abstractHtml('<a href="#">top</a> [x](https://example.org/#a) [y](/p#b)')).toBe(
      '<p><a href="#">top</a> <a href="https://example.org/#a">x</a> <a href="/p#b">y</a></p>',
    )
  })
})

describe('abstractHtml on a hand-written body too costly to render', () => {
  it(
    'shows it as escaped text within the budget, without holding up the main thread, and only once',
    { timeout: 30_000 },
    async () => {
      const body = `<b>bold</b> ${'*a'.repeat(32 * 1024)}`
      const first = await withMainThreadWatch(() => abstractHtml(body))
      expect(first.value.startsWith('<p>&lt;b&gt;bold&lt;/b&gt; *a*a')).toBe(true)
      // The budget is CPU time: on a loaded machine the low-priority worker may take longer to spend it.
      expect(first.ms).toBeLessThan(BODY_BUDGET_MS * 3)
      // Room for a loaded two-core machine; rendering it on the main thread stalled it for 10 s or more.
      expect(first.longestStallMs).toBeLessThan(1_000)
      const again = await withMainThreadWatch(() => abstractHtml(body))
      expect(again.value).toBe(first.value)
      expect(again.ms, 'the fallback is kept, not tried again on every request').toBeLessThan(50)
    },
  )

  it('shows a body nested too deeply as escaped text at once', async () => {
    const { value, ms } = await withMainThreadWatch(() => abstractHtml('>'.repeat(200 * 1024)))
    expect(value).toBe(`<p>${'&gt;'.repeat(200 * 1024)}</p>`)
    // The worker was just ended (the test above): this includes starting a new one.
    expect(ms).toBeLessThan(BODY_BUDGET_MS + 2_000)
  })
})
