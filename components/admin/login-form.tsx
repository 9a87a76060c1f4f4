'use client'

import { signIn } from 'next-auth/react'
import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { safeReturnPath } from '@/lib/auth/return-path'

function retryMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60))
  const at = new Date(Date.now() + seconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (at ${at}).`
}

export function LoginForm({
  callbackUrl,
  initialError,
  github,
}: {
  callbackUrl?: string
  initialError?: string
  github: boolean
}) {
  const router = useRouter()
  const [error, setError] = useState(initialError ?? '')
  const [pending, setPending] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    setPending(true)
    setError('')
    try {
      const result = await signIn('credentials', {
        redirect: false,
        email: String(data.get('email') ?? ''),
        password: String(data.get('password') ?? ''),
      })
      if (result?.ok && !result.error) {
        router.replace(safeReturnPath(callbackUrl))
        router.refresh()
        return
      }
      if (result?.status === 429) {
        const retryAfter = Number(/^TooManyAttempts-(\d+)$/.exec(result.error ?? '')?.[1])
        setError(retryMessage(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 15 * 60))
      } else {
        setError('Invalid email or password')
      }
    } catch {
      setError('The server could not be reached. Check your connection and try again.')
    } finally {
      setPending(false)
    }
  }

  return (
    <form className="admin-form login-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="login-email">Email</label>
        <input id="login-email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="login-password">Password</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <p role="alert" className="form-error">
        {error}
      </p>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      {github ? (
        <button
          type="button"
          className="button"
          onClick={() => signIn('github', { callbackUrl: safeReturnPath(callbackUrl) })}
        >
          Sign in with GitHub
        </button>
      ) : null}
    </form>
  )
}
