import Link from 'next/link'
import { notFound } from 'next/navigation'
import { DeletedHistory } from '@/components/admin/deleted-list'
import { HistoryList } from '@/components/admin/history-list'
import { requireAdminPage } from '@/lib/auth/session'
import { getForEditing } from '@/lib/content'
import { deletedPublication, publicationHistory } from '@/lib/store'
import { routes } from '@/lib/domain/routes.mjs'

type Props = { params: Promise<{ slug: string }> }

export const metadata = { title: 'History' }

export default async function HistoryPage({ params }: Props) {
  const { slug } = await params
  await requireAdminPage(routes.history(slug))
  const editing = getForEditing(slug)
  if (!editing) {
    // A deleted paper's history stays readable, with the way back.
    const deleted = await deletedPublication(slug)
    if (!deleted) notFound()
    return <DeletedHistory entry={deleted} history={await publicationHistory(slug)} />
  }
  const { publication, version } = editing
  const history = await publicationHistory(slug)
  return (
    <>
      <p className="breadcrumbs">
        <Link href={routes.admin}>All publications</Link> › <Link href={routes.edit(slug)}>Edit</Link> › History
      </p>
      <h1>History of “{publication.title}”</h1>
      {history.available ? (
        history.entries.length ? (
          <HistoryList slug={slug} version={version} entries={history.entries} />
        ) : (
          <p className="empty-state">No commits yet: this file has not been committed.</p>
        )
      ) : (
        <p className="empty-state">{history.reason}</p>
      )}
    </>
  )
}
