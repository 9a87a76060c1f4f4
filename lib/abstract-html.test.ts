import { describe, expect, it } from 'vitest'
import { abstractHtml } from './abstract-html'

describe('abstractHtml', () => {
  it('renders markdown paragraphs, emphasis and links', () => {
    const html = abstractHtml('We show *this*.\n\nSee [the code](https://example.org/code).')
    expect(html).toContain('<p>We show <em>this</em>.</p>')
    expect(html).toContain('<a href="https://example.org/code">the code</a>')
  })

  it('renders inline and display math with KaTeX, as HTML and MathML', () => {
    const html = abstractHtml('Loss $\\mathcal{L}(\\theta)$ is\n\n$$\n\\sum_i x_i^2\n$$')
    expect(html).toContain('class="katex"')
    expect(html).toContain('class="katex-display"')
    expect(html).toContain('<math')
    expect(html).not.toContain('$')
  })

  it('keeps allowed tags with their attributes', () => {
    const html = abstractHtml('H<sub>2</sub>O and x<sup>2</sup>, <abbr title="graph neural network">GNN</abbr>.')
    expect(html).toContain('H<sub>2</sub>O')
    expect(html).toContain('x<sup>2</sup>')
    expect(html).toContain('<abbr title="graph neural network">GNN</abbr>')
  })

  it('leaves out components, expressions, imports and unsafe addresses of hand-written files', () => {
    const html = abstractHtml(
      'import X from "y"\n\nText {1 + 1} <Widget>inside</Widget> <a href="javascript:alert(1)">link</a> [md](javascript:alert(2)) <span onClick="x">s</span>',
    )
    expect(html).not.toMatch(/import|Widget|javascript|onclick|\{|2<\/p>/i)
    expect(html).toContain('inside')
    expect(html).toContain('<a>link</a>')
    expect(html).toContain('<span>s</span>')
  })

  it('escapes text so it cannot become markup', () => {
    expect(abstractHtml('a &lt;script&gt; b')).toContain('a &#x3C;script> b')
  })

  it('returns the same string for the same body (rendered once)', () => {
    const body = 'Cached $x$ body.'
    expect(abstractHtml(body)).toBe(abstractHtml(body))
  })
})
