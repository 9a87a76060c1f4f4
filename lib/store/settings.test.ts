import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SavedFile, SavedSite } from '../content/live'
import type * as Settings from './settings'
import type * as Changes from './changes'
import type * as Media from '../media/process'
import type * as Staging from '../media/staging'

// The settings and media writes against a real git repository in a temporary folder; the site
// side (lib/content/live) is replaced by a record of what it was asked to show.
const shownSites: (SavedSite | undefined)[] = []
vi.mock('../content/live', () => ({
  showSaved: (_files: SavedFile[], site?: SavedSite) => shownSites.push(site),
}))

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'store-settings-'))
const content = path.join(work, 'content')
const git = (...args: string[]) => execFileSync('git', args, { cwd: content, encoding: 'utf8' }).trim()
const actor = { name: 'Ada Admin', email: 'ada@example.org' }
const SITE = `# Site settings, written by hand.
owner: Ada Lovelace
title: Ada Lovelace
# Shown under the name.
description: Notes on the analytical engine.
maxAuthors: 3
`

let settings: typeof Settings
let changes: typeof Changes
let media: typeof Media
let staging: typeof Staging

beforeAll(async () => {
  fs.mkdirSync(path.join(content, 'publications'), { recursive: true })
  fs.writeFileSync(path.join(content, 'site.yaml'), SITE)
  fs.writeFileSync(
    path.join(content, 'publications', 'engine.mdx'),
    '---\ntitle: The engine\nyear: 1843\nauthors:\n  - name: Ada Lovelace\n---\n',
  )
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('-c', 'user.name=Seed', '-c', 'user.email=seed@example.org', 'commit', '-qm', 'Seed')
  vi.stubEnv('CONTENT_DIR', content)
  vi.stubEnv('CONTENT_GIT_REMOTE', '')
  vi.resetModules()
  settings = await import('./settings')
  changes = await import('./changes')
  media = await import('../media/process')
  staging = await import('../media/staging')
}, 30_000)

afterAll(() => {
  vi.unstubAllEnvs()
  fs.rmSync(work, { recursive: true, force: true })
})

beforeEach(() => {
  shownSites.length = 0
})

const commitCount = () => Number(git('rev-list', '--count', 'HEAD'))
const photo = () =>
  sharp({ create: { width: 900, height: 700, channels: 3, background: '#468' } })
    .jpeg()
    .toBuffer()

async function upload(kind: 'photo' | 'thumbnail' | 'pdf', bytes: Buffer): Promise<string> {
  const medium = await media.processUpload(kind, bytes)
  staging.stageMedium(medium)
  return `/media/${medium.name}`
}

