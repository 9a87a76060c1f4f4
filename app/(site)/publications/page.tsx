import type { Metadata } from 'next'
import { PublicationsView } from '@/components/publications/publications-view'
import { getPublishedPublications, getSite } from '@/lib/content'

export const metadata: Metadata = {
  title: 'publications',
  alternates: { canonical: '/publications' },
}

/**
 * Prerendered without filters. A query string (`?q=…&type=…`) is rewritten in `next.config.mjs`
 * to `/publications-filtered`, which filters on the server per request.
 */
export default function PublicationsPage() {
  return <PublicationsView publications={getPublishedPublications()} site={getSite()} filters={{}} />
}
