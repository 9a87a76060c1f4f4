'use client'

import { signOut } from 'next-auth/react'
import { routes } from '@/lib/domain/routes.mjs'

export function SignOutButton() {
  return (
    <button type="button" className="button button-quiet" onClick={() => signOut({ callbackUrl: routes.signIn })}>
      Sign out
    </button>
  )
}
