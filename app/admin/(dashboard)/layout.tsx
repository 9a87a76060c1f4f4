import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { ContentHealthSummary } from '@/components/admin/content-health'
import { SignOutButton } from '@/components/admin/sign-out-button'
import { Masthead } from '@/components/site/masthead'
import { currentAdmin } from '@/lib/auth/session'
import { pushStatus } from '@/lib/store'
import { routes } from '@/lib/domain/routes.mjs'

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
      <Masthead
        variant="admin"
        title="Publications dashboard"
        titleHref={routes.admin}
        navLabel="Dashboard"
        links={[
          [routes.admin, 'All publications'],
          [routes.newPublication, 'New publication'],
          [routes.importBibtex, 'Import BibTeX'],
          [routes.settings, 'Settings'],
          [routes.mediaLibrary, 'Media'],
          [routes.deleted, 'Deleted'],
          [routes.home, 'View site'],
        ]}
      >
        <span className="muted admin-user">{admin.email}</span>
        <SignOutButton />
      </Masthead>
      {push?.lastError ? (
        <p className="banner banner-warning" role="status">
          Your changes are saved and committed here, but pushing to {withoutCredentials(push.remote)} failed (
          {withoutCredentials(push.lastError)}). It is retried every minute and after each save.
        </p>
      ) : null}
      <ContentHealthSummary />
      <main id="main" className="admin-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  )
}
