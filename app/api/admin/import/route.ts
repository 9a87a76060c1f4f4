import { field, readJsonWrite } from '@/lib/server/api'
import { requireAdmin } from '@/lib/auth/session'
import { parseImportAction } from '@/app/admin/actions'

export const dynamic = 'force-dynamic'

/** Reads pasted BibTeX (`{ bibtex }`) into draft candidates, as the import page does; writes nothing. */
export async function POST(request: Request) {
  await requireAdmin()
  const read = await readJsonWrite(request)
  if (!read.ok) return read.response
  const bibtex = field(read.body, 'bibtex')
  if (typeof bibtex !== 'string')
    return Response.json({ ok: false, message: 'Send the BibTeX as a string in `bibtex`.' }, { status: 400 })
  return Response.json(await parseImportAction(bibtex))
}
