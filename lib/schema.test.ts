import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { Publication as PublicationDocument, Site as SiteDocument } from '../contentlayer.config'
import { toBibtex } from './citations'
import { authorSchema, publicationSchema, siteSchema, SLUG_PATTERN } from './schema'

const contentDir = path.resolve(__dirname, '../content')
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

/** BibTeX's own rule: every brace closes one opened before it, and all are closed at the end. */
function bracesBalanced(text: string): boolean {
  let depth = 0
  for (const char of text) {
    if (char === '{') depth += 1
    if (char === '}') depth -= 1
    if (depth < 0) return false
  }
  return depth === 0
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

    const bibtex = toBibtex(result.data)
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
    for (const bad of ['Landscape', 'a--b', '-a', 'a-', 'a_b', 'a b', 'é', '']) expect(bad, bad).not.toMatch(SLUG_PATTERN)
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
    const authors = PublicationDocument.def().fields as unknown as Record<string, { of: { def: () => { fields: unknown } } }>
    const authorType = authors.authors?.of
    if (!authorType) throw new Error('authors is not a nested list')
    expect(contentlayerFields(authorType)).toEqual(zodFields(authorSchema))
  })

  it('declares the same site fields', () => {
    expect(contentlayerFields(SiteDocument)).toEqual(zodFields(siteSchema))
  })
})
