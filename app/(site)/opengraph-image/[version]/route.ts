import { getPublications, getSite } from '@/lib/content'
import { cardResponse, siteCard } from '@/lib/og'
import { siteOrigin } from '@/lib/server/request-origin'

// The card of the home page and the publications list (papers have their own); an old version
// answers with the current card, as a paper's does.
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ version: string }> }

export async function GET(request: Request, { params }: Props) {
  return cardResponse(siteCard(getSite(), getPublications().length, siteOrigin(request.headers).host), {
    version: (await params).version,
    ifNoneMatch: request.headers.get('if-none-match'),
  })
}
