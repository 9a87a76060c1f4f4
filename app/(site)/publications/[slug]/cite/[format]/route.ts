import { toBibtex, toCsl, toCslJson, toRis } from '@/lib/citations'
import { getPublication } from '@/lib/content'
import { env } from '@/lib/env'
import { absoluteUrl } from '@/lib/scholar'

// Small and computed from memory per request, so they always match the page.
export const dynamic = 'force-dynamic'

const FORMATS = {
  bibtex: { extension: 'bib', type: 'application/x-bibtex', write: toBibtex },
  ris: { extension: 'ris', type: 'application/x-research-info-systems', write: (publication: Parameters<typeof toCsl>[0], url: string) => toRis(toCsl(publication, url)) },
  'csl-json': { extension: 'json', type: 'application/vnd.citationstyles.csl+json', write: (publication: Parameters<typeof toCsl>[0], url: string) => toCslJson([toCsl(publication, url)]) },
} as const

type Props = { params: Promise<{ slug: string; format: string }> }

/** `/publications/<slug>/cite/bibtex|ris|csl-json`: the citation as a file to download. */
export async function GET(_: Request, { params }: Props) {
  const { slug, format } = await params
  const publication = getPublication(slug)
  const spec = Object.hasOwn(FORMATS, format) ? FORMATS[format as keyof typeof FORMATS] : undefined
  if (!publication || !spec) return new Response('Not found', { status: 404 })
  const body = `${spec.write(publication, absoluteUrl(env.siteUrl, `/publications/${slug}`))}\n`
  return new Response(body, {
    headers: {
      'Content-Type': `${spec.type}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${slug}.${spec.extension}"`,
    },
  })
}
