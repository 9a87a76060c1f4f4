import type { Metadata } from 'next'
import { pageAlternates } from '@/lib/formats/feeds'
import { PublicationsView } from '@/components/publications/publications-view'
import { getPublications, getSite } from '@/lib/content'
import { routes } from '@/lib/domain/routes.mjs'

export const metadata: Metadata = {
  title: 'publications',
  alternates: pageAlternates(routes.publications()),
}

/**
 * Prerendered without filters. A request with filters in its query string (a shared link, the
 * form without JavaScript) is rewritten in `next.config.mjs` to `/publications-filtered`, which
 * applies them on the server; with JavaScript, the form filters this page in place.
 */
export default function PublicationsPage() {
  return <PublicationsView publications={getPublications()} site={getSite()} filters={{}} />
}
