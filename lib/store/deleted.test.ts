import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { SavedFile } from '../content/live'
import type * as Changes from './changes'
import type * as Deleted from './deleted'
import type * as History from './history'

// Deleted papers and their restore against a real git repository in a temporary folder; the site
// side (lib/content/live) is replaced by a record of what it was asked to show.
const shown: SavedFile[][] = []
vi.mock('../content/live', () => ({ showSaved: (files: SavedFile[]) => shown.push(files) }))

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'store-deleted-'))
const content = path.join(work, 'content')
const publications = path.join(content, 'publications')
const media = path.join(content, 'media')
const git = (...args: string[]) => execFileSync('git', args, { cwd: content, encoding: 'utf8' }).trim()
const commitByHand = (message: string) =>
  git('-c', 'user.name=Hand', '-c', 'user.email=hand@example.org', 'commit', '-qm', message)
const actor = { name: 'Ada Admin', email: 'ada@example.org' }
const paper = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  year: 2020,
  authors: [{ name: 'Ada Lovelace' }],
  ...extra,
})

// A PDF's bytes are no text: a restore that decoded them would write other bytes.
const PDF = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28, 0x0a])
const PDF_NAME = '0123456789abcdef.pdf'
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff])
const PNG_NAME = 'fedcba9876543210.png'

let store: typeof Changes
let deleted: typeof Deleted
let history: typeof History

async function create(slug: string, frontmatter: unknown, body = ''): Promise<string> {
  const result = await store.savePublication({ slug, frontmatter, body }, actor)
  if (!result.ok) throw new Error(`${slug}: ${result.message}`)
  return result.version
}

async function createAndDelete(slug: string, title: string, extra: Record<string, unknown> = {}) {
  await store.deletePublication(slug, await create(slug, paper(title, extra)), actor)
}

/** A file committed and then deleted by hand (not through the store); returns the deleting commit. */
function addAndDeleteByHand(slug: string, source: string): string {
  fs.writeFileSync(path.join(publications, `${slug}.mdx`), source)
  git('add', '-A')
  commitByHand(`Add ${slug} by hand`)
  git('rm', '-q', `publications/${slug}.mdx`)
  commitByHand(`Delete ${slug} by hand`)
  return git('rev-parse', 'HEAD')
}

async function listed() {
  const list = await deleted.deletedPublications()
  if (!list.available) throw new Error(list.reason)
  return list.entries
}

beforeAll(async () => {
  fs.mkdirSync(publications, { recursive: true })
  fs.mkdirSync(media)
  fs.writeFileSync(path.join(media, PDF_NAME), PDF)
  fs.writeFileSync(path.join(media, PNG_NAME), PNG)
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  commitByHand('Upload media')
  vi.stubEnv('CONTENT_DIR', content)
  vi.stubEnv('CONTENT_GIT_REMOTE', '')
  vi.resetModules()
  store = await import('./changes')
  deleted = await import('./deleted')
  history = await import('./history')
}, 30_000)

afterAll(() => {
  vi.unstubAllEnvs()
  fs.rmSync(work, { recursive: true, force: true })
})

describe('the deleted papers', () => {
  it('lists each deleted paper once, newest first, titled as it was, with when and by whom', async () => {
    await createAndDelete('first-gone', 'First gone')
    await create('kept', paper('Kept'))
    const version = await create('edited-then-gone', paper('Old title'))
    const edited = await store.savePublication(
      {
        slug: 'edited-then-gone',
        originalSlug: 'edited-then-gone',
        version,
        frontmatter: paper('Last title'),
        body: '',
      },
      actor,
    )
    if (!edited.ok) throw new Error(edited.message)
    await store.deletePublication('edited-then-gone', edited.version, actor)

    const entries = await listed()
    expect(entries.map(({ slug, title, author }) => ({ slug, title, author }))).toEqual([
      { slug: 'edited-then-gone', title: 'Last title', author: 'Ada Admin' },
      { slug: 'first-gone', title: 'First gone', author: 'Ada Admin' },
    ])
    expect(entries[0]?.commit).toBe(git('rev-parse', 'HEAD'))
    expect(entries[0]?.date).toBe(git('log', '-1', '--format=%aI'))
  })

  it('leaves out a renamed paper and a paper added again since', async () => {
    const version = await create('before-rename', paper('Moving paper'))
    const renamed = await store.savePublication(
      { slug: 'after-rename', originalSlug: 'before-rename', version, frontmatter: paper('Moving paper'), body: '' },
      actor,
    )
    expect(renamed.ok).toBe(true)
    await createAndDelete('back-again', 'Back again')
    await create('back-again', paper('Back again'))
    const slugs = (await listed()).map((entry) => entry.slug)
    expect(slugs).not.toContain('before-rename')
    expect(slugs).not.toContain('back-again')
  })
})

