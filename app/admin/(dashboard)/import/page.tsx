import Link from 'next/link'
import { ImportBibtex } from '@/components/admin/import-bibtex'
import { requireAdminPage } from '@/lib/auth/session'

export const metadata = { title: 'Import BibTeX' }

export default async function ImportPage() {
  await requireAdminPage('/admin/import')
  return (
    <>
      <p className="breadcrumbs">
        <Link href="/admin">All publications</Link> › Import
      </p>
      <h1>Import BibTeX</h1>
      <ImportBibtex />
    </>
  )
}
