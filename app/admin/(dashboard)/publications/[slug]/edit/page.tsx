import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PublicationEditor } from '@/components/admin/publication-editor'
import { requireAdminPage } from '@/lib/auth/session'
import { frontmatterToValues } from '@/lib/admin/editor-form'
import { getForEditing } from '@/lib/content'
import { routes } from '@/lib/domain/routes.mjs'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export const metadata = { title: 'Edit publication' }

export default async function EditPublicationPage({ params, searchParams }: Props) {
  const { slug } = await params
  const { saved } = await searchParams
  await requireAdminPage(routes.edit(slug))
  const editing = getForEditing(slug)
  if (!editing) notFound()
  const { publication, frontmatter, version } = editing
  return (
    <>
      <p className="breadcrumbs">
        <Link href={routes.admin}>All publications</Link> › Edit
      </p>
      <h1>Edit publication</h1>
      <p className="editor-links">
        <Link href={routes.history(slug)}>History</Link>
        {publication.draft ? null : (
          <>
            {' · '}
            <Link href={routes.publication(slug)}>View on the site</Link>
          </>
        )}
      </p>
      <PublicationEditor
        initial={frontmatterToValues(slug, frontmatter, publication.body)}
        originalSlug={slug}
        version={version}
        justSaved={saved === '1'}
      />
    </>
  )
}
