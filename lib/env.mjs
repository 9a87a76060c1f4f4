/**
 * The one place that reads `process.env`: the site, the server, sign-in, and the tools (tests,
 * benchmark). Everything else imports from here. Plain JavaScript so `scripts/*.mjs` and
 * `next.config.mjs` share it with the app; free of `server-only` so `contentlayer.config.ts` can
 * import it. Secrets are read only when `authEnv()` is called, by server code.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { assumedOrigin, ORIGIN_PLACEHOLDER } from './server/origin.mjs'

/** @typedef {Record<string, string | undefined>} Source */

/**
 * @template T
 * @param {() => T} read
 * @returns {() => T}
 */
function once(read) {
  /** @type {{ value: T } | undefined} */
  let memo
  return () => (memo ??= { value: read() }).value
}

/** The process's environment, unless a test passes another. */
const processEnv = /** @type {Source} */ (process.env)

/** A blank value counts as unset. */
const optional = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)

/**
 * A number setting: `fallback` when unset, an error naming the variable when out of range.
 * @param {string} name
 * @param {number} fallback
 * @param {{ min: number, max?: number, whole?: boolean }} range
 */
function numberSetting(name, fallback, { min, max = Number.MAX_SAFE_INTEGER, whole = true }) {
  return optional.transform((raw, context) => {
    if (raw === undefined) return fallback
    const value = Number(raw)
    if ((whole ? Number.isInteger(value) : Number.isFinite(value)) && value >= min && value <= max) return value
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`
    context.addIssue({
      code: 'custom',
      message: `${name} must be ${whole ? 'a whole number' : 'a number'} ${range}, not ${JSON.stringify(raw)}`,
    })
    return z.NEVER
  })
}

/** @param {string} name */
function url(name) {
  return optional.transform((raw, context) => {
    if (raw === undefined) return undefined
    try {
      return new URL(raw)
    } catch {
      context.addIssue({ code: 'custom', message: `${name} is not a valid URL: ${JSON.stringify(raw)}` })
      return z.NEVER
    }
  })
}

/**
 * @template {z.ZodType} Schema
 * @param {Schema} schema
 * @param {Source} source
 * @returns {z.infer<Schema>}
 */
function parse(schema, source) {
  const result = schema.safeParse(source)
  if (result.success) return result.data
  throw new Error(result.error.issues.map((issue) => issue.message).join('\n'))
}

// Resolved at run time; Turbopack must not trace it (it would pull the whole project into the build).
/** @param {string | undefined} setting */
function resolveContentDir(setting) {
  const dir = path.resolve(/* turbopackIgnore: true */ setting || 'content')
  // git reports real paths; a symlinked content folder must be compared as its real path too.
  try {
    return fs.realpathSync(dir)
  } catch {
    return dir
  }
}

const siteSchema = z.object({
  SITE_URL: url('SITE_URL'),
  CONTENT_DIR: optional,
  PUBLICATIONS_PER_PAGE: numberSetting('PUBLICATIONS_PER_PAGE', 200, { min: 1 }),
})

/** `next dev`'s origin: its port, from PORT as `next dev` reads it. @param {Source} source */
function devOrigin(source) {
  const port = Number(source.PORT)
  return assumedOrigin(Number.isInteger(port) && port > 0 && port < 65536 ? port : 3000)
}

/** What the site is and where its content lives. @param {Source} source */
export function siteEnv(source) {
  const raw = parse(siteSchema, source)
  const contentDir = resolveContentDir(raw.CONTENT_DIR)
  return {
    /**
     * The origin pages, feeds and citation files are rendered with: a placeholder, which the
     * production server replaces with SITE_URL, or without it with each request's origin
     * (lib/server/origin.mjs), so a build serves any origin. `next dev` does not replace it:
     * there, SITE_URL or localhost on its port.
     */
    siteUrl:
      source.NODE_ENV === 'development' ? (raw.SITE_URL ?? new URL(devOrigin(source))) : new URL(ORIGIN_PLACEHOLDER),
    /** SITE_URL, the site's public origin, when set. */
    configuredSiteUrl: raw.SITE_URL,
    /** How many entries the publications page shows at most, in whole years (at least one year). */
    publicationsPerPage: raw.PUBLICATIONS_PER_PAGE,
    /** Absolute path of the folder holding `publications/` and `site.yaml`. */
    contentDir,
    /**
     * Contentlayer writes `.contentlayer/` into its working directory; we run it from the
     * parent of the content folder so a temporary copy of the content gets its own output.
     */
    contentlayerDir: path.join(/* turbopackIgnore: true */ path.dirname(contentDir), '.contentlayer'),
  }
}

export const env = siteEnv(processEnv)

const serverSchema = z.object({
  PORT: numberSetting('PORT', 3000, { min: 0, max: 65535 }),
  TRUST_PROXY: optional,
})

/**
 * How `npm start` serves: its port and the proxies it trusts. Read when asked, so a bad server
 * setting is reported by the server that uses it, not by every import of this module (nor by
 * `next build`).
 */
export const serverEnv = once(() => parse(serverSchema, processEnv))

/** The folder Next builds into and serves from (the tests and the benchmark use their own). */
export const distDir = once(() => processEnv.NEXT_DIST_DIR?.trim() || '.next')

const PAGE_CACHE_DEFAULT_MB = 512

/**
 * Memory for rendered pages, in MB. A value that is not a number of megabytes is reported and
 * the default used: the cache must never keep the site from starting.
 * @param {Source} [source]
 */
export function pageCacheMegabytes(source = processEnv) {
  const result = numberSetting('PAGE_CACHE_MB', PAGE_CACHE_DEFAULT_MB, { min: 0, whole: false }).safeParse(
    source.PAGE_CACHE_MB,
  )
  if (result.success) return result.data
  console.error(`${result.error.issues[0]?.message}: using ${PAGE_CACHE_DEFAULT_MB}.`)
  return PAGE_CACHE_DEFAULT_MB
}

/**
 * What `next start` sets before Next.js is loaded, for `npm start` (scripts/server.mjs), which
 * loads Next.js itself: production mode, the start time Next reports, and where next-auth finds
 * the site's origin.
 */
export function prepareServerProcess() {
  processEnv.NODE_ENV ||= 'production'
  processEnv.NEXT_PRIVATE_START_TIME ??= String(Date.now())
  // Without NEXTAUTH_URL, next-auth takes its origin (for sign-in and sign-out redirects) from the
  // request's X-Forwarded-Host and -Proto when told to trust them, else assumes localhost:3000.
  // This server sets both from the socket, or from a proxy listed in TRUST_PROXY
  // (scripts/request-guard.mjs), before next-auth reads them.
  if (!processEnv.NEXTAUTH_URL?.trim()) processEnv.AUTH_TRUST_HOST ??= 'true'
}

const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/

const authSchema = z
  .object({
    ADMIN_EMAIL: optional,
    ADMIN_PASSWORD_HASH: optional.refine((hash) => hash === undefined || BCRYPT_HASH.test(hash), {
      message: 'ADMIN_PASSWORD_HASH must be a bcrypt hash ($2a$, $2b$ or $2y$). See README, "Configuration".',
    }),
    NEXTAUTH_SECRET: optional,
    GITHUB_ID: optional,
    GITHUB_SECRET: optional,
    ADMIN_GITHUB_LOGINS: optional,
    ADMIN_CREDENTIALS_FILE: optional,
    CONTENT_GIT_REMOTE: optional,
  })
  .refine((raw) => (raw.ADMIN_EMAIL === undefined) === (raw.ADMIN_PASSWORD_HASH === undefined), {
    message: 'Set both ADMIN_EMAIL and ADMIN_PASSWORD_HASH, or neither (a password is then generated on first start).',
  })

/**
 * Secrets and sign-in settings, read when first asked for (server code only).
 * @param {Source} [source]
 */
export function authEnv(source = processEnv) {
  const raw = parse(authSchema, source)
  return {
    adminEmail: raw.ADMIN_EMAIL,
    adminPasswordHash: raw.ADMIN_PASSWORD_HASH,
    nextAuthSecret: raw.NEXTAUTH_SECRET,
    github:
      raw.GITHUB_ID && raw.GITHUB_SECRET ? { clientId: raw.GITHUB_ID, clientSecret: raw.GITHUB_SECRET } : undefined,
    githubLogins: (raw.ADMIN_GITHUB_LOGINS ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((login) => login.toLowerCase()),
    /** Where a generated password hash and secret are kept (git-ignored). */
    credentialsFile: path.resolve(/* turbopackIgnore: true */ raw.ADMIN_CREDENTIALS_FILE ?? '.admin-credentials.json'),
    contentGitRemote: raw.CONTENT_GIT_REMOTE,
  }
}
/** @typedef {ReturnType<typeof authEnv>} AuthEnv */

const toolSchema = z.object({
  CI: optional.transform(Boolean),
  CHROMIUM_PATH: optional,
  E2E_PORT: numberSetting('E2E_PORT', 3210, { min: 1, max: 65535 }),
  E2E_SERVER_LOG: optional.transform(Boolean),
  /** Set by playwright.config.ts for e2e/support/serve.mjs. */
  E2E_ROOT: optional,
  E2E_ADMIN_EMAIL: optional,
  E2E_ADMIN_PASSWORD: optional,
  /** Lighthouse's name for the browser it runs. */
  CHROME_PATH: optional,
  FUZZ_RUNS: numberSetting('FUZZ_RUNS', 0, { min: 0 }),
  FUZZ_OUTPUT_RUNS: numberSetting('FUZZ_OUTPUT_RUNS', 0, { min: 0 }),
  CRASH_ROUNDS: numberSetting('CRASH_ROUNDS', 3, { min: 1 }),
  LOAD_SECONDS: numberSetting('LOAD_SECONDS', 10, { min: 1 }),
  PATH: optional.transform((value) => (value ?? '').split(path.delimiter).filter(Boolean)),
})

/** Settings of the tests and the benchmark (never of the site); 0 runs means "the test's default". */
export const toolEnv = once(() => parse(toolSchema, processEnv))

/** What any process needs of its parent's environment: where programs and the home and temporary folders are, the locale. */
const BASE_VARIABLES = ['PATH', 'HOME', 'TMPDIR', 'TMP', 'TEMP', 'LANG', 'LC_ALL', 'TZ', 'SystemRoot']

/**
 * The environment of a server a tool starts (the benchmark's): only the base variables of this
 * one, and `variables`. Nothing else of the caller's environment (an `ADMIN_EMAIL` of its own, a
 * `CONTENT_DIR`) can reach it. An entry of `undefined` is left out.
 * @param {Source} variables
 * @returns {NodeJS.ProcessEnv}
 */
export function serverChildEnv(variables) {
  /** @type {Record<string, string>} */
  const result = {}
  for (const name of BASE_VARIABLES) {
    const value = process.env[name]
    if (value !== undefined) result[name] = value
  }
  for (const [name, value] of Object.entries(variables)) if (value !== undefined) result[name] = value
  return /** @type {NodeJS.ProcessEnv} */ (result)
}

/**
 * The environment a child process gets: this one's, with `overrides` on top. An override of
 * `undefined` removes the variable; an empty string also counts as unset to this module.
 * @param {Source} [overrides]
 * @returns {NodeJS.ProcessEnv}
 */
export function childEnv(overrides = {}) {
  const result = { ...process.env, ...overrides }
  for (const [name, value] of Object.entries(overrides)) if (value === undefined) delete result[name]
  return result
}
