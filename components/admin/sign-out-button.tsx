'use client'

import { signOut } from 'next-auth/react'
import { useState } from 'react'
import { routes } from '@/lib/domain/routes.mjs'

/**
 * Signs out, then opens the sign-in page on the origin the admin is using. next-auth's own
 * redirect would name its configured origin (NEXTAUTH_URL, else `localhost:3000`), which need not
 * be the one in the address bar.
 */
export function SignOutButton() {
  const [pending, setPending] = useState(false)
  const [failed, setFailed] = useState(false)
  const signOutHere = async () => {
    setPending(true)
    setFailed(false)
    try {
      await signOut({ redirect: false })
      window.location.assign(routes.signIn)
    } catch {
      setFailed(true)
      setPending(false)
    }
  }
  return (
    <>
      <button type="button" className="button button-quiet" disabled={pending} onClick={() => void signOutHere()}>
        {pending ? 'Signing out…' : 'Sign out'}
      </button>
      {failed ? (
        <span role="alert" className="field-error">
          Could not sign out: the server could not be reached.
        </span>
      ) : null}
    </>
  )
}
