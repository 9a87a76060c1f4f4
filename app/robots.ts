import type { MetadataRoute } from 'next'
import { env } from '@/lib/env.mjs'
import { absoluteUrl, routes } from '@/lib/domain/routes.mjs'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: [routes.admin, '/api/'] }],
    sitemap: absoluteUrl(env.siteUrl, '/sitemap.xml'),
  }
}
