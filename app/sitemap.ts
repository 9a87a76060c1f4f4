import type { MetadataRoute } from 'next'
import { getPublications } from '@/lib/content'
import { env } from '@/lib/env.mjs'
import { absoluteUrl, routes } from '@/lib/domain/routes.mjs'

// Follows dashboard edits without a rebuild.
export const dynamic = 'force-dynamic'

export default function sitemap(): MetadataRoute.Sitemap {
  const publications = getPublications()
  const latest = publications.reduce<string | undefined>(
    (max, publication) => (!max || publication.lastModified > max ? publication.lastModified : max),
    undefined,
  )
  return [
    {
      url: absoluteUrl(env.siteUrl, routes.home),
      ...(latest ? { lastModified: latest } : {}),
      changeFrequency: 'monthly',
      priority: 1,
    },
    {
      url: absoluteUrl(env.siteUrl, routes.publications()),
      ...(latest ? { lastModified: latest } : {}),
      changeFrequency: 'monthly',
      priority: 0.9,
    },
    ...publications.map((publication) => ({
      url: absoluteUrl(env.siteUrl, routes.publication(publication.slug)),
      lastModified: publication.lastModified,
      changeFrequency: 'yearly' as const,
      priority: 0.7,
    })),
  ]
}
