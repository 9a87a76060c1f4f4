import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as Recover from './recover'

// Recovery at start against a real git repository in a temporary folder, with real git processes.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'store-recover-'))
const content = path.join(work, 'content')
const publications = path.join(content, 'publications')
const lock = path.join(content, '.git', 'index.lock')
const leftover = path.join(publications, '.paper.mdx.1234.tmp')

let recover: typeof Recover
const gits: ChildProcess[] = []

/**
 * A git that runs until its input closes, started in `cwd`; resolves once /proc shows it working
 * in `within` (git moves to the top of its repository as it starts).
 */
async function gitRunningIn(cwd: string, within: string): Promise<ChildProcess> {
  const child = spawn('git', ['hash-object', '--stdin'], { cwd, stdio: ['pipe', 'ignore', 'ignore'] })
  gits.push(child)
  await vi.waitFor(
    () => {
      expect(fs.readFileSync(`/proc/${child.pid}/comm`, 'utf8').trim()).toBe('git')
      expect(fs.readlinkSync(`/proc/${child.pid}/cwd`)).toBe(fs.realpathSync(within))
    },
    { timeout: 10_000 },
  )
  return child
}

beforeAll(async () => {
  fs.mkdirSync(publications, { recursive: true })
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: content })
  vi.stubEnv('CONTENT_DIR', content)
  vi.resetModules()
  recover = await import('./recover')
})

afterEach(() => {
  for (const child of gits.splice(0)) child.kill()
})

afterAll(() => {
  vi.unstubAllEnvs()
  fs.rmSync(work, { recursive: true, force: true })
})

describe('recovery after a crash', () => {
  it('removes a write’s temporary file and the lock of a cut-off commit while git runs only elsewhere', async () => {
    fs.writeFileSync(lock, '')
    fs.writeFileSync(leftover, 'half a paper')
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'store-recover-elsewhere-'))
    try {
      await gitRunningIn(elsewhere, elsewhere)
      await recover.recoverAfterCrash()
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true })
    }
    expect(fs.existsSync(lock), 'the stale lock is gone').toBe(false)
    expect(fs.existsSync(leftover)).toBe(false)
  })

  it('keeps the lock while a git runs in the content repository', async () => {
    fs.writeFileSync(lock, '')
    await gitRunningIn(publications, content)
    await recover.recoverAfterCrash()
    expect(fs.existsSync(lock), 'the lock of a git at work stays').toBe(true)
    fs.rmSync(lock)
  })
})
