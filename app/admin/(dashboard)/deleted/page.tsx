import Link from 'next/link'
import { DeletedList } from '@/components/admin/deleted-list'
import { requireAdminPage } from '@/lib/auth/session'
import { deletedPublications } from '@/lib/store'
import { routes } from '@/lib/domain/routes.mjs'

export const metadata = { title: 'Deleted publications' }

export default async function DeletedPage() {
  await requireAdminPage(routes.deleted)
  const deleted = await deletedPublications()
  return (
    <>
      <p className="breadcrumbs">
        <Link href={routes.admin}>All publications</Link> › Deleted
      </p>
      <h1>Deleted publications</h1>
      {deleted.available ? <DeletedList entries={deleted.entries} /> : <p className="empty-state">{deleted.reason}</p>}
    </>
  )
}
