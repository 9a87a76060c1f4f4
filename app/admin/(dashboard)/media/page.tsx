import Link from 'next/link'
import { MediaLibrary, type MediaItem } from '@/components/admin/media-library'
import { requireAdminPage } from '@/lib/auth/session'
import { getPublications } from '@/lib/content'
import { routes } from '@/lib/domain/routes.mjs'
import { formatSize } from '@/lib/media/kinds'
import { listMedia, mediaUsers } from '@/lib/store/media'

export const metadata = { title: 'Media' }

export default async function MediaPage() {
  await requireAdminPage(routes.mediaLibrary)
  const [files, users] = await Promise.all([listMedia(), mediaUsers()])
  const titles = new Map(getPublications({ drafts: true }).map((paper) => [paper.slug, paper.title]))
  const items: MediaItem[] = files.map(({ name, bytes }) => ({
    name,
    url: routes.medium(name),
    size: formatSize(bytes),
    image: !name.endsWith('.pdf'),
    usedBy: (users.get(name) ?? []).map((file) => {
      const slug = /^publications\/(.+)\.mdx$/.exec(file)?.[1]
      return slug
        ? { href: routes.edit(slug), text: titles.get(slug) ?? slug }
        : { href: routes.settings, text: 'Site settings' }
    }),
  }))
  return (
    <>
      <p className="breadcrumbs">
        <Link href={routes.admin}>All publications</Link> › Media
      </p>
      <h1>Media</h1>
      <p className="page-description">
        The files uploaded to this site: PDFs, thumbnails, your photo and CV. Upload them from a paper&apos;s editor or
        the settings; each is committed with the save that uses it.
      </p>
      <MediaLibrary items={items} />
    </>
  )
}
