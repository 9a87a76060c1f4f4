import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { childEnv } from '../../env.mjs'
import { COMMIT_DATES_FILE, commitDates, writeCommitDates } from './commit-dates.mjs'

// A real repository: the papers' dates are their files' last commits, whatever the files' own times say.
let root: string
let contentDir: string
const git = (date: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.org', ...args], {
    cwd: contentDir,
    env: childEnv({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
    stdio: 'pipe',
  })
const write = (name: string, text: string) => fs.writeFileSync(path.join(contentDir, 'publications', name), text)

beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'commit-dates-')))
  contentDir = path.join(root, 'content')
  fs.mkdirSync(path.join(contentDir, 'publications'), { recursive: true })
  git('2020-01-01T00:00:00Z', 'init', '-q', '-b', 'main')
  write('old.mdx', 'one')
  write('edited.mdx', 'one')
  write('dirty.mdx', 'one')
  git('2021-05-04T10:00:00+02:00', 'add', '-A')
  git('2021-05-04T10:00:00+02:00', 'commit', '-qm', 'first')
  write('edited.mdx', 'two')
  git('2022-03-01T12:30:00Z', 'commit', '-qam', 'second')
  write('dirty.mdx', 'changed, not committed')
  write('new.mdx', 'never committed')
  // As a clone or a copy leaves them: every file touched now.
  const now = new Date()
  for (const name of fs.readdirSync(path.join(contentDir, 'publications')))
    fs.utimesSync(path.join(contentDir, 'publications', name), now, now)
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe("a paper's date", () => {
  it('is its file’s last commit, in UTC; files changed since, or never committed, have none', async () => {
    expect(await commitDates(path.join(contentDir, 'publications'), contentDir)).toEqual({
      'publications/old.mdx': '2021-05-04T08:00:00.000Z',
      'publications/edited.mdx': '2022-03-01T12:30:00.000Z',
    })
  })

  it('is written beside Contentlayer’s output, and nothing is outside git', async () => {
    const out = path.join(root, '.contentlayer')
    await writeCommitDates(contentDir, out)
    const written = JSON.parse(fs.readFileSync(path.join(out, COMMIT_DATES_FILE), 'utf8')) as Record<string, string>
    expect(written['publications/old.mdx']).toBe('2021-05-04T08:00:00.000Z')
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'no-git-'))
    try {
      fs.mkdirSync(path.join(outside, 'publications'))
      expect(await commitDates(path.join(outside, 'publications'), outside)).toEqual({})
    } finally {
      fs.rmSync(outside, { recursive: true, force: true })
    }
  })
})
