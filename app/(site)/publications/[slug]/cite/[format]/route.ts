import { citableItem, toBibtexEntries, toCslJson, toRis, type CslItem } from '@/lib/formats/citations'
import { getCitationKey, getPublication } from '@/lib/content'
import { env } from '@/lib/env.mjs'
import { absoluteUrl, routes } from '@/lib/domain/routes.mjs'

// Small and computed from memory per request, so they always match the page.
export const dynamic = 'force-dynamic'

const FORMATS = {
  bibtex: { extension: 'bib', type: 'application/x-bibtex', write: (item: CslItem) => toBibtexEntries(item) },
  ris: { extension: 'ris', type: 'application/x-research-info-systems', write: (item: CslItem) => toRis(item) },
  'csl-json': {
    extension: 'json',
    type: 'application/vnd.citationstyles.csl+json',
    write: (item: CslItem) => toCslJson([item]),
  },
} as const

type Props = { params: Promise<{ slug: string; format: string }> }

/**
 * `/publications/<slug>/cite/bibtex|ris|csl-json`: the citation as a file to download, under the
 * key the paper has in `/publications.bib`. Each writer falls back to a minimal record of the
 * paper rather than fail (`lib/formats/citations`).
 */
export async function GET(_: Request, { params }: Props) {
  const { slug, format } = await params
  const publication = getPublication(slug)
  const spec = Object.hasOwn(FORMATS, format) ? FORMATS[format as keyof typeof FORMATS] : undefined
  if (!publication || !spec) return new Response('Not found', { status: 404 })
  const item = citableItem(
    publication,
    absoluteUrl(env.siteUrl, routes.publication(slug)),
    getCitationKey(slug) ?? slug,
  )
  return new Response(`${spec.write(item)}\n`, {
    headers: {
      'Content-Type': `${spec.type}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${slug}.${spec.extension}"`,
    },
  })
}
