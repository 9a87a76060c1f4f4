import { derived, getSite } from '@/lib/content'
import { env } from '@/lib/env.mjs'
import { atomFeed } from '@/lib/formats/feeds'

// Served from memory, recomputed only when the content changes, so it follows dashboard edits.
export const dynamic = 'force-dynamic'

export function GET() {
  const body = derived('feed.xml', (publications) => atomFeed(publications, getSite(), env.siteUrl))
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } })
}
