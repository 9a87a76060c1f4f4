import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { REVOCATIONS_FILE, RevocationList } from './revocations'

const HOUR = 60 * 60 * 1000

let dir: string
let file: string
let now: number

/** A list as a server process holds it, on the shared file and clock. */
const list = () => new RevocationList(file, () => now)
const session = (sid: string, signedInAt = now - HOUR) => ({ sid, signedInAt })

describe('the revocation list', () => {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'revocations-'))
    file = path.join(dir, REVOCATIONS_FILE)
    now = Date.now()
  })

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true })
    vi.restoreAllMocks()
  })

  it('refuses a revoked session and only that one', async () => {
    const revocations = list()
    expect(await revocations.refuses(session('a'))).toBe(false)
    await revocations.revoke('a', now + 7 * HOUR)
    expect(await revocations.refuses(session('a'))).toBe(true)
    expect(await revocations.refuses(session('b'))).toBe(false)
  })

  it('keeps a revoked session after a restart, from its file', async () => {
    await list().revoke('a', now + 7 * HOUR)
    const restarted = list()
    expect(await restarted.refuses(session('a'))).toBe(true)
    expect(await restarted.refuses(session('b'))).toBe(false)
  })

  it('hears a revocation another process wrote to the file after it was read', async () => {
    const first = list()
    const second = list()
    expect(await second.refuses(session('a'))).toBe(false)
    await first.revoke('a', now + 7 * HOUR)
    expect(await second.refuses(session('a'))).toBe(true)
    // …and its own next write keeps the other's revocation.
    await second.revoke('b', now + 7 * HOUR)
    expect(await list().refuses(session('a'))).toBe(true)
  })

  it('forgets a session once it would have expired anyway, in memory and in the file', async () => {
    const revocations = list()
    await revocations.revoke('soon', now + HOUR)
    await revocations.revoke('later', now + 3 * HOUR)
    now += 2 * HOUR
    expect(await revocations.refuses(session('soon'))).toBe(false)
    expect(await revocations.refuses(session('later'))).toBe(true)
    await revocations.revoke('new', now + 8 * HOUR)
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { revoked: Record<string, number> }
    expect(Object.keys(stored.revoked).sort()).toEqual(['later', 'new'])
  })

  it('loses no revocation when several are written at once', async () => {
    const revocations = list()
    const sids = Array.from({ length: 20 }, (_, i) => `s${i}`)
    await Promise.all(sids.map((sid) => revocations.revoke(sid, now + HOUR)))
    const restarted = list()
    for (const sid of sids) expect(await restarted.refuses(session(sid)), sid).toBe(true)
    expect(fs.readdirSync(dir), 'no temporary file is left').toEqual([REVOCATIONS_FILE])
  })

  it('reports a damaged file, refuses the sessions it may have ended, and lets new ones in', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await list().revoke('a', now + 7 * HOUR)
    const before = session('b', now - HOUR)
    fs.writeFileSync(file, '{"revoked": {"a": ')
    // The server restarts a minute later; the admin signs in again.
    now += 60_000
    const restarted = list()

    await expect(restarted.sync()).resolves.toBeUndefined()
    expect(error).toHaveBeenCalledOnce()
    expect(String(error.mock.calls[0]?.[0])).toContain(file)
    expect(await restarted.refuses(session('a', before.signedInAt)), 'the revoked one stays out').toBe(true)
    expect(await restarted.refuses(before), 'as does any session signed in before the damage').toBe(true)
    expect(await restarted.refuses(session('c', now)), 'a session signed in now is accepted').toBe(false)

    expect(JSON.parse(fs.readFileSync(file, 'utf8')), 'the file is whole again').toMatchObject({ revoked: {} })
    expect(await list().refuses(before), 'and says so after the next restart').toBe(true)
    expect(error, 'reported once').toHaveBeenCalledOnce()
  })

  it('treats a file of the wrong shape as damaged', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    fs.writeFileSync(file, JSON.stringify({ revoked: ['a'] }))
    now += 60_000
    expect(await list().refuses(session('c', now))).toBe(false)
    expect(await list().refuses(session('b', now - HOUR))).toBe(true)
    expect(error).toHaveBeenCalledOnce()
  })

  it('is git-ignored under its default name, and so is its temporary file', () => {
    const ignored = fs.readFileSync(path.join(__dirname, '../../.gitignore'), 'utf8').split('\n')
    expect(ignored).toContain(REVOCATIONS_FILE)
    expect(ignored).toContain(`.${REVOCATIONS_FILE}.*.tmp`)
  })
})
