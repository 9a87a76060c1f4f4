import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { Publication as PublicationDocument, Site as SiteDocument } from '../content/contentlayer/config'
import { toBibtex } from '../formats/citations'
import { bracesBalanced } from '../markup/text'
import { bibtexKeyFor } from '../formats/bibtex'
import { authorSchema, bodyCharacterProblem, publicationSchema, siteSchema, SLUG_PATTERN } from './schema'
import { FORBIDDEN_CHARACTERS, LINE_BREAKS } from '../testing/hostile-text'

const contentDir = path.resolve(__dirname, '../../content')
const publicationsDir = path.join(contentDir, 'publications')
const files = fs
  .readdirSync(publicationsDir)
  .filter((file) => file.endsWith('.mdx'))
  .sort()

/** The YAML between the opening `---` fence and the next one. */
function frontmatterOf(source: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source)
  if (!match?.[1]) throw new Error('no frontmatter fences')
  return parse(match[1])
}

describe('content/publications', () => {
  it('holds the five sample papers', () => {
    expect(files).toHaveLength(5)
  })

  it.each(files)('%s has a valid slug, valid frontmatter and balanced BibTeX', (file) => {
    const slug = path.basename(file, '.mdx')
    expect(slug).toMatch(SLUG_PATTERN)

    const result = publicationSchema.safeParse(frontmatterOf(fs.readFileSync(path.join(publicationsDir, file), 'utf8')))
    expect(result.error?.issues ?? []).toEqual([])
    if (!result.success) return

    const bibtex = toBibtex(result.data, bibtexKeyFor(result.data))
    expect(bibtex).toMatch(/^@\w+\{[A-Za-z0-9_:.-]+,\n/)
    expect(bracesBalanced(bibtex)).toBe(true)
  })

  it('site.yaml is valid', () => {
    const result = siteSchema.safeParse(parse(fs.readFileSync(path.join(contentDir, 'site.yaml'), 'utf8')))
    expect(result.error?.issues ?? []).toEqual([])
  })
})

describe('bracesBalanced', () => {
  it('catches an unclosed or a stray brace', () => {
    expect(bracesBalanced('@article{k,\n  title = {{T}}\n}')).toBe(true)
    expect(bracesBalanced('@article{k,\n  title = {{T}\n}')).toBe(false)
    expect(bracesBalanced('}{')).toBe(false)
  })
})

describe('SLUG_PATTERN', () => {
  it('takes lowercase words joined by single hyphens only', () => {
    expect('landscape-and-training-regimes-in-deep-learning').toMatch(SLUG_PATTERN)
    expect('paper-2021').toMatch(SLUG_PATTERN)
    for (const bad of ['Landscape', 'a--b', '-a', 'a-', 'a_b', 'a b', 'é', ''])
      expect(bad, bad).not.toMatch(SLUG_PATTERN)
  })
})

/** Required fields of a Contentlayer document or nested type, and all its field names. */
function contentlayerFields(type: { def: () => { fields?: unknown } }) {
  const fields = (type.def().fields ?? {}) as Record<string, { required?: boolean; of?: unknown }>
  return {
    names: Object.keys(fields).sort(),
    required: Object.keys(fields)
      .filter((name) => fields[name]?.required)
      .sort(),
  }
}

function zodFields(schema: { shape: Record<string, { safeParse: (value: unknown) => { success: boolean } }> }) {
  const names = Object.keys(schema.shape).sort()
  return { names, required: names.filter((name) => !schema.shape[name]?.safeParse(undefined).success) }
}

describe('contentlayer.config.ts agrees with the zod schema', () => {
  it('declares the same publication fields, with the same ones required', () => {
    expect(contentlayerFields(PublicationDocument)).toEqual(zodFields(publicationSchema))
  })

  it('declares the same author fields', () => {
    const authors = PublicationDocument.def().fields as unknown as Record<
      string,
      { of: { def: () => { fields: unknown } } }
    >
    const authorType = authors.authors?.of
    if (!authorType) throw new Error('authors is not a nested list')
    expect(contentlayerFields(authorType)).toEqual(zodFields(authorSchema))
  })

  it('declares the same site fields', () => {
    expect(contentlayerFields(SiteDocument)).toEqual(zodFields(siteSchema))
  })
})

describe('characters the outputs cannot carry', () => {
  const valid = { title: 'A title', year: 2020, authors: [{ name: 'Ada Lovelace' }] }
  const FORBIDDEN_ANYWHERE = FORBIDDEN_CHARACTERS
  const textFields = ['title', 'venue', 'venueShort', 'volume', 'issue', 'pages', 'award'] as const

  const issuesFor = (frontmatter: unknown) => publicationSchema.safeParse(frontmatter).error?.issues ?? []

  it('refuses control characters and line breaks inside every single-line field, naming the field and the character', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORBIDDEN_ANYWHERE, ...LINE_BREAKS),
        fc.constantFrom(...textFields, 'author', 'tag', 'pdf', 'doi'),
        (char, field) => {
          const inner = `ab${char}cd`
          const frontmatter =
            field === 'author'
              ? { ...valid, authors: [{ name: inner }] }
              : field === 'tag'
                ? { ...valid, tags: [inner] }
                : field === 'pdf'
                  ? { ...valid, pdf: `https://example.org/${inner}` }
                  : field === 'doi'
                    ? { ...valid, doi: `10.1000/${inner}` }
                    : { ...valid, [field]: inner }
          const issues = issuesFor(frontmatter)
          expect(issues.length, JSON.stringify(frontmatter)).toBeGreaterThan(0)
          const path = field === 'author' ? 'authors.0.name' : field === 'tag' ? 'tags.0' : field
          expect(issues.map((issue) => issue.path.join('.'))).toContain(path)
          if (field !== 'doi' || !/\s/.test(char))
            expect(issues.map((issue) => issue.message).join(' ')).toMatch(/must not contain .*U\+[0-9A-F]{4}/)
        },
      ),
    )
  })

  it('accepts what a name, title or venue really holds', () => {
    for (const name of ['Ada Lovelace', 'Hélène Müller', '张伟', 'O’Brien, Jr.', 'Ã\u0301', '😀 \\ { } % @ <b>'])
      expect(issuesFor({ ...valid, title: name, authors: [{ name }], venue: name }), name).toEqual([])
  })

  it('lets the bio hold line breaks and tabs, not other control characters', () => {
    const site = { owner: 'Ada', title: 'Ada', description: 'Papers' }
    expect(siteSchema.safeParse({ ...site, bio: 'One.\n\nTwo\twith a tab.' }).success).toBe(true)
    expect(siteSchema.safeParse({ ...site, bio: 'One.\u0000' }).success).toBe(false)
    expect(siteSchema.safeParse({ ...site, description: 'One\ntwo' }).success).toBe(false)
  })

  it('refuses control characters in the abstract, and references to no character, with the line', () => {
    expect(bodyCharacterProblem('Line one.\n\n\tLine two.\r\n')).toBeUndefined()
    expect(bodyCharacterProblem('Café &#233; &#x1F600; &amp;')).toBeUndefined()
    expect(bodyCharacterProblem('one\ntwo\u0001')).toMatch(/U\+0001.*line 2/)
    for (const reference of ['&#x110000;', '&#0;', '&#xD800;', '&#1;', '&#x7F;'])
      expect(bodyCharacterProblem(`a\n${reference}`), reference).toMatch(/line 2.*no character/)
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...FORBIDDEN_ANYWHERE), fc.string(), (before, char, after) => {
        expect(bodyCharacterProblem(`${before}${char}${after}`)).toMatch(/must not contain/)
      }),
    )
  })

  it('every author name the schema accepts makes a citation (the name parser throws on line breaks)', () => {
    const nameUnit = fc.constantFrom(
      'A',
      'b',
      ' ',
      ',',
      '.',
      '-',
      "'",
      'von',
      ' and ',
      'é',
      '张',
      '\\',
      '{',
      '}',
      '%',
      '\n',
      '\u2028',
      '\u0000',
      'Jr.',
    )
    fc.assert(
      fc.property(fc.array(nameUnit, { minLength: 1, maxLength: 8 }), (parts) => {
        const authors = [{ name: parts.join('') }]
        if (!publicationSchema.safeParse({ ...valid, authors }).success) return
        expect(() => toBibtex({ ...valid, authors }, 'key')).not.toThrow()
      }),
    )
  })
})
