import 'server-only'
import { getServerSession } from 'next-auth'
import { redirect, unauthorized } from 'next/navigation'
import { authOptions } from './options'
import { routes } from '../domain/routes.mjs'

export type Admin = { name: string; email: string }

/**
 * The signed-in admin, or undefined. Every admin page, action and route asks this itself. A
 * signed-out, stale or pre-revocation token is refused inside next-auth's `jwt` callback
 * (lib/auth/session-token.ts), so it reaches here as no session.
 */
export async function currentAdmin(): Promise<Admin | undefined> {
  const session = await getServerSession(authOptions())
  const email = session?.user?.email
  if (!email) return undefined
  return { name: session.user?.name || email, email }
}

/** For admin pages: signed-out visitors go to the sign-in page and come back after. */
export async function requireAdminPage(returnTo: string): Promise<Admin> {
  const admin = await currentAdmin()
  if (!admin) redirect(`${routes.signIn}?callbackUrl=${encodeURIComponent(returnTo)}`)
  return admin
}

/** For server actions and route handlers: signed-out callers get HTTP 401. */
export async function requireAdmin(): Promise<Admin> {
  const admin = await currentAdmin()
  if (!admin) unauthorized()
  return admin
}
