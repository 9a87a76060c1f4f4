import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '..')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'contentlayer-check-'))
const content = path.join(work, 'content')

function build(): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/contentlayer.mjs')], {
    env: { ...process.env, CONTENT_DIR: content },
    encoding: 'utf8',
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

function withFile(name: string, text: string) {
  const file = path.join(content, 'publications', name)
  fs.writeFileSync(file, text)
  return () => fs.rmSync(file)
}

const valid = (fields: string) => `---\ntitle: A paper\nyear: 2020\nauthors:\n  - name: Ada Lovelace\n${fields}---\n\nAn abstract with $x^2$.\n`

describe('the content build', () => {
  beforeAll(() => {
    fs.cpSync(path.join(root, 'content'), content, { recursive: true })
  })
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

  it('builds the sample content', () => {
    const { status, output } = build()
    expect(output).toContain('Generated 6 documents')
    expect(status).toBe(0)
  })

  it.each([
    ['a missing required field', 'no-year.mdx', '---\ntitle: A paper\nauthors:\n  - name: Ada\n---\n', /no-year\.mdx[\s\S]*year/],
    ['a month out of range', 'bad-month.mdx', valid('month: 13\n'), /bad-month\.mdx[\s\S]*month/],
    ['an unknown type', 'bad-type.mdx', valid('type: blogpost\n'), /bad-type\.mdx[\s\S]*type/],
    ['a malformed DOI', 'bad-doi.mdx', valid('doi: not-a-doi\n'), /bad-doi\.mdx[\s\S]*doi/],
    ['an unknown field', 'extra-field.mdx', valid('journal: Nature\n'), /extra-field\.mdx[\s\S]*journal/],
    ['a file name that is not a slug', 'Bad_Name.mdx', valid(''), /Bad_Name\.mdx[\s\S]*slug/],
  ])('fails on %s, naming the file and the field', (_, name, text, message) => {
    const remove = withFile(name, text)
    try {
      const { status, output } = build()
      expect(status).not.toBe(0)
      expect(output).toMatch(message)
    } finally {
      remove()
    }
  }, 30_000)
})
