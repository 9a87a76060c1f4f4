import { getPublication, getSite } from '@/lib/content'
import { cardResponse, paperCard } from '@/lib/og'
import { siteOrigin } from '@/lib/server/request-origin'

// Rendered on first request and then served from memory, so the build does not grow with the
// number of papers. The version in the address is what the card shows: the page names the current
// one (`paperCardVersion`), cached for a year; an old one, which a platform may fetch again after
// an edit, answers with the current card, revalidated on every fetch.
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string; version: string }> }

export async function GET(request: Request, { params }: Props) {
  const { slug, version } = await params
  const publication = getPublication(slug)
  if (!publication) return new Response('Not found', { status: 404 })
  return cardResponse(paperCard(publication, getSite(), siteOrigin(request.headers).host), {
    version,
    ifNoneMatch: request.headers.get('if-none-match'),
  })
}
