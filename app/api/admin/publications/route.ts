import { field, readJsonWrite, storeResponse } from '@/lib/server/api'
import { requireAdmin } from '@/lib/auth/session'
import { getPublications, getVersion } from '@/lib/content'
import { filesLeftOut, lastChanges, saveUnlessDuplicate } from '@/lib/store'

export const dynamic = 'force-dynamic'

/** Every publication file, drafts included, with the version to send back when saving. */
export async function GET() {
  await requireAdmin()
  const [changed, leftOut] = await Promise.all([lastChanges(), filesLeftOut(getVersion)])
  return Response.json({
    publications: getPublications({ drafts: true }).map(({ slug, title, year, draft, lastModified }) => ({
      slug,
      title,
      year,
      draft: draft ?? false,
      version: getVersion(slug),
      lastChange: changed.get(slug) ?? lastModified,
    })),
    // Files the site does not show as they are: broken ones until fixed by hand, pending ones
    // (valid, written outside the dashboard) until the next save or restart.
    broken: leftOut.filter((file) => file.kind === 'broken'),
    pending: leftOut.filter((file) => file.kind === 'pending'),
  })
}

/**
 * Creates a publication: `{ slug, frontmatter, body }`. 409 with `duplicates` when another paper
 * has the same DOI, arXiv id, BibTeX key or title, unless the body says `"allowDuplicate": true`.
 */
export async function POST(request: Request) {
  const admin = await requireAdmin()
  const read = await readJsonWrite(request)
  if (!read.ok) return read.response
  const body = field(read.body, 'body')
  const result = await saveUnlessDuplicate(
    {
      slug: String(field(read.body, 'slug') ?? ''),
      frontmatter: field(read.body, 'frontmatter'),
      body: typeof body === 'string' ? body : '',
      allowDuplicate: field(read.body, 'allowDuplicate') === true,
    },
    admin,
  )
  if (!result.ok && result.kind === 'duplicate') return Response.json(result, { status: 409 })
  return storeResponse(result, true)
}
