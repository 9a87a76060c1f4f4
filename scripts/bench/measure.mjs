// The measurements taken against a running server: JavaScript shipped, social cards, serving
// throughput, edit-to-live through the admin API, Lighthouse.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import autocannon from 'autocannon'
import { projectRoot } from '../../lib/content/contentlayer/paths.mjs'
import { CHROMIUM_FLAGS, systemChromium } from '../../e2e/support/chromium.mjs'
import { childEnv, toolEnv } from '../../lib/env.mjs'
import { routes } from '../../lib/domain/routes.mjs'

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * @param {number[]} values
 * @param {number} p
 */
export function percentile(values, p) {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  // Nearest rank: the smallest value with at least p% of the samples at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
}

/** @param {number[]} values */
export const median = (values) => percentile(values, 50)

/**
 * fetch, tried again on a network error: undici may reuse a keep-alive connection the server is
 * just closing. Only for requests that are safe to repeat.
 * @param {string} url
 * @param {RequestInit} [init]
 * @returns {Promise<Response>}
 */
export async function fetchAgain(url, init) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init)
    } catch (error) {
      if (attempt === 3 || (init?.method && init.method !== 'GET')) throw error
      await sleep(100)
    }
  }
}

/**
 * @param {string} url
 * @param {RequestInit} [init]
 */
