import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { childEnv } from '../../env.mjs'
import { parsePublication } from '../../store/serialize'
import { fromGenerated, fromSaved, type GeneratedDocument } from '../publication'
import { versionOf } from '../version'

const root = path.resolve(__dirname, '../../..')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'contentlayer-check-'))
const content = path.join(work, 'content')

function build(): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/contentlayer.mjs')], {
    env: childEnv({ CONTENT_DIR: content }),
    encoding: 'utf8',
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

function withFile(name: string, text: string) {
  const file = path.join(content, 'publications', name)
  fs.writeFileSync(file, text)
  return () => fs.rmSync(file)
}

const valid = (fields: string) =>
  `---\ntitle: A paper\nyear: 2020\nauthors:\n  - name: Ada Lovelace\n${fields}---\n\nAn abstract with $x^2$.\n`

describe('the content build', () => {
  let seedFiles: string[] = []
  beforeAll(() => {
    fs.cpSync(path.join(root, 'content'), content, { recursive: true })
    seedFiles = fs
      .readdirSync(path.join(content, 'publications'))
      .map((name) => `publications/${name}`)
      .sort()
  })
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

  it('builds the sample content', () => {
    const { status, output } = build()
    expect(output).toContain('Generated 6 documents')
    expect(status).toBe(0)
  }, 30_000)

  // The store shows a save before Contentlayer has run (lib/content's overlay): what it shows must
  // be what Contentlayer generates from the same file, or a page would change again after the
  // background regeneration.
  it('generates each paper exactly as the store publishes it from the file, with the version of its bytes', () => {
    expect(build().status).toBe(0)
    const generated = JSON.parse(
      fs.readFileSync(path.join(work, '.contentlayer/generated/Publication/_index.json'), 'utf8'),
    ) as GeneratedDocument[]
    expect(generated).toHaveLength(5)
    for (const doc of generated) {
      const fromContentlayer = fromGenerated(doc)
      const source = fs.readFileSync(path.join(content, 'publications', `${doc.slug}.mdx`), 'utf8')
      expect(doc.version, doc.slug).toBe(versionOf(source))
      const { frontmatter, body } = parsePublication(source)
      const fromStore = fromSaved(doc.slug, frontmatter, body, new Date(fromContentlayer.lastModified))
      expect(fromStore, doc.slug).toEqual(fromContentlayer)
    }
    expect(generated.filter((doc) => doc.body.raw.includes('$')).length).toBeGreaterThan(0)
  }, 30_000)

  it.each([
    [
      'a missing required field',
      'no-year.mdx',
      '---\ntitle: A paper\nauthors:\n  - name: Ada\n---\n',
      /no-year\.mdx[\s\S]*year/,
    ],
    ['a month out of range', 'bad-month.mdx', valid('month: 13\n'), /bad-month\.mdx[\s\S]*month/],
    ['an unknown type', 'bad-type.mdx', valid('type: blogpost\n'), /bad-type\.mdx[\s\S]*type/],
    ['a malformed DOI', 'bad-doi.mdx', valid('doi: not-a-doi\n'), /bad-doi\.mdx[\s\S]*doi/],
    ['an unknown field', 'extra-field.mdx', valid('journal: Nature\n'), /extra-field\.mdx[\s\S]*journal/],
    ['a file name that is not a slug', 'Bad_Name.mdx', valid(''), /Bad_Name\.mdx[\s\S]*slug/],
    // The dashboard's rule: a file it could not open or save is not taken in either.
    ['a file name Windows reserves', 'con.mdx', valid(''), /con\.mdx[\s\S]*Windows reserves/],
    [
      'an abstract that is not valid MDX',
      'bad-body.mdx',
      `${valid('')}I <3 math and an unclosed <b\n`,
      /bad-body\.mdx[\s\S]*not valid MDX/,
    ],
    [
      'an abstract with a component',
      'bad-component.mdx',
      `${valid('')}See <Chart />\n`,
      /bad-component\.mdx[\s\S]*<Chart>/,
    ],
  ])(
    'fails on %s, naming the file and the field',
    (_, name, text, message) => {
      const remove = withFile(name, text)
      try {
        const { status, output } = build()
        expect(status).not.toBe(0)
        expect(output).toMatch(message)
        // Contentlayer itself leaves the one file out and generates the others: the running
        // server's regeneration goes on with them.
        const generated = JSON.parse(
          fs.readFileSync(path.join(work, '.contentlayer/generated/Publication/_index.json'), 'utf8'),
        ) as GeneratedDocument[]
        expect(generated.map((doc) => (doc._raw as { sourceFilePath: string }).sourceFilePath).sort()).toEqual(
          seedFiles,
        )
      } finally {
        remove()
      }
    },
    30_000,
  )
})
