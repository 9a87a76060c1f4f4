import type { NextRequest } from 'next/server'
import { z } from 'zod'
import { requireAdmin } from '@/lib/auth/session'
import { getSite } from '@/lib/content'
import { paperCard, renderCard } from '@/lib/og'
import { authorSchema, publicationSchema } from '@/lib/domain/schema'
import { siteOrigin } from '@/lib/server/request-origin'

const previewSchema = z.object({
  title: z.string().max(500),
  authors: z.array(authorSchema.pick({ name: true, equalContribution: true, corresponding: true })).max(500),
  venue: z.string().max(500).optional(),
  venueShort: z.string().max(40).optional(),
  year: z.number().int().optional(),
  // A thumbnail the form would refuse is left off the preview rather than failing it.
  thumbnail: publicationSchema.shape.thumbnail.catch(undefined),
})

/**
 * The social card for the editor's unsaved values (`?data=<json>`), so the owner sees what a share
 * will show; a thumbnail just uploaded and not saved yet is drawn from the upload.
 */
export async function GET(request: NextRequest) {
  await requireAdmin()
  let data: unknown
  try {
    data = JSON.parse(request.nextUrl.searchParams.get('data') ?? '')
  } catch {
    return new Response('The preview needs `data` as JSON.', { status: 400 })
  }
  const parsed = previewSchema.safeParse(data)
  if (!parsed.success) return new Response('The preview data is not valid.', { status: 400 })
  const source = { ...parsed.data, title: parsed.data.title || 'Untitled' }
  const { png } = await renderCard(paperCard(source, getSite(), siteOrigin(request.headers).host), { staged: true })
  return new Response(png as BodyInit, {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'private, no-store' },
  })
}
