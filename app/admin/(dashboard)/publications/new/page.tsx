import Link from 'next/link'
import { NewPublicationEditor } from '@/components/admin/new-publication-editor'
import { requireAdminPage } from '@/lib/auth/session'
import { routes } from '@/lib/domain/routes.mjs'

export const metadata = { title: 'New publication' }

export default async function NewPublicationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  await requireAdminPage(routes.newPublication)
  const { from } = await searchParams
  return (
    <>
      <p className="breadcrumbs">
        <Link href={routes.admin}>All publications</Link> › New
      </p>
      <h1>New publication</h1>
      <NewPublicationEditor fromImport={from === 'import'} />
    </>
  )
}
