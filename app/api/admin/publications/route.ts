import { field, readJsonWrite, storeResponse } from '@/lib/server/api'
import { requireAdmin } from '@/lib/auth/session'
import { listPublications, savePublication } from '@/lib/store'

export const dynamic = 'force-dynamic'

/** Every publication file, drafts included, with the version to send back when saving. */
export async function GET() {
  await requireAdmin()
  const { publications, broken } = await listPublications()
  return Response.json({
    publications: publications.map(({ slug, frontmatter, version, lastChange }) => ({
      slug,
      title: frontmatter.title,
      year: frontmatter.year,
      draft: frontmatter.draft ?? false,
      version,
      lastChange,
    })),
    broken,
  })
}

/** Creates a publication: `{ slug, frontmatter, body }`. */
export async function POST(request: Request) {
  const admin = await requireAdmin()
  const read = await readJsonWrite(request)
  if (!read.ok) return read.response
  const body = field(read.body, 'body')
  const result = await savePublication(
    {
      slug: String(field(read.body, 'slug') ?? ''),
      frontmatter: field(read.body, 'frontmatter'),
      body: typeof body === 'string' ? body : '',
    },
    admin,
  )
  return storeResponse(result, true)
}
