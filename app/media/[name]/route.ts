import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { env } from '@/lib/env.mjs'
import { MEDIA_NAME } from '@/lib/media/kinds'
import { CONTENT_TYPES } from '@/lib/media/process'
import { stagedMedium } from '@/lib/media/staging'
import { currentAdmin } from '@/lib/auth/session'

export const dynamic = 'force-dynamic'

/** A medium's name is a hash of its bytes: what an address serves never changes. */
const FOREVER = 'public, max-age=31536000, immutable'

/**
 * An uploaded medium from the content folder (`media/<name>`), streamed (a PDF may be 20 MB, and
 * many visitors may fetch it at once); a revalidation is answered before the file is opened. An
 * upload not saved yet is shown to the signed-in owner only (the editor's preview), never cached.
 */
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params
  const match = MEDIA_NAME.exec(name)
  if (!match) return new Response('Not found', { status: 404 })
  const [, hash, extension = ''] = match
  const headers = new Headers({
    'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    ETag: `"${hash}"`,
    // A PDF opens in the browser's viewer; the file name says what it is when saved.
    ...(extension === 'pdf' ? { 'Content-Disposition': `inline; filename="${name}"` } : {}),
  })
  const file = path.join(/* turbopackIgnore: true */ env.contentDir, 'media', name)
  const stat = await fs.stat(file).catch(() => undefined)
  if (stat?.isFile()) {
    headers.set('Cache-Control', FOREVER)
    if (request.headers.get('if-none-match')?.includes(`"${hash}"`)) return new Response(null, { status: 304, headers })
    headers.set('Content-Length', String(stat.size))
    if (request.method === 'HEAD') return new Response(null, { headers })
    return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, { headers })
  }
  const staged = stagedMedium(name)
  if (staged && (await currentAdmin())) {
    headers.set('Cache-Control', 'private, no-store')
    return new Response(new Uint8Array(staged.bytes), { headers })
  }
  return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } })
}
