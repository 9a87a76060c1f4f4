import { derived, fitsOnePage, searchableAbstract } from '@/lib/content'

// Served from memory, recomputed only when the content changes, so it follows dashboard edits.
export const dynamic = 'force-dynamic'

/**
 * The public papers' abstracts as the search reads them (slug → lower-cased plain text), for the
 * publications page's search in the browser; it fetches this on the first search. A list longer
 * than a page is searched on the server, so it gets none.
 */
export function GET() {
  const body = derived('search-index.json', (publications) =>
    JSON.stringify(
      fitsOnePage(publications)
        ? Object.fromEntries(
            publications
              .map((publication) => [publication.slug, searchableAbstract(publication)] as const)
              .filter(([, text]) => text),
          )
        : {},
    ),
  )
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