describe('restoring a deleted paper', () => {
  it('brings it back as one new commit with its lost media, byte for byte, and keeps its history', async () => {
    const frontmatter = paper('With media', { pdf: `/media/${PDF_NAME}`, thumbnail: `/media/${PNG_NAME}` })
    const version = await create('with-media', frontmatter, 'An abstract with $x^2$.')
    const source = fs.readFileSync(path.join(publications, 'with-media.mdx'), 'utf8')
    await store.deletePublication('with-media', version, actor)
    const deletion = git('rev-parse', 'HEAD')
    // The PDF was removed after the paper (the PNG is still there, and stays as it is).
    git('rm', '-q', `media/${PDF_NAME}`)
    commitByHand('Remove unused media')
    const before = git('rev-parse', 'HEAD')
    shown.length = 0

    const result = await store.restoreDeleted('with-media', deletion, actor)

    expect(result).toMatchObject({ ok: true, slug: 'with-media', notes: [] })
    expect(git('rev-list', '--count', `${before}..HEAD`), 'one commit').toBe('1')
    expect(git('log', '-1', '--format=%s|%an')).toBe('Restore "With media"|Ada Admin')
    expect(git('show', '--name-only', '--format=', 'HEAD').split('\n')).toEqual([
      `media/${PDF_NAME}`,
      'publications/with-media.mdx',
    ])
    expect(fs.readFileSync(path.join(publications, 'with-media.mdx'), 'utf8')).toBe(source)
    expect(fs.readFileSync(path.join(media, PDF_NAME)).equals(PDF), 'the PDF as it was').toBe(true)
    expect(fs.readFileSync(path.join(media, PNG_NAME)).equals(PNG)).toBe(true)
    expect(git('status', '--porcelain')).toBe('')
    expect(shown.flat().map(({ slug, saved }) => [slug, saved?.frontmatter.title])).toEqual([
      ['with-media', 'With media'],
    ])
    expect((await listed()).map((entry) => entry.slug)).not.toContain('with-media')

    const past = await history.publicationHistory('with-media')
    expect(past.available && past.entries.map((entry) => entry.subject)).toEqual([
      'Restore "With media"',
      'Delete "With media"',
      'Add "With media"',
    ])
  })

  it('restores a paper once: a second restore (another tab) and a slug taken meanwhile are refused, changing nothing', async () => {
    await createAndDelete('taken-slug', 'The first of the name')
    const deletion = git('rev-parse', 'HEAD')
    expect(await store.restoreDeleted('taken-slug', deletion, actor)).toMatchObject({ ok: true, slug: 'taken-slug' })
    const restoredAt = git('rev-parse', 'HEAD')

    const again = await store.restoreDeleted('taken-slug', deletion, actor)
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/exists now.*Nothing was restored/) })
    expect(git('rev-parse', 'HEAD')).toBe(restoredAt)
    expect(fs.existsSync(path.join(publications, 'taken-slug-2.mdx'))).toBe(false)
  })

  it('restores a paper whose medium is in no commit, and names the medium to upload again', async () => {
    const deletion = addAndDeleteByHand(
      'hand-made',
      '---\ntitle: Hand made\nyear: 2018\nauthors:\n  - name: A\npdf: /media/aaaaaaaaaaaaaaaa.pdf\n---\n',
    )

    const result = await store.restoreDeleted('hand-made', deletion, actor)

    expect(result).toMatchObject({
      ok: true,
      notes: ['/media/aaaaaaaaaaaaaaaa.pdf is not in the history: upload it again.'],
    })
    expect(git('show', '--name-only', '--format=', 'HEAD')).toBe('publications/hand-made.mdx')
  })

  it('refuses a file that does not pass today’s checks, and a commit that did not delete the paper', async () => {
    const head = addAndDeleteByHand('broken', '---\ntitle: Broken\nyear: abc\nauthors:\n  - name: A\n---\n')

    const broken = await store.restoreDeleted('broken', head, actor)
    expect(broken).toMatchObject({ ok: false, kind: 'error' })
    expect(broken.ok ? '' : broken.message).toMatch(/^That version cannot be restored: .*year/)
    const notDeletedThere = await store.restoreDeleted('kept', head, actor)
    expect(notDeletedThere).toMatchObject({ ok: false, kind: 'not-found' })
    const notACommit = await store.restoreDeleted('first-gone', 'HEAD\nmain', actor)
    expect(notACommit).toMatchObject({ ok: false, kind: 'not-found' })
    expect(git('rev-parse', 'HEAD'), 'nothing committed').toBe(head)
    expect(fs.existsSync(path.join(publications, 'broken.mdx'))).toBe(false)
  })
})
