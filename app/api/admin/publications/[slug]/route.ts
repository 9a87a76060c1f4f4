import { field, readJsonWrite, refuseCrossSite, storeResponse } from '@/lib/server/api'
import { requireAdmin } from '@/lib/auth/session'
import { getForEditing } from '@/lib/content'
import { deletePublication, saveUnlessDuplicate } from '@/lib/store'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

export async function GET(_: Request, { params }: Context) {
  await requireAdmin()
  const { slug } = await params
  const editing = getForEditing(slug)
  if (!editing)
    return Response.json({ ok: false, kind: 'not-found', message: 'There is no such publication.' }, { status: 404 })
  const { publication, frontmatter, version } = editing
  return Response.json({ slug, frontmatter, body: publication.body, version })
}

/**
 * Saves over the version the caller read: `{ version, frontmatter, body, slug?, allowDuplicate? }`
 * (a new `slug` renames). 409 with the current file when it changed since, or with `duplicates`
 * when another paper has the same DOI, arXiv id, BibTeX key or title (unless `allowDuplicate` is
 * true); 422 with field errors when invalid.
 */
export async function PUT(request: Request, { params }: Context) {
  const admin = await requireAdmin()
  const { slug } = await params
  const read = await readJsonWrite(request)
  if (!read.ok) return read.response
  const version = field(read.body, 'version')
  const body = field(read.body, 'body')
  const newSlug = field(read.body, 'slug')
  const result = await saveUnlessDuplicate(
    {
      slug: typeof newSlug === 'string' ? newSlug : slug,
      originalSlug: slug,
      version: typeof version === 'string' ? version : '',
      frontmatter: field(read.body, 'frontmatter'),
      body: typeof body === 'string' ? body : '',
      allowDuplicate: field(read.body, 'allowDuplicate') === true,
    },
    admin,
  )
  if (!result.ok && result.kind === 'duplicate') return Response.json(result, { status: 409 })
  return storeResponse(result)
}

/** Deletes the version the caller read (`?version=`). */
export async function DELETE(request: Request, { params }: Context) {
  const admin = await requireAdmin()
  const crossSite = refuseCrossSite(request)
  if (crossSite) return crossSite
  const version = new URL(request.url).searchParams.get('version') ?? ''
  return storeResponse(await deletePublication((await params).slug, version, admin))
}
