import { abstractHtml } from '@/lib/markup/abstract-html'
import { getPublication } from '@/lib/content'

// Rendered from memory per request (each body once, then cached), so it always matches the page.
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

/**
 * `/publications/<slug>/abstract`: the abstract as an HTML fragment, with its math rendered. The
 * list's ABS button fetches it on first open, so the list page does not carry every abstract.
 */
export async function GET(_: Request, { params }: Props) {
  const publication = getPublication((await params).slug)
  if (!publication || !publication.body.trim()) return new Response('Not found', { status: 404 })
  return new Response(await abstractHtml(publication.body), {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' },
  })
}
