import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import bcrypt from 'bcrypt'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { authEnv } from '../env.mjs'
import { GENERATED_ADMIN_EMAIL, loadCredentials } from './credentials'

let dir: string
/** The environment the server would start with. */
let source: Record<string, string | undefined>

function fresh() {
  return loadCredentials(authEnv(source))
}

function printedPassword(log: { mock: { calls: unknown[][] } }): string | undefined {
  const text = log.mock.calls.map((call) => call.join(' ')).join('\n')
  return /password: (\S+)/.exec(text)?.[1]
}

describe('admin credentials', () => {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credentials-'))
    source = { ADMIN_CREDENTIALS_FILE: path.join(dir, 'credentials.json') }
  })

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true })
    vi.restoreAllMocks()
  })

  it('on a first start, makes a random password, prints it once and keeps only its hash', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const credentials = fresh()
    const password = printedPassword(log)
    expect(password).toBeTruthy()
    expect(credentials.email).toBe(GENERATED_ADMIN_EMAIL)
    expect(bcrypt.compareSync(password ?? '', credentials.passwordHash)).toBe(true)

    const file = fs.readFileSync(source.ADMIN_CREDENTIALS_FILE ?? '', 'utf8')
    expect(file).not.toContain(password)
    expect(JSON.parse(file)).toEqual({
      email: GENERATED_ADMIN_EMAIL,
      passwordHash: credentials.passwordHash,
      secret: credentials.secret,
    })
    expect(credentials.secret.length).toBeGreaterThanOrEqual(32)
    expect(fs.statSync(source.ADMIN_CREDENTIALS_FILE ?? '').mode & 0o777).toBe(0o600)

    log.mockClear()
    expect(fresh()).toEqual(credentials)
    expect(printedPassword(log), 'printed only once').toBeUndefined()
  })

  it('never has a fixed default: two first starts make two passwords and secrets', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const first = fresh()
    fs.rmSync(source.ADMIN_CREDENTIALS_FILE ?? '')
    const second = fresh()
    expect(second.passwordHash).not.toBe(first.passwordHash)
    expect(second.secret).not.toBe(first.secret)
    expect(log).toHaveBeenCalledTimes(2)
  })

  it('uses ADMIN_EMAIL, ADMIN_PASSWORD_HASH and NEXTAUTH_SECRET when set, printing nothing', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const hash = bcrypt.hashSync('chosen password', 4)
    source.ADMIN_EMAIL = 'me@example.org'
    source.ADMIN_PASSWORD_HASH = hash
    source.NEXTAUTH_SECRET = 's'.repeat(40)
    expect(fresh()).toEqual({ email: 'me@example.org', passwordHash: hash, secret: 's'.repeat(40) })
    expect(log).not.toHaveBeenCalled()
    expect(fs.existsSync(source.ADMIN_CREDENTIALS_FILE ?? '')).toBe(false)
  })

  it('keeps a generated secret, but prints no password, when only the secret is missing', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    source.ADMIN_EMAIL = 'me@example.org'
    source.ADMIN_PASSWORD_HASH = bcrypt.hashSync('chosen password', 4)
    const credentials = fresh()
    expect(credentials.email).toBe('me@example.org')
    expect(credentials.secret.length).toBeGreaterThanOrEqual(32)
    expect(printedPassword(log)).toBeUndefined()
  })

  it('refuses half a configuration and a hash that is not bcrypt', () => {
    source.ADMIN_EMAIL = 'me@example.org'
    expect(() => fresh()).toThrow(/both ADMIN_EMAIL and ADMIN_PASSWORD_HASH/)
    source.ADMIN_PASSWORD_HASH = 'plaintext'
    expect(() => fresh()).toThrow(/bcrypt/)
  })

  it('is git-ignored', () => {
    expect(fs.readFileSync(path.join(__dirname, '../../.gitignore'), 'utf8')).toMatch(/^\.admin-credentials\.json$/m)
  })
})
