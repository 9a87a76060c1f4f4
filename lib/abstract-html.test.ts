import { describe, expect, it } from 'vitest'
import { abstractHtml } from './abstract-html'

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
    expect(await abstractHtml('I <3 math\n\nand an unclosed <b tag')).toBe('<p>I &lt;3 math</p>\n<p>and an unclosed &lt;b tag</p>')
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
    expect(await abstractHtml('<a href="https://example.org/a?b=c">x</a> <a href="/papers/x.pdf">y</a> <a href="mailto:a@b.org">z</a>')).toBe(
      '<p><a href="https://example.org/a?b=c">x</a> <a href="/papers/x.pdf">y</a> <a href="mailto:a@b.org">z</a></p>',
    )
  })
})