describe('saving the site settings', () => {
  it('writes site.yaml and the photo it names as one commit, keeping the comments, and shows them at once', async () => {
    const stored = await settings.readSettings()
    const photoUrl = await upload('photo', await photo())
    const before = commitCount()
    const result = await settings.saveSettings(
      {
        version: stored.version,
        settings: {
          ...stored.settings,
          bio: 'I study engines: $x^2$.',
          photo: photoUrl,
          profile: { orcid: '0000-0002-1825-0097' },
        },
      },
      actor,
    )
    expect(result).toMatchObject({ ok: true })
    expect(commitCount()).toBe(before + 1)
    const name = photoUrl.slice('/media/'.length)
    expect(git('show', '--name-only', '--format=%s', 'HEAD').split('\n').filter(Boolean)).toEqual([
      'Edit settings: Bio, Photo, ORCID iD',
      `media/${name}`,
      'site.yaml',
    ])
    const file = fs.readFileSync(path.join(content, 'site.yaml'), 'utf8')
    expect(file).toContain('# Site settings, written by hand.')
    expect(file).toContain('# Shown under the name.')
    expect(file).toContain('orcid: 0000-0002-1825-0097')
    expect(shownSites.at(-1)?.settings).toMatchObject({ photo: photoUrl, bio: 'I study engines: $x^2$.' })
  })

  it('refuses a save made from an older version, naming the current settings, and writes nothing', async () => {
    const before = commitCount()
    const stored = await settings.readSettings()
    const result = await settings.saveSettings(
      { version: 'old', settings: { ...stored.settings, title: 'New' } },
      actor,
    )
    expect(result).toMatchObject({ ok: false, kind: 'conflict', version: stored.version })
    expect(result.ok === false && result.kind === 'conflict' && result.current?.owner).toBe('Ada Lovelace')
    expect(commitCount()).toBe(before)
  })

  it('refuses a mistyped ORCID iD and a bio the renderer refuses, field by field, writing nothing', async () => {
    const stored = await settings.readSettings()
    const before = fs.readFileSync(path.join(content, 'site.yaml'), 'utf8')
    const result = await settings.saveSettings(
      {
        version: stored.version,
        settings: { ...stored.settings, bio: 'An {expression}.', profile: { orcid: '0000-0002-1825-0098' } },
      },
      actor,
    )
    expect(result.ok).toBe(false)
    const errors = result.ok === false && result.kind === 'invalid' ? result.fieldErrors : {}
    expect(Object.keys(errors).sort()).toEqual(['bio', 'profile.orcid'])
    expect(errors['profile.orcid']?.[0]).toMatch(/check digit/)
    expect(errors.bio?.[0]).toMatch(/^The bio/)
    expect(fs.readFileSync(path.join(content, 'site.yaml'), 'utf8')).toBe(before)
  })

  it('refuses an upload address the server does not hold', async () => {
    const stored = await settings.readSettings()
    const result = await settings.saveSettings(
      { version: stored.version, settings: { ...stored.settings, photo: '/media/0123456789abcdef.jpg' } },
      actor,
    )
    expect(result).toMatchObject({
      ok: false,
      kind: 'invalid',
      fieldErrors: { photo: [expect.stringMatching(/upload the file again/)] },
    })
  })
})

describe('media of a paper', () => {
  const PDF = Buffer.from('%PDF-1.4\n%%EOF\n')

  it('commits an uploaded PDF with the save that links it, and deletes it with the paper when asked', async () => {
    const pdf = await upload('pdf', PDF)
    const thumbnail = await upload('thumbnail', await photo())
    const frontmatter = { title: 'With media', year: 2020, authors: [{ name: 'Ada Lovelace' }], pdf, thumbnail }
    const saved = await changes.savePublication({ slug: 'with-media', frontmatter, body: '' }, actor)
    expect(saved).toMatchObject({ ok: true })
    const files = git('show', '--name-only', '--format=', 'HEAD').split('\n').filter(Boolean).sort()
    expect(files).toEqual(
      [`media/${pdf.slice(7)}`, `media/${thumbnail.slice(7)}`, 'publications/with-media.mdx'].sort(),
    )
    // Another paper links the same PDF: deleting the first keeps it.
    const other = await changes.savePublication(
      { slug: 'same-pdf', frontmatter: { ...frontmatter, title: 'Same PDF', thumbnail: undefined }, body: '' },
      actor,
    )
    expect(other).toMatchObject({ ok: true })
    const version = saved.ok ? saved.version : ''
    const deleted = await changes.deletePublication('with-media', version, actor, { withMedia: true })
    expect(deleted).toMatchObject({ ok: true })
    expect(fs.existsSync(path.join(content, 'media', pdf.slice(7)))).toBe(true)
    expect(fs.existsSync(path.join(content, 'media', thumbnail.slice(7)))).toBe(false)
    expect(git('show', '--name-only', '--format=%s', 'HEAD').split('\n').filter(Boolean)).toEqual([
      'Delete "With media"',
      `media/${thumbnail.slice(7)}`,
      'publications/with-media.mdx',
    ])
  })
})

