import type { MetadataRoute } from 'next'
import { env } from '@/lib/env.mjs'
import { absoluteUrl } from '@/lib/formats/scholar'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api/'] }],
    sitemap: absoluteUrl(env.siteUrl, '/sitemap.xml'),
  }
}
