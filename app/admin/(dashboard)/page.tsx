import { PublicationTable, type PublicationRow } from '@/components/admin/publication-table'
import { requireAdminPage } from '@/lib/auth/session'
import { getPublications, getVersion } from '@/lib/content'
import { filesLeftOut, lastChanges, type FileLeftOut } from '@/lib/store'
import { routes } from '@/lib/domain/routes.mjs'

export default async function DashboardPage() {
  await requireAdminPage(routes.admin)
  const [changed, leftOut] = await Promise.all([lastChanges(), filesLeftOut(getVersion)])
  const broken = leftOut.filter((file) => file.kind === 'broken')
  const pending = leftOut.filter((file) => file.kind === 'pending')
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
          <FileList files={broken} />
        </div>
      ) : null}
      {pending.length ? (
        <section className="banner banner-note" aria-label="Files not on the site yet">
          <p>These files were written outside the dashboard and are not on the public site as they are yet:</p>
          <FileList files={pending} />
        </section>
      ) : null}
      <PublicationTable rows={rows} />
    </>
  )
}

function FileList({ files }: { files: FileLeftOut[] }) {
  return (
    <ul>
      {files.map((file) => (
        <li key={file.slug}>
          <code>{file.slug}.mdx</code>: {file.message}
        </li>
      ))}
    </ul>
  )
}
