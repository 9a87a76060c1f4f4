import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PublicationFrontmatter } from '../domain/schema'
import { normalizeFrontmatter, parsePublication, PublicationFileError, serializePublication } from './serialize'

const dir = path.join(__dirname, '../../content/publications')
const files = fs.readdirSync(dir).filter((name) => name.endsWith('.mdx'))

describe('serializer', () => {
  it.each(files)('writes %s back byte for byte', (name) => {
    const source = fs.readFileSync(path.join(dir, name), 'utf8')
    expect(serializePublication(parsePublication(source))).toBe(source)
  })

  it.each(files)('parse(serialize(x)) equals x for %s', (name) => {
    const parsed = parsePublication(fs.readFileSync(path.join(dir, name), 'utf8'))
    expect(parsePublication(serializePublication(parsed))).toEqual(parsed)
  })

  it('writes fields in a fixed order whatever order they come in', () => {
    const a: PublicationFrontmatter = {
      year: 2020,
      title: 'T',
      authors: [{ corresponding: true, name: 'A' }],
      doi: '10.1/x',
      arxiv: '2001.00001',
    }
    const b: PublicationFrontmatter = {
      doi: '10.1/x',
      authors: [{ name: 'A', corresponding: true }],
      arxiv: '2001.00001',
      title: 'T',
      year: 2020,
    }
    expect(serializePublication({ frontmatter: a, body: '' })).toBe(serializePublication({ frontmatter: b, body: '' }))
    expect(serializePublication({ frontmatter: a, body: '' })).toBe(
      '---\ntitle: T\nyear: 2020\nauthors:\n  - name: A\n    corresponding: true\narxiv: "2001.00001"\ndoi: 10.1/x\n---\n',
    )
  })

  it('keeps strings that look like numbers, dates or YAML syntax as strings', () => {
    const frontmatter: PublicationFrontmatter = {
      title: 'yes: no # not a comment',
      year: 2021,
      authors: [{ name: 'O\'Brien, "Jr."' }],
      pages: '044001',
      volume: '2021',
      issue: '1e3',
      venue: '- [not] {a list}',
      award: 'true',
    }
    const round = parsePublication(serializePublication({ frontmatter, body: '' }))
    expect(round.frontmatter).toEqual(frontmatter)
  })

  it('does not end the frontmatter at a value that ends in ---', () => {
    const frontmatter: PublicationFrontmatter = {
      title: 'Workshop ---',
      year: 2020,
      authors: [{ name: 'A' }],
      venue: 'Proceedings ---',
      draft: true,
      tags: ['x'],
    }
    const round = parsePublication(serializePublication({ frontmatter, body: 'Text.' }))
    expect(round).toEqual({ frontmatter, body: 'Text.' })
  })

  it('drops empty values and false flags so files only say what is set', () => {
    const normalized = normalizeFrontmatter({
      title: 'T',
      year: 2020,
      authors: [{ name: 'A', equalContribution: false }],
      tags: [],
      draft: false,
      venue: '',
    } as PublicationFrontmatter)
    expect(normalized).toEqual({ title: 'T', year: 2020, authors: [{ name: 'A' }] })
  })

  it('normalizes line endings and surrounding blank lines of the body', () => {
    const out = serializePublication({
      frontmatter: { title: 'T', year: 2020, authors: [{ name: 'A' }] },
      body: '\r\nFirst line.\r\n\r\nSecond $x$.\r\n\r\n',
    })
    expect(out.endsWith('---\n\nFirst line.\n\nSecond $x$.\n')).toBe(true)
  })

  it('refuses files without frontmatter or with invalid fields, naming the field', () => {
    expect(() => parsePublication('no frontmatter')).toThrow(PublicationFileError)
    expect(() => parsePublication('---\ntitle: T\nyear: 20x\nauthors:\n  - name: A\n---\n')).toThrow(/year/)
    expect(() => parsePublication('---\ntitle: [unclosed\n---\n')).toThrow(/YAML/)
    expect(() => parsePublication('---\ntitle: T\nyear: 2020\nvenu: Nature\nauthors:\n  - name: A\n---\n')).toThrow(
      'Frontmatter field venu is not a field of a publication',
    )
  })
})
