import { headers } from 'next/headers'
import { getPublications, getSite } from '@/lib/content'
import { CARD_SIZE, cardResponse, cardVersion, siteCard } from '@/lib/og'

// The card of the home page and the publications list (papers have their own).
export const dynamic = 'force-dynamic'
export const contentType = 'image/png'
export const size = CARD_SIZE

export function generateImageMetadata() {
  const site = getSite()
  return [
    {
      id: cardVersion(siteCard(site, getPublications().length)),
      size: CARD_SIZE,
      contentType,
      alt: `${site.title}: publications`,
    },
  ]
}

export default async function Image({ id }: { id: Promise<string> }) {
  return cardResponse(siteCard(getSite(), getPublications().length), {
    version: await id,
    ifNoneMatch: (await headers()).get('if-none-match'),
  })
}
