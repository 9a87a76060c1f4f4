import NextAuth from 'next-auth'
import { NextRequest, NextResponse } from 'next/server'
import { authOptions } from '@/lib/auth/options'
import { passwordLaneFull } from '@/lib/auth/password'
import { readSignIn } from '@/lib/auth/sign-in-body'
import { addressKey, clientAddress, emailKey, loginThrottle } from '@/lib/auth/throttle-store'
import { requestOrigin } from '@/lib/server/request-origin'
import { routes } from '@/lib/domain/routes.mjs'

type Context = { params: Promise<{ nextauth: string[] }> }

function nextAuth(request: NextRequest, context: Context) {
  return NextAuth(request as never, context as never, authOptions()) as Promise<Response>
}

export function GET(request: NextRequest, context: Context) {
  return nextAuth(request, context)
}

function tooManyAttempts(request: NextRequest, waitMs: number): Response {
  const seconds = Math.ceil(waitMs / 1000)
  const minutes = Math.ceil(seconds / 60)
  const message = `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
  // next-auth's signIn() reads `error` from this absolute URL and hands the page only that value,
  // so it carries the wait too.
  const url = new URL(routes.signIn, requestOrigin(request.headers) ?? request.nextUrl.origin)
  url.searchParams.set('error', `TooManyAttempts-${seconds}`)
  return NextResponse.json(
    { url: url.toString(), message, retryAfter: seconds },
    { status: 429, headers: { 'Retry-After': String(seconds) } },
  )
}

/**
 * Password sign-ins pass the throttle first: after 5 failures for one email or one address in
 * 15 minutes, every attempt (even a right one) gets 429 until the window has room again. The
 * throttle counts exactly the email next-auth will check: the body is read once, and next-auth is
 * handed those same bytes. A body next-auth could read in more than one way is refused, and
 * counted against the emails next-auth could have checked (lib/auth/sign-in-body.ts).
 */
export async function POST(request: NextRequest, context: Context) {
  const { nextauth } = await context.params
  // next-auth reads only the first two segments: `/callback/credentials/anything` is a sign-in too.
  if (nextauth[0] !== 'callback' || nextauth[1] !== 'credentials') return nextAuth(request, context)

  const attempt = await readSignIn(request)
  // The address comes from the production server, which sets it from the socket or a trusted proxy.
  const keys = [...attempt.emails.map(emailKey), addressKey(clientAddress(request.headers))]
  const throttle = loginThrottle()
  const waitMs = throttle.retryAfterMs(keys)
  if (waitMs > 0) return tooManyAttempts(request, waitMs)
  if (!attempt.ok) {
    throttle.recordFailure(keys)
    return NextResponse.json({ message: attempt.message }, { status: attempt.status })
  }
  if (passwordLaneFull()) {
    return NextResponse.json(
      { message: 'Too many sign-in attempts are being checked; try again in a few seconds.' },
      { status: 503, headers: { 'Retry-After': '5' } },
    )
  }

  const exact = new NextRequest(request.url, { method: 'POST', headers: request.headers, body: attempt.body })
  const response = await nextAuth(exact, context)
  // Only a session cookie proves the password was right; anything else (a wrong password, a
  // missing CSRF token) counts against the email and the address.
  // (next-auth splits a large session cookie into `.session-token.0`, `.1`, …)
  const signedIn = response.headers
    .getSetCookie()
    .some((cookie) => /^(__Secure-)?next-auth\.session-token(\.\d+)?=[^;]+/.test(cookie))
  if (signedIn) throttle.recordSuccess(keys)
  else throttle.recordFailure(keys)
  return response
}
