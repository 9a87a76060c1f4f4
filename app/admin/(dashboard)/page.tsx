import { PublicationTable, type PublicationRow } from '@/components/admin/publication-table'
import { requireAdminPage } from '@/lib/auth/session'
import { getPublications, getVersion } from '@/lib/content'
import { lastChanges, unreadableFiles } from '@/lib/store'
import { routes } from '@/lib/domain/routes.mjs'

export default async function DashboardPage() {
  await requireAdminPage(routes.admin)
  const [changed, broken] = await Promise.all([lastChanges(), unreadableFiles()])
  const rows: PublicationRow[] = getPublications({ drafts: true }).map((publication) => ({
    slug: publication.slug,
    version: getVersion(publication.slug) ?? '',
    title: publication.title,
    year: publication.year,
    venue: publication.venueShort ?? publication.venue ?? '',
    authors: publication.authors.map((author) => author.name).join(', '),
    draft: publication.draft ?? false,
    selected: publication.selected ?? false,
    lastChange: changed.get(publication.slug) ?? publication.lastModified,
  }))
  return (
    <>
      <h1>Publications</h1>
      {broken.length ? (
        <div className="banner banner-warning" role="alert">
          <p>These files could not be read and are not on the public site until fixed by hand:</p>
          <ul>
            {broken.map((file) => (
              <li key={file.slug}>
                <code>{file.slug}.mdx</code>: {file.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <PublicationTable rows={rows} />
    </>
  )
}
