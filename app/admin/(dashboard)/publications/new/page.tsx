import Link from 'next/link'
import { NewPublicationEditor } from '@/components/admin/new-publication-editor'
import { requireAdminPage } from '@/lib/auth/session'

export const metadata = { title: 'New publication' }

export default async function NewPublicationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  await requireAdminPage('/admin/publications/new')
  const { from } = await searchParams
  return (
    <>
      <p className="breadcrumbs">
        <Link href="/admin">All publications</Link> › New
      </p>
      <h1>New publication</h1>
      <NewPublicationEditor fromImport={from === 'import'} />
    </>
  )
}
