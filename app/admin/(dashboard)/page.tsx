import { ContentHealthDetails } from '@/components/admin/content-health'
import { PublicationTable, type PublicationRow } from '@/components/admin/publication-table'
import { requireAdminPage } from '@/lib/auth/session'
import { getPublications, getVersion } from '@/lib/content'
import { lastChanges } from '@/lib/store'
import { routes } from '@/lib/domain/routes.mjs'
import { mediaNamesIn } from '@/lib/media/kinds'

export default async function DashboardPage() {
  await requireAdminPage(routes.admin)
  const changed = await lastChanges()
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
    media: mediaNamesIn(publication),
  }))
  return (
    <>
      <h1>Publications</h1>
      <ContentHealthDetails />
      <PublicationTable rows={rows} />
    </>
  )
}
