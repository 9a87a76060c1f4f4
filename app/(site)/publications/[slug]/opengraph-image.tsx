import { headers } from 'next/headers'
import { getPublication, getSite } from '@/lib/content'
import { CARD_SIZE, cardResponse, cardVersion, paperCard } from '@/lib/og'
import { latexToPlainText } from '@/lib/markup/text'

// Rendered on first request and then served from memory, so the build does not grow with the
// number of papers. The id in the URL is the card's version: an edit makes a new URL.
export const dynamic = 'force-dynamic'
export const contentType = 'image/png'
export const size = CARD_SIZE

export async function generateImageMetadata({ params }: { params: { slug: string } }) {
  const publication = getPublication(params.slug)
  if (!publication) return []
  return [
    {
      id: cardVersion(paperCard(publication, getSite())),
      size: CARD_SIZE,
      contentType,
      alt: `${latexToPlainText(publication.title)}: title, authors and venue`,
    },
  ]
}

export default async function Image({ params, id }: { params: Promise<{ slug: string }>; id: Promise<string> }) {
  const publication = getPublication((await params).slug)
  if (!publication) return new Response('Not found', { status: 404 })
  return cardResponse(paperCard(publication, getSite()), {
    version: await id,
    ifNoneMatch: (await headers()).get('if-none-match'),
  })
}
