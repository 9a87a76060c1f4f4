import Link from 'next/link'
import { SettingsForm } from '@/components/admin/settings-form'
import { requireAdminPage } from '@/lib/auth/session'
import { settingsToValues } from '@/lib/admin/settings-form'
import { getSite } from '@/lib/content'
import { readSettings } from '@/lib/store/settings'
import { routes } from '@/lib/domain/routes.mjs'

export const metadata = { title: 'Site settings' }

export default async function SettingsPage() {
  await requireAdminPage(routes.settings)
  const stored = await readSettings()
  // A file broken by hand: start from what the site shows; saving writes a valid file over it.
  const settings = stored.settings ?? getSite()
  return (
    <>
      <p className="breadcrumbs">
        <Link href={routes.admin}>All publications</Link> › Site settings
      </p>
      <h1>Site settings</h1>
      <p className="editor-links">
        <Link href={routes.settingsHistory}>History</Link> · <Link href={routes.home}>View the home page</Link>
      </p>
      <p className="page-description">
        Your name, bio, photo and profiles, as the home page shows them. Saving commits <code>site.yaml</code> with any
        file you uploaded, and the site shows the change at once.
      </p>
      {stored.problem ? (
        <div className="banner banner-warning" role="alert">
          <p>
            <code>site.yaml</code> cannot be read as it is: {stored.problem}
          </p>
          <p>The site shows the settings it last read; the form holds them. Saving writes them over the file.</p>
        </div>
      ) : null}
      <SettingsForm initial={settingsToValues(settings)} version={stored.version} />
    </>
  )
}
