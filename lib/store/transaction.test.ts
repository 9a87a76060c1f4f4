import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SavedFile } from '../content/live'
import type * as Changes from './changes'

// The store against a real git repository in a temporary folder; the site side (lib/content/live)
// is replaced by a record of what it was asked to show.
const shown: SavedFile[][] = []
vi.mock('../content/live', () => ({ showSaved: (files: SavedFile[]) => shown.push(files) }))

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'store-transaction-'))
const content = path.join(work, 'content')
const publications = path.join(content, 'publications')
const git = (...args: string[]) => execFileSync('git', args, { cwd: content, encoding: 'utf8' }).trim()
const actor = { name: 'Ada Admin', email: 'ada@example.org' }
const paper = (title: string) => ({ title, year: 2020, authors: [{ name: 'Ada Lovelace' }] })

let store: typeof Changes

beforeAll(async () => {
  fs.mkdirSync(publications, { recursive: true })
  fs.writeFileSync(
    path.join(publications, 'existing.mdx'),
    '---\ntitle: Existing\nyear: 2019\nauthors:\n  - name: A\n---\n',
  )
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('-c', 'user.name=Seed', '-c', 'user.email=seed@example.org', 'commit', '-qm', 'Seed')
  vi.stubEnv('CONTENT_DIR', content)
  vi.stubEnv('CONTENT_GIT_REMOTE', '')
  vi.resetModules()
  store = await import('./changes')
}, 30_000)

afterAll(() => {
  vi.unstubAllEnvs()
  fs.rmSync(work, { recursive: true, force: true })
})

beforeEach(() => {
  shown.length = 0
})

const commitCount = () => Number(git('rev-list', '--count', 'HEAD'))

