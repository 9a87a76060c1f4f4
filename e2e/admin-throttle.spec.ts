import path from 'node:path'
import fc from 'fast-check'
import { expect, test } from '@playwright/test'
import { clientAddress, tag } from './support/admin'
import { E2E_ADMIN, E2E_PORT, E2E_ROOT } from './support/paths'
import { ServerProcess } from './support/server-process'
import { postAnnouncing, postSignIn, signInForm } from './support/requests'

/**
 * The sign-in throttle against the bypasses an attacker used: a forged X-Forwarded-For, repeated
 * email fields (next-auth reads the last, a naive throttle the first), and a JSON body under a
 * content type that only mentions JSON. Each server here is its own process, because these tests
 * lock the admin out for 15 minutes; a restart forgets the counts.
 */

const attempt = (server: ServerProcess, from: string, body: (csrfToken: string) => string, contentType?: string) =>
  postSignIn(server.origin, { from, body, ...(contentType ? { contentType } : {}) })
const form = signInForm
const rightPassword = form([
  ['email', E2E_ADMIN.email],
  ['password', E2E_ADMIN.password],
])

/** A server of the describe block's own, started before its tests and stopped after them. */
function ownServer(portOffset: number, name: string, env: Record<string, string> = {}) {
  const server = new ServerProcess(E2E_PORT + portOffset, path.join(E2E_ROOT, name), '.next-e2e-throttle', env)
  test.beforeAll(async () => {
    test.setTimeout(180_000)
    server.prepare()
    await server.start()
  })
  test.afterAll(() => server.stop())
  return server
}

/**
 * Five sign-ins of a new client each, `body()` each time, all refused with `status` (and
 * `message`, if given); then the admin's right password is refused too, with 429.
 */
async function expectLockedOutAfterFive(
  server: ServerProcess,
  {
    status,
    body,
    contentType,
    message,
  }: { status: number; body: () => (csrfToken: string) => string; contentType?: string; message?: string },
) {
  for (let guess = 1; guess <= 5; guess++) {
    const refused = await attempt(server, clientAddress(), body(), contentType)
    expect(refused.status, `guess ${guess}`).toBe(status)
    if (message) expect(refused.text).toContain(message)
  }
  const sixth = await attempt(server, clientAddress(), rightPassword)
  expect(sixth.status, 'even the right password is refused now').toBe(429)
}

test.describe('the sign-in throttle, on a server that trusts no proxy', () => {
  test.setTimeout(180_000)
  const server = ownServer(60, 'throttle-alone')

  test('counts a forged X-Forwarded-For under the real address: the sixth attempt gets 429', async () => {
    await expectLockedOutAfterFive(server, {
      status: 401,
      body: () =>
        form([
          ['email', `decoy-${tag()}@example.org`],
          ['password', 'wrong'],
        ]),
    })
  })
})

test.describe('the sign-in throttle, behind a trusted proxy', () => {
  test.setTimeout(180_000)
  // Every request comes from loopback, which this server trusts as its proxy: X-Forwarded-For then
  // stands for many distinct clients, so only the email can be what the throttle counts.
  const server = ownServer(61, 'throttle-proxied', { TRUST_PROXY: 'loopback' })
  // A restart forgets the counts (and signs in again, which proves the admin is not locked out).
  test.afterEach(async () => {
    await server.stop()
    await server.start()
  })

  test('refuses repeated email fields and counts them against the admin: the sixth attempt gets 429', async () => {
    await expectLockedOutAfterFive(server, {
      status: 400,
      message: 'each field once',
      body: () =>
        form([
          ['email', `decoy-${tag()}@example.org`],
          ['email', E2E_ADMIN.email],
          ['password', 'wrong'],
        ]),
    })
  })

  test('refuses a JSON body under a form content type and counts it against the admin: the sixth attempt gets 429', async () => {
    await expectLockedOutAfterFive(server, {
      status: 400,
      contentType: 'application/x-www-form-urlencoded; x=application/json',
      body: () => (csrfToken: string) =>
        JSON.stringify({ csrfToken, email: E2E_ADMIN.email, password: 'wrong', json: 'true' }),
    })
  })

  test('believes the proxy’s X-Forwarded-For: five failures from one client do not lock out another', async () => {
    const attacker = clientAddress()
    for (let guess = 1; guess <= 5; guess++)
      expect(
        (
          await attempt(
            server,
            attacker,
            form([
              ['email', `nobody-${tag()}@example.org`],
              ['password', 'x'],
            ]),
          )
        ).status,
      ).toBe(401)
    expect((await attempt(server, attacker, rightPassword)).status).toBe(429)
    expect((await attempt(server, clientAddress(), rightPassword)).status, 'another client signs in').toBe(200)
  })

  test('no generated sign-in body with repeated fields or a mixed content type signs in or escapes the count', async () => {
    const contentTypes = [
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; x=application/json',
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded;charset=UTF-8',
    ]
    const field = fc.oneof(
      fc.constant<[string, string]>(['email', E2E_ADMIN.email]),
      fc.emailAddress().map((email): [string, string] => ['email', email]),
      fc.string({ maxLength: 12 }).map((password): [string, string] => ['password', `wrong-${password}`]),
      fc.constantFrom<[string, string]>(
        ['email', ` ${E2E_ADMIN.email.toUpperCase()} `],
        ['callbackUrl', '/admin'],
        ['json', 'false'],
      ),
    )
    let namingAdmin = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(field, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(...contentTypes),
        fc.boolean(),
        async (fields, contentType, asJson) => {
          const body = asJson
            ? (csrfToken: string) => JSON.stringify({ csrfToken, ...Object.fromEntries(fields) })
            : form(fields)
          const answer = await attempt(server, clientAddress(), body, contentType)
          const shown = `${contentType} ${asJson ? 'JSON' : 'form'} ${JSON.stringify(fields)}: ${answer.status}`
          expect(answer.session, shown).toBe(false)
          expect(answer.status, shown).toBeLessThan(500)
          // The email next-auth would check: a JSON body's (when the type says JSON), a form's last.
          const checked = asJson
            ? contentType.includes('application/json')
              ? Object.fromEntries(fields).email
              : undefined
            : fields.filter(([name]) => name === 'email').at(-1)?.[1]
          if (checked?.trim().toLowerCase() === E2E_ADMIN.email) namingAdmin++
        },
      ),
      { numRuns: 40 },
    )
    // Every attempt next-auth would have checked against the admin counted, however it was disguised.
    if (namingAdmin >= 5) expect((await attempt(server, clientAddress(), rightPassword)).status).toBe(429)
  })

  test('answers an oversized or length-less sign-in body before reading it', async () => {
    const start = Date.now()
    expect(
      await postAnnouncing(server.origin, '/api/auth/callback/credentials', {
        'content-length': String(100 * 1024 * 1024),
      }),
    ).toBe(413)
    expect(
      await postAnnouncing(server.origin, '/api/auth/callback/credentials', { 'transfer-encoding': 'chunked' }),
    ).toBe(411)
    expect(
      await postAnnouncing(server.origin, '/api/admin/publications', { 'content-length': String(100 * 1024 * 1024) }),
    ).toBe(413)
    expect(Date.now() - start, 'none of the 100 MB was waited for').toBeLessThan(5_000)
    expect((await fetch(`${server.origin}/robots.txt`)).status, 'the server carries on').toBe(200)
  })
})
