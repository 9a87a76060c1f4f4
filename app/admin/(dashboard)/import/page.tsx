import Link from 'next/link'
import { ImportBibtex } from '@/components/admin/import-bibtex'
import { requireAdminPage } from '@/lib/auth/session'
import { routes } from '@/lib/domain/routes.mjs'

export const metadata = { title: 'Import BibTeX' }

export default async function ImportPage() {
  await requireAdminPage(routes.importBibtex)
  return (
    <>
      <p className="breadcrumbs">
        <Link href={routes.admin}>All publications</Link> › Import
      </p>
      <h1>Import BibTeX</h1>
      <ImportBibtex />
    </>
  )
}
