import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readSignIn } from './sign-in-body'
import { SIGN_IN_BODY_LIMIT } from './sign-in-limit.mjs'

const post = (contentType: string | undefined, body: string) =>
  new Request('http://localhost/api/auth/callback/credentials', {
    method: 'POST',
    headers: contentType ? { 'content-type': contentType } : {},
    body,
  })

const ADMIN = 'owner@example.org'
const email = fc.emailAddress()

describe('reading a sign-in as next-auth will', () => {
  it('passes a plain form on, byte for byte, keyed by its one email', async () => {
    const body = new URLSearchParams({
      csrfToken: 't',
      email: ` ${ADMIN.toUpperCase()} `,
      password: 'p',
      json: 'true',
    }).toString()
    expect(await readSignIn(post('application/x-www-form-urlencoded', body))).toEqual({
      ok: true,
      body,
      emails: [ADMIN],
    })
    expect((await readSignIn(post('application/x-www-form-urlencoded;charset=UTF-8', body))).ok).toBe(true)
  })

  it('refuses repeated fields, and counts the attempt against the email next-auth would check (the last), never more than two', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(email, { minLength: 1, maxLength: 400 }), async (decoys) => {
        const body = [
          ...decoys.map((decoy) => `email=${encodeURIComponent(decoy)}`),
          `email=${encodeURIComponent(ADMIN)}`,
          'password=wrong',
        ].join('&')
        const attempt = await readSignIn(post('application/x-www-form-urlencoded', body))
        expect(attempt.ok).toBe(false)
        expect(attempt.emails).toEqual([ADMIN])
      }),
      { numRuns: 50 },
    )
    const twice = await readSignIn(post('application/x-www-form-urlencoded', 'email=a@x.org&password=1&password=2'))
    expect(twice).toMatchObject({ ok: false, status: 400, emails: ['a@x.org'] })
  })

  it('refuses any content type next-auth would read as JSON, counting the JSON’s email', async () => {
    const json = JSON.stringify({ csrfToken: 't', email: ADMIN, password: 'wrong' })
    for (const type of [
      'application/x-www-form-urlencoded; x=application/json',
      'application/json',
      'text/plain; application/json',
      'application/x-www-form-urlencoded, application/json',
    ]) {
      const attempt = await readSignIn(post(type, json))
      expect(attempt, type).toMatchObject({ ok: false, status: 400 })
      expect(attempt.emails, type).toContain(ADMIN)
    }
  })

  it('refuses other encodings and a missing type', async () => {
    for (const type of ['multipart/form-data; boundary=x', 'text/plain', undefined]) {
      expect((await readSignIn(post(type, `email=${ADMIN}&password=x`))).ok, String(type)).toBe(false)
    }
  })

  it('stops reading past the limit', async () => {
    const attempt = await readSignIn(
      post('application/x-www-form-urlencoded', `email=a&password=${'x'.repeat(SIGN_IN_BODY_LIMIT)}`),
    )
    expect(attempt).toMatchObject({ ok: false, status: 413 })
  })
})