describe('the write transaction', () => {
  it('saves N imported drafts as one commit and shows them on the site at once', async () => {
    const before = commitCount()
    const results = await store.saveDrafts(
      [
        { slug: 'first-draft', frontmatter: paper('First draft'), body: 'One.' },
        { slug: 'existing', frontmatter: paper('Taken slug'), body: '' },
        { slug: 'second-draft', frontmatter: paper('Second draft'), body: '' },
        { slug: 'not valid', frontmatter: { title: '' }, body: '' },
        { slug: 'first-draft', frontmatter: paper('Same slug twice'), body: '' },
        { slug: 'third-draft', frontmatter: paper('Third draft'), body: '' },
      ],
      actor,
    )
    expect(results.map((result) => (result.ok ? result.slug : result.kind))).toEqual([
      'first-draft',
      'invalid',
      'second-draft',
      'invalid',
      'invalid',
      'third-draft',
    ])
    expect(commitCount(), 'one commit for the three drafts').toBe(before + 1)
    expect(git('show', '--name-only', '--format=%s', 'HEAD').split('\n').filter(Boolean)).toEqual([
      'Add 3 drafts',
      'publications/first-draft.mdx',
      'publications/second-draft.mdx',
      'publications/third-draft.mdx',
    ])
    expect(git('log', '-1', '--format=%an <%ae>')).toBe('Ada Admin <ada@example.org>')
    const commits = new Set(results.flatMap((result) => (result.ok ? [result.commit] : [])))
    expect([...commits]).toEqual([git('rev-parse', 'HEAD')])
    expect(fs.readFileSync(path.join(publications, 'second-draft.mdx'), 'utf8')).toContain('draft: true')
    expect(shown, 'shown once, all three').toHaveLength(1)
    expect(shown[0]?.map(({ slug, saved }) => [slug, saved?.frontmatter.draft])).toEqual([
      ['first-draft', true],
      ['second-draft', true],
      ['third-draft', true],
    ])
  })

  it('lets its caller refuse a draft given only the entries that will be written before it', async () => {
    const sameDoi = { doi: '10.1000/shared' }
    const seen: string[][] = []
    const results = await store.saveDrafts(
      [
        // Invalid (its abstract is refused): it is not written, so it is no earlier entry.
        { slug: 'doi-invalid', frontmatter: { ...paper('Invalid first'), ...sameDoi }, body: 'An {expression}.' },
        { slug: 'doi-saved', frontmatter: { ...paper('Saved second'), ...sameDoi }, body: '' },
        { slug: 'doi-copy', frontmatter: { ...paper('Copy third'), ...sameDoi }, body: '' },
      ],
      actor,
      (draft, earlier) => {
        seen.push(earlier.map(({ slug }) => slug))
        const copy = earlier.find((other) => other.frontmatter.doi === draft.frontmatter.doi)
        return copy && { ok: false as const, kind: 'duplicate' as const, of: copy.slug }
      },
    )
    expect(results.map((result) => (result.ok ? result.slug : result.kind))).toEqual([
      'invalid',
      'doi-saved',
      'duplicate',
    ])
    expect(seen).toEqual([[], ['doi-saved']])
    expect(fs.existsSync(path.join(publications, 'doi-copy.mdx'))).toBe(false)
  })

  it('refuses a save made from an older version, and writes nothing', async () => {
    const before = commitCount()
    const result = await store.savePublication(
      {
        slug: 'existing',
        originalSlug: 'existing',
        version: 'not-the-version',
        frontmatter: paper('Changed'),
        body: '',
      },
      actor,
    )
    expect(result).toMatchObject({ ok: false, kind: 'conflict', current: { slug: 'existing' } })
    expect(commitCount()).toBe(before)
    expect(shown).toEqual([])
  })

  it('puts every file back when the commit fails, shows what the files hold, and says nothing was saved', async () => {
    const original = fs.readFileSync(path.join(publications, 'existing.mdx'), 'utf8')
    const { versionOf } = await import('../content/version')
    const before = git('rev-parse', 'HEAD')
    const lock = path.join(content, '.git', 'index.lock')
    fs.writeFileSync(lock, '')
    try {
      const result = await store.savePublication(
        {
          slug: 'existing-renamed',
          originalSlug: 'existing',
          version: versionOf(original),
          frontmatter: paper('Renamed'),
          body: '',
        },
        actor,
      )
      expect(result).toMatchObject({ ok: false, kind: 'error' })
      expect(result.ok ? '' : result.message).toMatch(/^Nothing was saved: git \w+ failed: .*index\.lock/)
    } finally {
      fs.rmSync(lock, { force: true })
    }
    expect(git('rev-parse', 'HEAD')).toBe(before)
    expect(fs.readFileSync(path.join(publications, 'existing.mdx'), 'utf8')).toBe(original)
    expect(fs.existsSync(path.join(publications, 'existing-renamed.mdx'))).toBe(false)
    expect(shown.at(-1)?.map(({ slug, saved }) => [slug, saved?.version ?? null])).toEqual([
      ['existing-renamed', null],
      ['existing', versionOf(original)],
    ])
  })

  it('answers a save that changes nothing without a commit', async () => {
    const { versionOf } = await import('../content/version')
    const source = fs.readFileSync(path.join(publications, 'third-draft.mdx'), 'utf8')
    const before = commitCount()
    const result = await store.savePublication(
      {
        slug: 'third-draft',
        originalSlug: 'third-draft',
        version: versionOf(source),
        frontmatter: { ...paper('Third draft'), draft: true },
        body: '',
      },
      actor,
    )
    expect(result).toMatchObject({ ok: true, unchanged: true, version: versionOf(source) })
    expect(commitCount()).toBe(before)
  })

  it('names in each commit message what the write changed', async () => {
    const { versionOf } = await import('../content/version')
    const subject = () => git('log', '-1', '--format=%s')
    const versionOfFile = (slug: string) => versionOf(fs.readFileSync(path.join(publications, `${slug}.mdx`), 'utf8'))
    const edit = (frontmatter: object, slug = 'named-changes') =>
      store.savePublication(
        {
          slug,
          originalSlug: 'named-changes',
          version: versionOfFile('named-changes'),
          frontmatter: { ...paper('Named'), ...frontmatter },
          body: '',
        },
        actor,
      )

    await store.savePublication({ slug: 'named-changes', frontmatter: paper('Named'), body: '' }, actor)
    expect(subject()).toBe('Add "Named"')
    await edit({ title: 'Named again', venue: 'COLT' })
    expect(subject()).toBe('Edit title, venue: "Named again"')
    await store.setFlag('named-changes', versionOfFile('named-changes'), 'draft', true, actor)
    expect(subject()).toBe('Mark "Named again" as draft')
    await edit({ title: 'Named again', venue: 'COLT', draft: true }, 'named-and-moved')
    expect(subject()).toBe('Rename "Named again" to named-and-moved')
    await store.deletePublication('named-and-moved', versionOfFile('named-and-moved'), actor)
    expect(subject()).toBe('Delete "Named again"')
  })
})
