import { PublicationTable, type PublicationRow } from '@/components/admin/publication-table'
import { requireAdminPage } from '@/lib/auth/session'
import { listPublications } from '@/lib/store'
import { routes } from '@/lib/domain/routes'

export default async function DashboardPage() {
  await requireAdminPage(routes.admin)
  const { publications, broken } = await listPublications()
  const rows: PublicationRow[] = publications.map(({ slug, frontmatter, version, lastChange }) => ({
    slug,
    version,
    title: frontmatter.title,
    year: frontmatter.year,
    venue: frontmatter.venueShort ?? frontmatter.venue ?? '',
    authors: frontmatter.authors.map((author) => author.name).join(', '),
    draft: frontmatter.draft ?? false,
    selected: frontmatter.selected ?? false,
    lastChange: lastChange ?? '',
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
