import type * as ChildProcesses from 'node:child_process'
import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as Health from './health'
import type * as Regenerate from '../content/live/regenerate'

/**
 * The Contentlayer worker, played by a fake child process: each build is answered with
 * `workerAnswer`, so a failed and a successful regeneration can be had without Contentlayer.
 */
const worker = vi.hoisted(() => ({ answer: { ok: true } as { ok: true } | { ok: false; error: string } }))
vi.mock('node:child_process', async (original) => ({
  ...(await original<typeof ChildProcesses>()),
  fork: () => {
    const child = Object.assign(new EventEmitter(), {
      channel: { unref: () => undefined },
      unref: () => undefined,
      kill: () => true,
      send: (message: { id: number }) => {
        const reply = worker.answer.ok ? { ok: true, documents: 1, ms: 1 } : worker.answer
        setImmediate(() => child.emit('message', { id: message.id, ...reply }))
        return true
      },
    })
    setImmediate(() => child.emit('message', { type: 'ready' }))
    return child
  },
}))

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'store-health-'))
const content = path.join(work, 'content')
const paper = (slug: string) => path.join(content, 'publications', `${slug}.mdx`)

const VALID_SITE = 'owner: Ada Lovelace\ntitle: Ada Lovelace\ndescription: Papers.\nmaxAuthors: 3\n'
const paperWithYear = (year: string) => `---\ntitle: A paper\nyear: ${year}\nauthors:\n  - name: Ada Lovelace\n---\n`

let health: typeof Health
let regenerate: typeof Regenerate
/** The site shows an earlier version of every paper (not the bytes on disk), unless told otherwise. */
const shownEarlier = () => 'an-earlier-version'

beforeAll(async () => {
  fs.mkdirSync(path.join(content, 'publications'), { recursive: true })
  vi.stubEnv('CONTENT_DIR', content)
  vi.resetModules()
  health = await import('./health')
  regenerate = await import('../content/live/regenerate')
})

beforeEach(() => {
  fs.rmSync(path.join(content, 'publications'), { recursive: true, force: true })
  fs.mkdirSync(path.join(content, 'publications'))
  fs.writeFileSync(path.join(content, 'site.yaml'), VALID_SITE)
})

afterAll(() => {
  vi.unstubAllEnvs()
  fs.rmSync(work, { recursive: true, force: true })
})

describe('content health: files edited by hand', () => {
  it('is quiet when every file is valid and shown', async () => {
    fs.writeFileSync(paper('fine'), paperWithYear('2020'))
    const { versionOf } = await import('../content/version')
    const shown = versionOf(paperWithYear('2020'))
    expect(await health.contentHealth(() => shown)).toEqual({ problems: [], pending: [] })
  })

  it('names the paper’s file and field, and that the site keeps its last valid version', async () => {
    fs.writeFileSync(paper('hand-broken'), paperWithYear('abc'))
    const { problems } = await health.contentHealth(shownEarlier)
    expect(problems).toEqual([
      {
        file: 'publications/hand-broken.mdx',
        field: 'year',
        message: 'year must be a number',
        serving: 'earlier-version',
      },
    ])
  })

  it('says the site shows nothing for a broken paper it never read', async () => {
    fs.writeFileSync(paper('never-read'), paperWithYear('abc'))
    const { problems } = await health.contentHealth(() => undefined)
    expect(problems).toMatchObject([{ file: 'publications/never-read.mdx', field: 'year', serving: 'nothing' }])
  })

  it('names a nested field and an unknown one', async () => {
    fs.writeFileSync(paper('nameless'), '---\ntitle: T\nyear: 2020\nauthors:\n  - name: ""\n---\n')
    fs.writeFileSync(paper('typo'), '---\ntitle: T\nyear: 2020\nvenu: X\nauthors:\n  - name: A\n---\n')
    const { problems } = await health.contentHealth(shownEarlier)
    expect(problems.map(({ file, field }) => [file, field])).toEqual([
      ['publications/nameless.mdx', 'authors.0.name'],
      ['publications/typo.mdx', 'venu'],
    ])
    expect(problems[1]?.message).toMatch(/^venu is not a field of a publication/)
  })

  it('keeps a message that is no one field’s whole (YAML that does not parse)', async () => {
    fs.writeFileSync(paper('bad-yaml'), '---\ntitle: [unclosed\nyear: 2020\n---\n')
    const { problems } = await health.contentHealth(shownEarlier)
    expect(problems).toHaveLength(1)
    expect(problems[0]?.field).toBeUndefined()
    expect(problems[0]?.message).toMatch(/^The frontmatter is not valid YAML: .+ at line 2, column \d+$/)
  })

  it('names a field of site.yaml that stops Contentlayer, and that the site keeps its last settings', async () => {
    fs.writeFileSync(path.join(content, 'site.yaml'), VALID_SITE.replace('maxAuthors: 3', 'maxAuthors: lots'))
    const { problems } = await health.contentHealth(shownEarlier)
    expect(problems).toEqual([
      { file: 'site.yaml', field: 'maxAuthors', message: 'maxAuthors must be a number', serving: 'earlier-settings' },
    ])
  })

  it('says when site.yaml is missing or is not YAML', async () => {
    fs.rmSync(path.join(content, 'site.yaml'))
    expect((await health.contentHealth(shownEarlier)).problems).toMatchObject([
      { file: 'site.yaml', message: 'The file is missing.' },
    ])
    fs.writeFileSync(path.join(content, 'site.yaml'), 'owner: [unclosed\n')
    expect((await health.contentHealth(shownEarlier)).problems).toMatchObject([
      { file: 'site.yaml', message: expect.stringMatching(/^The file is not valid YAML: [^\n]+$/) },
    ])
  })
})

describe('content health: the background regeneration', () => {
  it('keeps the last failure, with its time and message, until a regeneration succeeds', async () => {
    worker.answer = { ok: false, error: 'Invalid site.yaml: maxAuthors must be a number' }
    const before = Date.now()
    await expect(regenerate.regenerateContent()).rejects.toThrow(/maxAuthors/)
    const { regeneration } = await health.contentHealth(shownEarlier)
    expect(regeneration?.message).toBe(
      'Contentlayer could not rebuild the content: Invalid site.yaml: maxAuthors must be a number',
    )
    expect(regeneration?.at.getTime()).toBeGreaterThanOrEqual(before)
    expect(regeneration?.at.getTime()).toBeLessThanOrEqual(Date.now())

    worker.answer = { ok: true }
    await regenerate.regenerateContent()
    expect((await health.contentHealth(shownEarlier)).regeneration).toBeUndefined()
  })

  it('says where the reasons are when Contentlayer gives only its tag', async () => {
    worker.answer = { ok: false, error: 'SourceFetchDataError: {\n  "_tag": "HandledFetchDataError"\n}' }
    await expect(regenerate.regenerateContent()).rejects.toThrow()
    expect((await health.contentHealth(shownEarlier)).regeneration?.message).toBe(
      'Contentlayer refused a file (the server’s log names it and the field)',
    )
    worker.answer = { ok: true }
    await regenerate.regenerateContent()
  })
})
