import type { Metadata } from 'next'
import { PublicationsView } from '@/components/publications/publications-view'
import { getPublishedPublications, getSite } from '@/lib/content'
import { hasFilters, parseFilters } from '@/lib/filter'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const filtered = hasFilters(parseFilters(await searchParams))
  return {
    title: 'publications',
    alternates: { canonical: '/publications' },
    ...(filtered ? { robots: { index: false, follow: true } } : {}),
  }
}

/**
 * Filters live in the query string and are applied here, on the server, so they work without
 * JavaScript and filtered views are shareable. The page is rendered per request on purpose: a
 * prerendered page does not vary on its query string, so Next's client router would reuse it for
 * every `?q=…&type=…` and never show the filtered list (a query-based rewrite is invisible to it).
 */
export default async function PublicationsPage({ searchParams }: Props) {
  const filters = parseFilters(await searchParams)
  return <PublicationsView publications={getPublishedPublications()} site={getSite()} filters={filters} />
}