async function text(url, init) {
  const response = await fetchAgain(url, init)
  const body = await response.text()
  if (!response.ok)
    throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}: ${body.slice(0, 300)}`)
  return body
}

/**
 * The `<script src>` files under /_next/ that a page's HTML loads, in order, without repeats;
 * on a public page they wait in `<script type="text/x-late" data-src>` until the first paint
 * (lib/server/late-scripts.mjs), and count the same.
 * @param {string} html
 */
export function scriptSources(html) {
  /** @type {Set<string>} */
  const sources = new Set()
  for (const [, quoted = ''] of html.matchAll(/<script\b[^>]*?\s(?:data-)?src="([^"]+)"/g)) {
    const src = quoted.replaceAll('&amp;', '&')
    if (src.startsWith('/_next/')) sources.add(src)
  }
  return [...sources]
}

/**
 * Sum of each script gzipped at level 9, in kB (1,000 bytes, as `next build` prints sizes).
 * @param {string[]} sources
 * @param {(src: string) => Promise<Buffer>} read
 */
export async function gzippedKb(sources, read) {
  let bytes = 0
  for (const src of sources) bytes += zlib.gzipSync(await read(src), { level: 9 }).length
  return Math.round(bytes / 100) / 10
}

/**
 * @param {string} origin
 * @param {string} pathname
 */
export async function firstLoadJsKb(origin, pathname) {
  const html = await text(`${origin}${pathname}`)
  return gzippedKb(scriptSources(html), async (src) =>
    Buffer.from(await (await fetchAgain(`${origin}${src}`)).arrayBuffer()),
  )
}

/**
 * @param {string} url
 * @param {RequestInit} [init]
 */
export async function timed(url, init) {
  const started = performance.now()
  const response = await fetch(url, init)
  await response.arrayBuffer()
  const ms = performance.now() - started
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return { ms, response }
}

/**
 * Social cards: for each paper, the og:image URL from its page, then its first request (rendered)
 * and `warm` more (served from the server's cache).
 * @param {string} origin
 * @param {string[]} slugs
 * @param {number} warm
 */
export async function ogCards(origin, slugs, warm) {
  const cold = []
  const cached = []
  for (const slug of slugs) {
    const html = await text(`${origin}${routes.publication(slug)}`)
    const content = /<meta\s+property="og:image"\s+content="([^"]+)"/.exec(html)?.[1]
    if (!content) throw new Error(`${routes.publication(slug)} has no og:image`)
    const url = new URL(content.replaceAll('&amp;', '&'))
    const local = `${origin}${url.pathname}${url.search}`
    const first = await timed(local)
    if (!first.response.headers.get('content-type')?.startsWith('image/png')) throw new Error(`${local} is not a PNG`)
    cold.push(first.ms)
    for (let i = 0; i < warm; i++) cached.push((await timed(local)).ms)
  }
  return { cold, warm: cached }
}

/**
 * autocannon against one URL; errors counts failed connections, timeouts and non-2xx answers.
 * @param {string} url
 * @param {{ connections: number, seconds: number }} options
 */
export async function load(url, { connections, seconds }) {
  const result = await autocannon({ url, connections, duration: seconds })
  return {
    rps: Math.round(result.requests.average),
    // With no answer at all (every request timed out) there is no latency to report.
    p99: result['2xx'] > 0 ? result.latency.p99 : null,
    errors: result.errors + result.timeouts + result.non2xx,
  }
}

/** @typedef {Map<string, string>} CookieJar */

/**
 * @param {Response} response
 * @param {CookieJar} jar
 */
function cookiesFrom(response, jar) {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair = ''] = cookie.split(';')
    const at = pair.indexOf('=')
    jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim())
  }
}
/** @param {CookieJar} jar */
const cookieHeader = (jar) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')

/**
 * next-auth's credentials flow over HTTP; returns the Cookie header of the session.
 * @param {string} origin
 * @param {string} email
 * @param {string} password
 */
export async function signIn(origin, email, password) {
  /** @type {CookieJar} */
  const jar = new Map()
  const csrf = await fetchAgain(`${origin}/api/auth/csrf`)
  cookiesFrom(csrf, jar)
  const { csrfToken } = await csrf.json()
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    redirect: 'manual',
  })
  cookiesFrom(response, jar)
  await response.arrayBuffer()
  if (!jar.has('next-auth.session-token')) throw new Error(`Sign-in as ${email} failed (HTTP ${response.status})`)
  return cookieHeader(jar)
}

/**
 * Fetches `url` every `intervalMs` until its body contains `marker`; resolves with the time.
 * @param {string} url
 * @param {string} marker
 * @param {{ intervalMs: number, timeoutMs: number }} options
 */
async function pollFor(url, marker, { intervalMs, timeoutMs }) {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    const body = await (await fetchAgain(url)).text()
    if (body.includes(marker)) return performance.now()
    await sleep(intervalMs)
  }
  throw new Error(`${url} did not show ${marker} within ${timeoutMs / 1000} s`)
}

/**
 * Edits through the admin API (the store the dashboard uses): read the version, save a new title,
 * then time until both the paper's page and /publications show it, from sending the save.
 * @param {string} origin
 * @param {string} cookie
 * @param {string} slug
 * @param {number} edits
 * @param {{ intervalMs?: number, timeoutMs?: number }} [options]
 */
export async function editToLive(origin, cookie, slug, edits, { intervalMs = 25, timeoutMs = 120_000 } = {}) {
  const api = `${origin}${routes.api.publication(slug)}`
  const headers = { cookie, 'content-type': 'application/json' }
  const samples = []
  const saves = []
  for (let i = 0; i < edits; i++) {
    const current = JSON.parse(await text(api, { headers: { cookie } }))
    const marker = `benchedit${i}x${Date.now().toString(36)}`
    const baseTitle = current.frontmatter.title.replace(/ benchedit\w+$/, '')
    const frontmatter = { ...current.frontmatter, title: `${baseTitle} ${marker}` }
    const started = performance.now()
    const saved = fetch(api, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ version: current.version, frontmatter, body: current.body }),
    }).then(async (response) => {
      const reply = await response.json()
      if (response.status !== 200)
        throw new Error(`PUT ${api} answered ${response.status}: ${JSON.stringify(reply).slice(0, 300)}`)
      return performance.now()
    })
    // Polling starts once the save has answered: the pages cannot change before it is committed.
    const savedAt = await saved
    const [paperAt, listAt] = await Promise.all([
      pollFor(`${origin}${routes.publication(slug)}`, marker, { intervalMs, timeoutMs }),
      pollFor(`${origin}${routes.publications()}`, marker, { intervalMs, timeoutMs }),
    ])
    saves.push(savedAt - started)
    samples.push(Math.max(paperAt, listAt) - started)
  }
  return { samples, saves }
}

const execFileAsync = promisify(execFile)

/** Debian's Chromium unless CHROMIUM_PATH (or chrome-launcher's own CHROME_PATH) says otherwise. */
export const chromiumPath = () => systemChromium([toolEnv().CHROME_PATH])

const CATEGORIES = /** @type {const} */ (['performance', 'accessibility', 'best-practices', 'seo'])
/**
 * The four scores, and where a performance miss comes from: Total Blocking Time and Largest
 * Contentful Paint (medians, ms).
 * @typedef {Record<(typeof CATEGORIES)[number], number> & { tbt_ms: number, lcp_ms: number }} LighthouseScores
 */

/**
 * Lighthouse 12.2.3's CLI (mobile, simulated throttling: its defaults) against one URL, `runs`
 * times; each category's median score, 0–100.
 * @param {string} url
 * @param {{ runs: number, chrome: string, workDir: string }} options
 * @returns {Promise<LighthouseScores>}
 */
export async function lighthouse(url, { runs, chrome, workDir }) {
  const cli = path.join(projectRoot, 'node_modules', 'lighthouse', 'cli', 'index.js')
  /** @type {Record<string, number[]>} */
  const scores = {}
  for (let run = 0; run < runs; run++) {
    const output = path.join(workDir, `lighthouse-${Date.now()}.json`)
    await execFileAsync(
      process.execPath,
      [
        cli,
        url,
        '--quiet',
        '--output=json',
        `--output-path=${output}`,
        `--only-categories=${CATEGORIES.join(',')}`,
        `--chrome-flags=${['--headless=new', ...CHROMIUM_FLAGS].join(' ')}`,
      ],
      { env: childEnv({ CHROME_PATH: chrome }), maxBuffer: 64 * 1024 * 1024 },
    )
    const report = JSON.parse(fs.readFileSync(output, 'utf8'))
    if (report.runtimeError) throw new Error(`Lighthouse on ${url}: ${report.runtimeError.message}`)
    for (const category of CATEGORIES)
      (scores[category] ??= []).push(Math.round((report.categories[category]?.score ?? 0) * 100))
    for (const [figure, audit] of /** @type {const} */ ([
      ['tbt_ms', 'total-blocking-time'],
      ['lcp_ms', 'largest-contentful-paint'],
    ]))
      (scores[figure] ??= []).push(Math.round(report.audits[audit]?.numericValue ?? NaN))
  }
  const [performance = NaN, accessibility = NaN, bestPractices = NaN, seo = NaN] = CATEGORIES.map((category) =>
    median(scores[category] ?? []),
  )
  return {
    performance,
    accessibility,
    'best-practices': bestPractices,
    seo,
    tbt_ms: median(scores.tbt_ms ?? []),
    lcp_ms: median(scores.lcp_ms ?? []),
  }
}
