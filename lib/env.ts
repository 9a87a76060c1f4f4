import fs from 'node:fs'
import path from 'node:path'

/**
 * The one place that reads `process.env`. Everything else imports from here.
 * Kept free of `server-only` so `contentlayer.config.ts` can share it; the secrets are read only
 * when `authEnv()` is called, by server code.
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
function resolveContentDir(): string {
  const dir = path.resolve(/* turbopackIgnore: true */ process.env.CONTENT_DIR?.trim() || 'content')
  // git reports real paths; a symlinked content folder must be compared as its real path too.
  try {
    return fs.realpathSync(dir)
  } catch {
    return dir
  }
}
const contentDir = resolveContentDir()

function readPageSize(): number {
  const raw = process.env.PUBLICATIONS_PER_PAGE?.trim()
  if (!raw) return 200
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`PUBLICATIONS_PER_PAGE must be a whole number of at least 1, not ${JSON.stringify(raw)}`)
  return value
}

export const env = {
  siteUrl: readSiteUrl(),
  /** Whether SITE_URL was set (rather than the default). */
  siteUrlConfigured: Boolean(process.env.SITE_URL?.trim()),
  /** How many entries the publications page shows at most, in whole years (at least one year). */
  publicationsPerPage: readPageSize(),
  /** Absolute path of the folder holding `publications/` and `site.yaml`. */
  contentDir,
  /**
   * Contentlayer writes `.contentlayer/` into its working directory; we run it from the
   * parent of the content folder so a temporary copy of the content gets its own output.
   */
  contentlayerDir: path.join(/* turbopackIgnore: true */ path.dirname(contentDir), '.contentlayer'),
} as const

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean)
}

function optional(name: string): string | undefined {
  const value = process.env[name]?.trim()
  return value ? value : undefined
}

/**
 * Secrets and sign-in settings, read when first asked for (server code only). Only this
 * module reads the environment.
 */
export function authEnv() {
  const adminEmail = optional('ADMIN_EMAIL')
  const adminPasswordHash = optional('ADMIN_PASSWORD_HASH')
  if ((adminEmail === undefined) !== (adminPasswordHash === undefined)) {
    throw new Error(
      'Set both ADMIN_EMAIL and ADMIN_PASSWORD_HASH, or neither (a password is then generated on first start).',
    )
  }
  if (adminPasswordHash && !/^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(adminPasswordHash)) {
    throw new Error('ADMIN_PASSWORD_HASH must be a bcrypt hash ($2a$, $2b$ or $2y$). See README, "Configuration".')
  }
  const githubId = optional('GITHUB_ID')
  const githubSecret = optional('GITHUB_SECRET')
  return {
    adminEmail,
    adminPasswordHash,
    nextAuthSecret: optional('NEXTAUTH_SECRET'),
    github: githubId && githubSecret ? { clientId: githubId, clientSecret: githubSecret } : undefined,
    githubLogins: list(process.env.ADMIN_GITHUB_LOGINS).map((login) => login.toLowerCase()),
    /** Where a generated password hash and secret are kept (git-ignored). */
    credentialsFile: path.resolve(
      /* turbopackIgnore: true */ optional('ADMIN_CREDENTIALS_FILE') ?? '.admin-credentials.json',
    ),
    contentGitRemote: optional('CONTENT_GIT_REMOTE'),
  }
}
export type AuthEnv = ReturnType<typeof authEnv>
