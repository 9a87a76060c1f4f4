import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PublicationEditor } from '@/components/admin/publication-editor'
import { requireAdminPage } from '@/lib/auth/session'
import { frontmatterToValues } from '@/lib/admin/editor-form'
import { getForEditing } from '@/lib/content'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export const metadata = { title: 'Edit publication' }

export default async function EditPublicationPage({ params, searchParams }: Props) {
  const { slug } = await params
  const { saved } = await searchParams
  await requireAdminPage(`/admin/publications/${encodeURIComponent(slug)}/edit`)
  const editing = getForEditing(slug)
  if (!editing) notFound()
  const { publication, frontmatter, version } = editing
  return (
    <>
      <p className="breadcrumbs">
        <Link href="/admin">All publications</Link> › Edit
      </p>
      <h1>Edit publication</h1>
      <p className="editor-links">
        <Link href={`/admin/publications/${slug}/history`}>History</Link>
        {publication.draft ? null : (
          <>
            {' · '}
            <Link href={`/publications/${slug}`}>View on the site</Link>
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
