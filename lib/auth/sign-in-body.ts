import 'server-only'
import { SIGN_IN_BODY_LIMIT } from './sign-in-limit.mjs'

/**
 * Reads a credentials sign-in the way next-auth will (`next-auth/next/utils.js`, `getBody`): a
 * content type that merely *contains* `application/json` is JSON to it, one that contains
 * `application/x-www-form-urlencoded` is a form, and of repeated form fields the last one wins.
 * The throttle must count the email next-auth checks, so anything next-auth could read otherwise
 * than we do is refused here: only a plain form without repeated fields goes on, and a refused
 * body names the emails next-auth could have checked (the form's last, the JSON's), each of which
 * is counted as a failure.
 */

export type SignInAttempt =
  { ok: true; body: string; emails: string[] } | { ok: false; status: 400 | 413; message: string; emails: string[] }

const FORM = 'application/x-www-form-urlencoded'

/** As `authorize` compares it (lib/auth/options.ts). */
const normalizeEmail = (email: string) => email.trim().toLowerCase()

/** The body as text, or undefined once it passes `limit` bytes (the rest is never read). */
async function readLimited(request: Request, limit: number): Promise<string | undefined> {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let bytes = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    bytes += value.byteLength
    if (bytes > limit) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function jsonEmail(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed === 'object' && parsed !== null && 'email' in parsed && typeof parsed.email === 'string')
      return parsed.email
  } catch {
    // not JSON: next-auth would fail on it too
  }
  return undefined
}

export async function readSignIn(request: Request): Promise<SignInAttempt> {
  const contentType = request.headers.get('content-type') ?? ''
  const text = await readLimited(request, SIGN_IN_BODY_LIMIT)
  if (text === undefined)
    return { ok: false, status: 413, message: `A sign-in is at most ${SIGN_IN_BODY_LIMIT / 1024} kB.`, emails: [] }

  // What next-auth would check: the last email of a form, or the JSON's. At most these two are
  // counted, however many a body names: a body naming hundreds would flood the throttle's keys.
  const form = new URLSearchParams(text)
  const formEmail = form.getAll('email').at(-1)
  const json = contentType.includes('application/json') ? jsonEmail(text) : undefined
  const emails = [...new Set([formEmail, json].filter((email) => email !== undefined).map(normalizeEmail))]
  const named = emails.length ? emails : ['']

  const mediaType = contentType.split(';')[0]?.trim()
  if (mediaType !== FORM || contentType.toLowerCase().includes('application/json')) {
    return {
      ok: false,
      status: 400,
      message: 'Sign in with the form (application/x-www-form-urlencoded).',
      emails: named,
    }
  }
  const names = [...form.keys()]
  if (new Set(names).size !== names.length)
    return { ok: false, status: 400, message: 'A sign-in may give each field once.', emails: named }
  return { ok: true, body: text, emails: named }
}
