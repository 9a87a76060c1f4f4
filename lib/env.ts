import path from 'node:path'

/**
 * The one place that reads `process.env`. Everything else imports from here.
 * Kept free of `server-only` so `contentlayer.config.ts` and scripts can share it;
 * nothing in it is secret.
 */
function readSiteUrl(): URL {
  const raw = process.env.SITE_URL?.trim() || 'http://localhost:3000'
  try {
    return new URL(raw)
  } catch {
    throw new Error(`SITE_URL is not a valid URL: ${JSON.stringify(raw)}`)
  }
}

// Resolved at run time; Turbopack must not trace it (it would pull the whole project into the build).
const contentDir = path.resolve(/* turbopackIgnore: true */ process.env.CONTENT_DIR?.trim() || 'content')

export const env = {
  siteUrl: readSiteUrl(),
  /** Absolute path of the folder holding `publications/` and `site.yaml`. */
  contentDir,
  /**
   * Contentlayer writes `.contentlayer/` into its working directory; we run it from the
   * parent of the content folder so a temporary copy of the content gets its own output.
   */
  contentlayerDir: path.join(/* turbopackIgnore: true */ path.dirname(contentDir), '.contentlayer'),
  isProduction: process.env.NODE_ENV === 'production',
} as const