describe('media of a version brought back', () => {
  it('restoring a version brings back the files it named, and a file gone by hand holds up no toggle', async () => {
    const first = await upload('thumbnail', await photo())
    const frontmatter = { title: 'Versions', year: 2021, authors: [{ name: 'Ada Lovelace' }], thumbnail: first }
    const saved = await changes.savePublication({ slug: 'versions', frontmatter, body: '' }, actor)
    expect(saved).toMatchObject({ ok: true })
    const firstCommit = git('rev-parse', 'HEAD')
    const red = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer()
    const second = await upload('thumbnail', red)
    const replaced = await changes.savePublication(
      {
        slug: 'versions',
        originalSlug: 'versions',
        version: saved.ok ? saved.version : '',
        frontmatter: { ...frontmatter, thumbnail: second },
        body: '',
      },
      actor,
    )
    expect(replaced).toMatchObject({ ok: true })
    const mediaStore = await import('./media')
    expect(await mediaStore.removeUnusedMedia([first.slice(7)], actor)).toMatchObject({ removed: [first.slice(7)] })
    expect(fs.existsSync(path.join(content, 'media', first.slice(7)))).toBe(false)

    const restored = await changes.restorePublication(
      'versions',
      firstCommit,
      replaced.ok ? replaced.version : '',
      actor,
    )
    expect(restored).toMatchObject({ ok: true })
    expect(fs.existsSync(path.join(content, 'media', first.slice(7))), 'the thumbnail is back').toBe(true)
    expect(git('show', '--name-only', '--format=', 'HEAD').split('\n').filter(Boolean).sort()).toEqual(
      [`media/${first.slice(7)}`, 'publications/versions.mdx'].sort(),
    )

    // Removed by hand (and committed): the paper still names it, and a toggle still saves.
    fs.rmSync(path.join(content, 'media', first.slice(7)))
    git('-c', 'user.name=Hand', '-c', 'user.email=hand@example.org', 'commit', '-qam', 'Remove by hand')
    const toggled = await changes.setFlag('versions', restored.ok ? restored.version : '', 'selected', true, actor)
    expect(toggled).toMatchObject({ ok: true })
  })
})

describe('media checked again under the lock', () => {
  it('refuses to remove a medium named meanwhile, and to save a paper naming one removed meanwhile', async () => {
    const mediaStore = await import('./media')
    const transaction = await import('./transaction')
    // An image of its own: the other tests' photo is named by their papers too.
    const own = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#7a3' } })
      .jpeg()
      .toBuffer()
    const thumbnail = await upload('thumbnail', own)
    const name = thumbnail.slice('/media/'.length)
    const frontmatter = { title: 'Raced', year: 2022, authors: [{ name: 'Ada Lovelace' }], thumbnail }
    expect(await changes.savePublication({ slug: 'raced', frontmatter, body: '' }, actor)).toMatchObject({ ok: true })

    // Decided unused a moment ago; a paper names it by the time the removal holds the lock.
    expect(await mediaStore.stillUnused([name])()).toMatch(/came into use meanwhile/)
    expect(await mediaStore.stillUnused([name], 'publications/raced.mdx')()).toBeUndefined()
    const before = commitCount()
    const removal = await transaction.commitChanges(
      mediaStore.mediaRemovals([name]),
      'Remove',
      actor,
      'delete',
      mediaStore.stillUnused([name]),
    )
    expect(removal).toMatchObject({
      ok: false,
      kind: 'error',
      message: expect.stringMatching(/^Nothing was deleted: .*came into use/),
    })
    expect(fs.existsSync(path.join(content, 'media', name))).toBe(true)
    expect(commitCount()).toBe(before)

    // Seen present when the save was described, gone by the time it is written.
    fs.renameSync(path.join(content, 'media', name), path.join(work, name))
    try {
      expect(await mediaStore.stillPresent([name], [])()).toMatch(/removed meanwhile: upload it again/)
    } finally {
      fs.renameSync(path.join(work, name), path.join(content, 'media', name))
    }
    expect(await mediaStore.stillPresent([name], [])()).toBeUndefined()
  })
})
