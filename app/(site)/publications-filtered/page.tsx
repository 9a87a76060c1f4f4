import type { Metadata } from 'next'
import { pageAlternates } from '@/lib/formats/feeds'
import { PublicationsView } from '@/components/publications/publications-view'
import { getPublications, getSite } from '@/lib/content'
import { parseFilters } from '@/lib/domain/filter'
import { routes } from '@/lib/domain/routes.mjs'

export const metadata: Metadata = {
  title: 'publications',
  alternates: pageAlternates(routes.publications()),
  robots: { index: false, follow: true },
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** `/publications?…` with filters, through the rewrite in `next.config.mjs`; the address bar keeps the query. */
export default async function FilteredPublicationsPage({ searchParams }: Props) {
  return (
    <PublicationsView publications={getPublications()} site={getSite()} filters={parseFilters(await searchParams)} />
  )
}
