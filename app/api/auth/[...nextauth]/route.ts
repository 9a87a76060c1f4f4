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
  if (nextauth.join('/') !== 'callback/credentials') return nextAuth(request, context)

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
  const location = response.headers.get('location') ?? ((await response.clone().json().catch(() => ({}))) as { url?: string }).url ?? ''
  if (new URL(location, request.nextUrl.origin).searchParams.has('error')) throttle.recordFailure(keys)
  else throttle.recordSuccess(keys)
  return response
}
