import { derived } from '@/lib/content'
import { env } from '@/lib/env.mjs'
import { bibliography } from '@/lib/formats/feeds'

// Served from memory, recomputed only when the content changes, so it follows dashboard edits.
export const dynamic = 'force-dynamic'

export function GET() {
  const body = derived('publications.bib', (publications) => bibliography(publications, env.siteUrl))
  return new Response(body, {
    headers: {
      'Content-Type': 'application/x-bibtex; charset=utf-8',
      'Content-Disposition': 'inline; filename="publications.bib"',
    },
  })
}
