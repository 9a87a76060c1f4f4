import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { LoginForm } from '@/components/admin/login-form'
import { safeReturnPath } from '@/lib/auth/return-path'
import { currentAdmin } from '@/lib/auth/session'
import { authEnv } from '@/lib/env.mjs'

export const metadata: Metadata = { title: 'Sign in', robots: { index: false, follow: false } }
// Reads the session; never rendered at build time.
export const dynamic = 'force-dynamic'

const ERRORS: Record<string, string> = {
  CredentialsSignin: 'Invalid email or password',
  AccessDenied: 'This GitHub account is not allowed to sign in here.',
  TooManyAttempts: 'Too many failed sign-in attempts. Try again later.',
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams
  const callbackUrl = typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined
  if (await currentAdmin()) redirect(safeReturnPath(callbackUrl))
  const code = typeof params.error === 'string' ? params.error.replace(/-\d+$/, '') : undefined
  const error = code
    ? ((Object.hasOwn(ERRORS, code) ? ERRORS[code] : undefined) ?? 'Sign-in failed. Try again.')
    : undefined
  return (
    <main id="main" className="admin-login">
      <h1>Sign in</h1>
      <p className="muted">Sign in to edit your publications.</p>
      <noscript>
        <p className="form-error">Signing in needs JavaScript.</p>
      </noscript>
      <LoginForm callbackUrl={callbackUrl} initialError={error} github={authEnv().github !== undefined} />
    </main>
  )
}
