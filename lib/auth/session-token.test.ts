import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { JWT } from 'next-auth/jwt'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { REVOCATIONS_FILE, RevocationList } from './revocations'
import {
  logAuthError,
  passwordFingerprint,
  SESSION_MAX_AGE_S,
  SessionRefused,
  sessionLifecycle,
  type SessionPolicy,
} from './session-token'

const HASH = '$2b$12$abcdefghijklmnopqrstuuFq0TxVYVn1pHqYHRr8Ti1nJ5WH5aUpm'

let dir: string
let now: number

function policy(changes: Partial<SessionPolicy> = {}): SessionPolicy {
  return {
    passwordFingerprint: passwordFingerprint(HASH),
    githubLogins: ['lpetrini'],
    revocations: new RevocationList(path.join(dir, REVOCATIONS_FILE), () => now),
    now: () => now,
    ...changes,
  }
}

const admin = { id: 'admin', email: 'owner@example.org', name: 'Owner' }
const base: JWT = { email: admin.email, name: admin.name, sub: 'admin' }

/** The token next-auth keeps in the cookie after a password sign-in. */
async function signIn(sessions: ReturnType<typeof sessionLifecycle>): Promise<JWT> {
  return sessions.jwt({
    token: base,
    user: admin,
    account: { provider: 'credentials', type: 'credentials', providerAccountId: 'admin' },
  })
}

/** A session check, as `/api/auth/session` and `currentAdmin()` make it. */
const check = (sessions: ReturnType<typeof sessionLifecycle>, token: JWT) => sessions.jwt({ token })

describe('a session', () => {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'session-token-'))
    now = Date.now()
  })

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true })
    vi.restoreAllMocks()
  })

  it('is accepted until it is signed out, and its copy is refused after, while another sign-in goes on', async () => {
    const sessions = sessionLifecycle(policy())
    const token = await signIn(sessions)
    const other = await signIn(sessions)
    expect(token.sid).not.toBe(other.sid)
    await expect(check(sessions, token)).resolves.toEqual(token)

    await sessions.signOut({ token })
    await expect(check(sessions, token)).rejects.toThrow(/signed out/)
    await expect(check(sessions, other)).resolves.toEqual(other)
  })

  it('stays signed out after a restart', async () => {
    const token = await signIn(sessionLifecycle(policy()))
    await sessionLifecycle(policy()).signOut({ token })
    await expect(check(sessionLifecycle(policy()), token)).rejects.toBeInstanceOf(SessionRefused)
  })

  it('is refused once the admin password hash changed', async () => {
    const token = await signIn(sessionLifecycle(policy()))
    const rotated = sessionLifecycle(policy({ passwordFingerprint: passwordFingerprint(`${HASH}x`) }))
    await expect(check(rotated, token)).rejects.toThrow(/password changed/)
    await expect(check(rotated, await signIn(rotated))).resolves.toBeTruthy()
  })

  it('is refused without a session id: issued before sessions could be ended', async () => {
    const sessions = sessionLifecycle(policy())
    await expect(check(sessions, base)).rejects.toThrow(/before sessions could be ended/)
    const { sid: _sid, ...withoutId } = await signIn(sessions)
    await expect(check(sessions, withoutId)).rejects.toBeInstanceOf(SessionRefused)
  })

  it('lasts 8 hours from sign-in, however often it was checked', async () => {
    const sessions = sessionLifecycle(policy())
    const token = await signIn(sessions)
    now += SESSION_MAX_AGE_S * 1000 - 1
    await expect(check(sessions, token)).resolves.toEqual(token)
    now += 1
    await expect(check(sessions, token)).rejects.toThrow(/8 hours/)
  })

  it('from GitHub ends when its login leaves ADMIN_GITHUB_LOGINS', async () => {
    const sessions = sessionLifecycle(policy())
    const token = await sessions.jwt({
      token: base,
      user: admin,
      account: { provider: 'github', type: 'oauth', providerAccountId: '1' },
      profile: { login: 'LPetrini' },
    })
    await expect(check(sessions, token)).resolves.toEqual(token)
    await expect(check(sessionLifecycle(policy({ githubLogins: [] })), token)).rejects.toThrow(/GitHub login/)
  })

  it('can still be signed into when the revocation file is damaged', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const before = await signIn(sessionLifecycle(policy()))
    fs.writeFileSync(path.join(dir, REVOCATIONS_FILE), 'not json')
    now += 60_000
    const restarted = sessionLifecycle(policy())
    const token = await signIn(restarted)
    await expect(check(restarted, token)).resolves.toEqual(token)
    await expect(check(restarted, before)).rejects.toThrow(/signed out/)
    expect(error).toHaveBeenCalledOnce()
  })

  it('refused is not logged as a server error; other next-auth errors are', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    logAuthError('JWT_SESSION_ERROR', new SessionRefused('Session refused: it was signed out.'))
    expect(error).not.toHaveBeenCalled()
    const failure = new Error('decryption failed')
    logAuthError('JWT_SESSION_ERROR', failure)
    expect(error).toHaveBeenCalledWith('[next-auth][error][JWT_SESSION_ERROR]', failure)
  })
})
