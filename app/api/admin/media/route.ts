import { requireAdmin } from '@/lib/auth/session'
import { isMediaKind, MEDIA_KINDS, sizeProblem } from '@/lib/media/kinds'
import { processUpload, UploadRefused } from '@/lib/media/process'
import { stageMedium } from '@/lib/media/staging'
import { refuseCrossSite } from '@/lib/server/api'
import { routes } from '@/lib/domain/routes.mjs'

export const dynamic = 'force-dynamic'

const refuse = (status: number, message: string) => Response.json({ ok: false, message }, { status })

/**
 * Takes one upload (`?kind=pdf|cv|photo|thumbnail`, the file as the body, sent as
 * application/octet-stream, which no cross-site form can send) and holds it for the save that will
 * use it (lib/media/staging.ts). Nothing is written here: a refused file leaves no trace, an
 * accepted one reaches the content folder with the save that names it.
 */
export async function POST(request: Request) {
  await requireAdmin()
  const crossSite = refuseCrossSite(request)
  if (crossSite) return crossSite
  const kind = new URL(request.url).searchParams.get('kind')
  if (!isMediaKind(kind)) return refuse(400, `Say what the file is for: ?kind=${Object.keys(MEDIA_KINDS).join('|')}.`)
  if (request.headers.get('content-type')?.toLowerCase() !== 'application/octet-stream')
    return refuse(415, 'Send the file as application/octet-stream.')
  // Refused from its announced size before a byte is read; the bytes are counted again after.
  const announced = Number(request.headers.get('content-length') ?? Number.NaN)
  const early = Number.isFinite(announced) ? sizeProblem(kind, announced) : undefined
  if (early) return refuse(413, early)
  try {
    const medium = await processUpload(kind, Buffer.from(await request.arrayBuffer()))
    stageMedium(medium)
    return Response.json({
      ok: true,
      name: medium.name,
      url: routes.medium(medium.name),
      bytes: medium.bytes.length,
      contentType: medium.contentType,
      ...(medium.width ? { width: medium.width, height: medium.height } : {}),
    })
  } catch (error) {
    if (error instanceof UploadRefused) return refuse(422, error.message)
    throw error
  }
}
