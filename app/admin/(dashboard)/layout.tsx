import type { Metadata } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { SignOutButton } from '@/components/admin/sign-out-button'
import { currentAdmin } from '@/lib/auth/session'
import { pushStatus } from '@/lib/store'

/** A remote URL may carry a token (https://user:token@host/…): never show it. */
function withoutCredentials(text: string): string {
  return text.replace(/(\w+:\/\/)[^/@\s]+@/g, '$1')
}

export const metadata: Metadata = { title: 'Dashboard', robots: { index: false, follow: false } }
// Never rendered at build time: every dashboard page reads the session (and the credentials).
export const dynamic = 'force-dynamic'

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Each page sends signed-out visitors to sign in with its own address to come back to; a
  // redirect from here would win and always bring them back to /admin. The chrome is for the admin only.
  const admin = await currentAdmin()
  if (!admin) return children
  const push = pushStatus()
  return (
    <div className="admin">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="admin-header">
        <div className="admin-header-inner">
          <Link href="/admin" className="site-title">
            Publications dashboard
          </Link>
          <nav aria-label="Dashboard">
            <ul className="nav-list">
              <li>
                <Link href="/admin">All publications</Link>
              </li>
              <li>
                <Link href="/admin/publications/new">New publication</Link>
              </li>
              <li>
                <Link href="/admin/import">Import BibTeX</Link>
              </li>
              <li>
                <Link href="/">View site</Link>
              </li>
            </ul>
          </nav>
          <span className="muted admin-user">{admin.email}</span>
          <SignOutButton />
        </div>
      </header>
      {push?.lastError ? (
        <p className="banner banner-warning" role="status">
          Your changes are saved and committed here, but pushing to {withoutCredentials(push.remote)} failed (
          {withoutCredentials(push.lastError)}). It is retried every minute and after each save.
        </p>
      ) : null}
      <main id="main" className="admin-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  )
}
