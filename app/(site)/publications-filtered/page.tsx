import type { Metadata } from 'next'
import { PublicationsView } from '@/components/publications/publications-view'
import { getPublishedPublications, getSite } from '@/lib/content'
import { parseFilters } from '@/lib/filter'

export const metadata: Metadata = {
  title: 'publications',
  alternates: { canonical: '/publications' },
  robots: { index: false, follow: true },
}

/** `/publications?…` with filters lands here through a rewrite; the address bar keeps the query. */
export default async function FilteredPublicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = parseFilters(await searchParams)
  return <PublicationsView publications={getPublishedPublications()} site={getSite()} filters={filters} />
}
