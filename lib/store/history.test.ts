import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as HistoryModule from './history'

// A paper's history as git has it, in a repository made here commit by commit (as by hand, so a
// version that does not parse can be in it too).
const repository = fs.mkdtempSync(path.join(os.tmpdir(), 'store-history-'))
const publications = path.join(repository, 'publications')
const inRepository = (...args: string[]) => execFileSync('git', args, { cwd: repository, encoding: 'utf8' })
const commit = (message: string) => {
  inRepository('add', '-A')
  inRepository('-c', 'user.name=Hand', '-c', 'user.email=hand@example.org', 'commit', '-qm', message)
}
const write = (slug: string, frontmatter: string, body = '') =>
  fs.writeFileSync(path.join(publications, `${slug}.mdx`), `---\n${frontmatter}\n---\n${body}`)
const AUTHORS = 'authors:\n  - name: Ada Lovelace'

let history: typeof HistoryModule

beforeAll(async () => {
  fs.mkdirSync(publications)
  inRepository('init', '-q', '-b', 'main')
  // Another paper keeps the folder there when this one is deleted.
  write('other', `title: Other\nyear: 2019\n${AUTHORS}`)
  write('paper', `title: First\nyear: 2020\n${AUTHORS}`, 'One line.\n')
  commit('Add "First"')
  write('paper', `title: Second\nyear: 2020\nvenue: COLT\n${AUTHORS}`, 'One line.\nTwo lines.\n')
  commit('Edit title, venue, abstract: "Second"')
  write('paper', `title: Second\nyear: abc\n${AUTHORS}`)
  commit('Break the year by hand')
  write('paper', `title: Second\nyear: 2021\n${AUTHORS}`)
  commit('Mend the year')
  inRepository('mv', 'publications/paper.mdx', 'publications/moved-paper.mdx')
  write('moved-paper', `title: Moved\nyear: 2021\n${AUTHORS}`)
  commit('Rename "Moved" to moved-paper')
  vi.stubEnv('CONTENT_DIR', repository)
  vi.resetModules()
  history = await import('./history')
}, 30_000)

afterAll(() => {
  vi.unstubAllEnvs()
  fs.rmSync(repository, { recursive: true, force: true })
})

describe('a paper’s history', () => {
  it('gives each commit’s changes field by field, through renames and past a version that does not parse', async () => {
    const found = await history.publicationHistory('moved-paper')
    if (!found.available) throw new Error(found.reason)
    const changes = found.entries.map(({ subject, change }) => [
      subject,
      change.kind,
      'fields' in change ? change.fields.map(({ label, before, after }) => `${label}: ${before} → ${after}`) : [],
    ])
    expect(changes).toEqual([
      ['Rename "Moved" to moved-paper', 'edited', ['Title: Second → Moved', 'Slug: paper → moved-paper']],
      ['Mend the year', 'unreadable', []],
      ['Break the year by hand', 'unreadable', []],
      [
        'Edit title, venue, abstract: "Second"',
        'edited',
        ['Title: First → Second', 'Venue: null → COLT', 'Abstract: One line. → One line.\nTwo lines.'],
      ],
      [
        'Add "First"',
        'added',
        [
          'Title: null → First',
          'Slug: null → paper',
          'Year: null → 2020',
          'Authors: null → Ada Lovelace',
          'Abstract: null → One line.',
        ],
      ],
    ])
    const abstract = found.entries[3]?.change
    expect(abstract && 'fields' in abstract && abstract.fields.at(-1)?.lines).toEqual([
      { change: 'kept', text: 'One line.' },
      { change: 'added', text: 'Two lines.' },
    ])
  })

  it('says a deletion is one', async () => {
    inRepository('rm', '-q', 'publications/moved-paper.mdx')
    commit('Delete "Moved"')
    const found = await history.publicationHistory('moved-paper')
    expect(found.available && found.entries[0]?.change).toEqual({ kind: 'deleted' })
  })
})
