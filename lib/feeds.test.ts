import { parse } from '@retorquere/bibtex-parser'
import { describe, expect, it } from 'vitest'
import { atomFeed, bibliography } from './feeds'
import type { Publication, Site } from './types'

const site: Site = { owner: 'Ada Lovelace', title: 'Ada Lovelace', description: 'Papers & notes <of> Ada', nameVariants: ['Ada Lovelace'], maxAuthors: 3 }
const paper = (slug: string, title: string, extra: Partial<Publication> = {}): Publication => ({
  slug,
  title,
  year: 2022,
  authors: [{ name: 'Ada Lovelace' }],
  body: 'An abstract with $x < y$ & more. Second sentence.',
  lastModified: '2026-01-02T03:04:05.000Z',
  ...extra,
})
const siteUrl = new URL('https://example.org')

describe('the BibTeX file', () => {
  it('gives papers that would share a key distinct keys, and parses into one entry each', () => {
    const text = bibliography([paper('a', 'Learning one thing'), paper('b', 'Learning another thing'), paper('c', 'Other')], siteUrl)
    const library = parse(text, { sentenceCase: false })
    expect(library.errors).toEqual([])
    expect(library.entries.map((entry) => entry.key)).toEqual(['lovelace2022learning', 'lovelace2022learningb', 'lovelace2022other'])
  })
})

describe('the Atom feed', () => {
  it('escapes text and lists each paper with its link, summary and dates', () => {
    const xml = atomFeed([paper('a', 'Bits & <pieces>', { month: 3 })], site, siteUrl)
    expect(xml).toContain('<title>Bits &amp; &lt;pieces&gt;</title>')
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://example.org/publications/a"/>')
    expect(xml).toContain('<summary>An abstract with x &lt; y &amp; more.</summary>')
    expect(xml).toContain('<published>2022-03-01T00:00:00Z</published>')
    expect(xml).toContain('<updated>2026-01-02T03:04:05.000Z</updated>')
    expect(xml).toContain('<subtitle>Papers &amp; notes &lt;of&gt; Ada</subtitle>')
  })
})
