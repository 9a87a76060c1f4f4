import NextAuth from 'next-auth'
import { NextResponse, type NextRequest } from 'next/server'
import { authOptions } from '@/lib/auth/options'
import { clientAddress, loginThrottle } from '@/lib/auth/throttle-store'

type Context = { params: Promise<{ nextauth: string[] }> }

function nextAuth(request: NextRequest, context: Context) {
  return NextAuth(request as never, context as never, authOptions()) as Promise<Response>
}

export function GET(request: NextRequest, context: Context) {
  return nextAuth(request, context)
}

/**
 * Password sign-ins pass the throttle first: after 5 failures for one email or one address in
 * 15 minutes, every attempt (even a right one) gets 429 until the window has room again.
 */
export async function POST(request: NextRequest, context: Context) {
  const { nextauth } = await context.params
  // next-auth reads only the first two segments: `/callback/credentials/anything` is a sign-in too.
  if (nextauth[0] !== 'callback' || nextauth[1] !== 'credentials') return nextAuth(request, context)
  // The throttle must read the same email next-auth checks: accept only the form encoding it sends.
  if (request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() !== 'application/x-www-form-urlencoded') {
    return NextResponse.json({ message: 'Sign in with the form.' }, { status: 400 })
  }

  const form = await request.clone().formData()
  const email = String(form.get('email') ?? '').trim().toLowerCase()
  const keys = [`email:${email}`, `address:${clientAddress(request.headers)}`]
  const throttle = loginThrottle()
  const waitMs = throttle.retryAfterMs(keys)
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000)
    const minutes = Math.ceil(seconds / 60)
    const message = `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
    const url = new URL('/admin/login', request.nextUrl.origin)
    // next-auth's signIn() hands the page only the `error` value, so it carries the wait too.
    url.searchParams.set('error', `TooManyAttempts-${seconds}`)
    return NextResponse.json({ url: url.toString(), message, retryAfter: seconds }, { status: 429, headers: { 'Retry-After': String(seconds) } })
  }

  const response = await nextAuth(request, context)
  // Only a session cookie proves the password was right; anything else (a wrong password, a
  // missing CSRF token) counts against the email and the address.
  const signedIn = response.headers.getSetCookie().some((cookie) => /^(__Secure-)?next-auth\.session-token=[^;]+/.test(cookie))
  if (signedIn) throttle.recordSuccess(keys)
  else throttle.recordFailure(keys)
  return response
}
