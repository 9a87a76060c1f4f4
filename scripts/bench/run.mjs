#!/usr/bin/env node
// `npm run bench [-- --papers N] [--quick] [--out FILE] [--edits N] [--keep]`: builds and serves a
// synthetic list of N papers from a temporary CONTENT_DIR (never the repository's content/) into
// .next-bench, measures build, edit-to-live, serving, cards, JavaScript and Lighthouse, prints
// the figures beside the issue's budgets and writes them as JSON. See README, "Performance".
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { parseArgs } from 'node:util'
import bcrypt from 'bcrypt'
import { projectRoot } from '../../lib/content/contentlayer/paths.mjs'
import { buildBaselineApp } from './baseline-app.mjs'
import { generateContent } from './generate.mjs'
import {
  chromiumPath,
  editToLive,
  fetchAgain,
  firstLoadJsKb,
  lighthouse,
  load,
  median,
  ogCards,
  percentile,
  signIn,
} from './measure.mjs'
import { freePort, runMeasured, startProcess, waitForHttp, waitForIdle } from './processes.mjs'
import { printTable } from './report.mjs'
import { startStaticServer } from './static-reference.mjs'
import { serverChildEnv } from '../../lib/env.mjs'
import { routes } from '../../lib/domain/routes.mjs'

const { values: args } = parseArgs({
  options: {
    papers: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    edits: { type: 'string' },
  },
})
const papers = Number(args.papers ?? (args.quick ? 50 : 1000))
if (!Number.isInteger(papers) || papers < 10) throw new Error('--papers must be a whole number of at least 10')
const settings = args.quick
  ? { serveSeconds: 3, edits: 5, lighthouseRuns: 1, ogPapers: 3, ogWarm: 5 }
  : { serveSeconds: 15, edits: 20, lighthouseRuns: 3, ogPapers: 5, ogWarm: 10 }
// Each edit waits for the whole list page to show it: at large N, fewer edits keep a run to hours.
if (args.edits !== undefined) settings.edits = Number(args.edits)
if (!Number.isInteger(settings.edits) || settings.edits < 1)
  throw new Error('--edits must be a whole number of at least 1')
const CONNECTIONS = 64
const DIST_DIR = '.next-bench'

const foundChrome = chromiumPath()
if (!foundChrome)
  throw new Error(
    'The benchmark runs Lighthouse in Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH.',
  )
const chrome = foundChrome

const node = process.execPath
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scholar-bench-'))
fs.chmodSync(work, 0o755) // nginx's workers may run as another user
const logs = path.join(work, 'logs')
fs.mkdirSync(logs)
/** @type {(() => unknown)[]} */
const cleanups = []
// The machine's 1-minute load average through the run (the bench itself adds one or two):
// figures from a busy machine are not comparable with those from a quiet one.
const loadAverage = () => os.loadavg()[0] ?? NaN
const loadSamples = [loadAverage()]
const loadTimer = setInterval(() => loadSamples.push(loadAverage()), 5000)
loadTimer.unref()
const step = (/** @type {string} */ message) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`)

async function cleanup() {
  for (let clean = cleanups.pop(); clean; clean = cleanups.pop()) {
    try {
      await clean()
    } catch (error) {
      console.error(error)
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void cleanup().then(() => process.exit(130))
  })
}

/**
 * `next build` adds its dist folder's types to tsconfig.json and points next-env.d.ts at them.
 * The bench's dist folder is temporary, so both are put back as they were when that is all
 * that changed (someone else's concurrent edit is left alone).
 */
function guardNextWrites() {
  const tsconfigFile = path.join(projectRoot, 'tsconfig.json')
  const envFile = path.join(projectRoot, 'next-env.d.ts')
  const before = {
    tsconfig: fs.readFileSync(tsconfigFile, 'utf8'),
    env: fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : undefined,
  }
  return () => {
    const tsconfig = fs.readFileSync(tsconfigFile, 'utf8')
    if (tsconfig !== before.tsconfig) {
      const now = JSON.parse(tsconfig)
      /** @param {string} entry */
      const ours = (entry) => entry.startsWith(`${DIST_DIR}/`)
      if (
        JSON.stringify({ ...now, include: now.include.filter((/** @type {string} */ entry) => !ours(entry)) }) ===
        JSON.stringify(JSON.parse(before.tsconfig))
      ) {
        fs.writeFileSync(tsconfigFile, before.tsconfig)
      }
    }
    const env = fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : undefined
    if (env !== before.env && env?.includes(`./${DIST_DIR}/`)) {
      if (before.env === undefined) fs.rmSync(envFile)
      else fs.writeFileSync(envFile, before.env)
    }
  }
}

/** @param {string} staticServer what served the reference pages */
function machine(staticServer) {
  const osRelease = fs.existsSync('/etc/os-release')
    ? /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1]
    : undefined
  let chromium = 'unknown'
  try {
    chromium = execFileSync(chrome, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    // reported as unknown
  }
  return {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown',
    memory_gb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.versions.node,
    os: `${osRelease ?? os.type()} (${os.type()} ${os.release()})`,
    next: JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules', 'next', 'package.json'), 'utf8')).version,
    chromium,
    static_server: staticServer,
    load_average: {
      start: round(loadSamples[0] ?? NaN, 2),
      mean: round(loadSamples.reduce((sum, value) => sum + value, 0) / loadSamples.length, 2),
      max: round(Math.max(...loadSamples), 2),
    },
  }
}

async function main() {
  const started = Date.now()
  step(`${papers} papers${args.quick ? ' (quick)' : ''}; work folder ${work}`)

  const contentDir = path.join(work, 'content')
  const list = generateContent(contentDir, papers)
  const shown = list.filter((paper) => !paper.draft)
  // The paper measured: one from the middle of the list, with an abstract (math, many authors are common).
  const paper = shown.slice(Math.floor(shown.length / 2)).find((candidate) => candidate.hasAbstract) ?? shown[0]
  if (!paper) throw new Error('The synthetic list shows no paper')

  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const adminEmail = 'bench@example.org'
  const adminPassword = crypto.randomBytes(12).toString('base64url')
  // Only what the server needs: whatever the caller's environment holds stays out of it.
  const env = serverChildEnv({
    CONTENT_DIR: contentDir,
    NEXT_DIST_DIR: DIST_DIR,
    PORT: String(port),
    SITE_URL: origin,
    NEXTAUTH_URL: origin,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64'),
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD_HASH: bcrypt.hashSync(adminPassword, 10),
    ADMIN_CREDENTIALS_FILE: path.join(work, 'admin-credentials.json'),
    NEXT_TELEMETRY_DISABLED: '1',
  })

  step('cold build: npm run build (Contentlayer beside next build --experimental-build-mode=compile, then generate)')
  const distDir = path.join(projectRoot, DIST_DIR)
  fs.rmSync(distDir, { recursive: true, force: true })
  if (!args.keep) cleanups.push(() => fs.rmSync(distDir, { recursive: true, force: true }))
  const restore = guardNextWrites()
  cleanups.push(restore)
  const buildLog = path.join(logs, 'build.log')
  const build = await runMeasured(node, [path.join(projectRoot, 'scripts', 'build.mjs')], {
    cwd: projectRoot,
    env,
    logFile: buildLog,
  })
  restore()
  // Each step's own timings, from the log.
  const buildLogText = fs.readFileSync(buildLog, 'utf8').replace(/\x1b\[[0-9;]*m/g, '')
  const phases = /** @type {[string, RegExp][]} */ ([
    ['Contentlayer', /Generated \d+ documents in \.contentlayer \(([\d.]+ s)\)/],
    ['compile', /Compiled successfully in ([\d.]+m?s)/],
    ['prerender', /Generating static pages using \d+ workers? \((\d+)\/\d+\) in ([\d.]+m?s)/],
  ])
    .map(([name, pattern]) => {
      const match = pattern.exec(buildLogText)
      return match ? `${name} ${match.slice(1).join(' pages in ')}` : undefined
    })
    .filter(Boolean)
    .join(', ')
  step(`built in ${build.seconds.toFixed(1)} s (${phases})`)

  step('empty App Router page for the JavaScript and Lighthouse baselines')
  const baseline = await buildBaselineApp({ logFile: path.join(logs, 'baseline.log') })
  cleanups.push(baseline.remove)

  step(`npm start's server on ${origin}`)
  const serverStarted = performance.now()
  const server = startProcess(
    node,
    [path.join(projectRoot, 'scripts', 'server.mjs'), '-p', String(port), '-H', '127.0.0.1'],
    { cwd: projectRoot, env, logFile: path.join(logs, 'server.log') },
  )
  cleanups.push(() => server.stop())
  // A start regenerates the content before it answers: that grows with N.
  await waitForHttp(`${origin}/`, { process: server, timeoutMs: Math.max(120_000, papers * 60) })
  const serverUpMs = performance.now() - serverStarted
  // The server's start-up work (the content worker's first build) grows with N.
  const settleMs = await waitForIdle(server.child.pid ?? 0, { timeoutMs: Math.max(600_000, papers * 180) })

  const paperPath = routes.publication(paper.slug)
  const listPath = routes.publications()
  const pages = { '/': routes.home, '/publications': listPath, paper: paperPath }
  const notes = []
  /**
   * One measurement. In --quick (CI) a failure fails the run, since the harness must keep working;
   * in a full run it is reported and the figure left empty, so a list too large for one
   * measurement still gets the others.
   * @template T
   * @param {string} name
   * @param {() => Promise<T>} measure
   * @returns {Promise<T | undefined>}
   */
  async function attempt(name, measure) {
    try {
      return await measure()
    } catch (error) {
      if (args.quick) throw error
      const message = `${name} failed: ${error instanceof Error ? error.message : String(error)}`
      step(message)
      notes.push(message)
      return undefined
    }
  }

  /** @type {Record<string, number | null>} */
  const firstLoad = { baseline: baseline.jsKb }
  for (const [key, pathname] of Object.entries(pages))
    firstLoad[key] = (await attempt(`first-load JS of ${pathname}`, () => firstLoadJsKb(origin, pathname))) ?? null

  step('social cards')
  const cardSlugs = shown
    .filter((candidate) => candidate.slug !== paper.slug)
    .slice(0, settings.ogPapers)
    .map((candidate) => candidate.slug)
  const cards = (await attempt('social cards', () => ogCards(origin, cardSlugs, settings.ogWarm))) ?? {
    cold: [],
    warm: [],
  }

  step(`serving: ${CONNECTIONS} connections, ${settings.serveSeconds} s per page, Next then the static server`)
  const staticRoot = path.join(work, 'static')
  fs.mkdirSync(path.dirname(path.join(staticRoot, `${paperPath.slice(1)}.html`)), { recursive: true })
  const targets = { paper: paperPath, list: listPath }
  /** @type {Record<string, number>} */
  const pageBytes = {}
  /** @type {Record<string, { html_kb: number, gzip_kb: number }>} */
  const pageWeight = {}
  for (const [key, pathname] of Object.entries(targets)) {
    const html = Buffer.from(await (await fetchAgain(`${origin}${pathname}`)).arrayBuffer())
    fs.writeFileSync(path.join(staticRoot, `${pathname.slice(1)}.html`), html)
    pageBytes[key] = html.length
    pageWeight[key] = { html_kb: round(html.length / 1024, 1), gzip_kb: round(zlib.gzipSync(html).length / 1024, 1) }
  }
  const staticServer = await startStaticServer(staticRoot, { work, logs })
  cleanups.push(() => staticServer.server.stop())
  await waitForHttp(`${staticServer.origin}${listPath}`, { process: staticServer.server })
  /** @type {Record<'rps' | 'p99' | 'errors' | 'staticRps', Record<string, number | null>>} */
  const serve = { rps: {}, p99: {}, errors: {}, staticRps: {} }
  for (const [key, pathname] of Object.entries(targets)) {
    for (let i = 0; i < 3; i++) await (await fetchAgain(`${origin}${pathname}`)).arrayBuffer()
    const dynamic = await load(`${origin}${pathname}`, { connections: CONNECTIONS, seconds: settings.serveSeconds })
    const reference = await load(`${staticServer.origin}${pathname}`, {
      connections: CONNECTIONS,
      seconds: settings.serveSeconds,
    })
    // Errors are mostly timeouts (10 s): a page of tens of MB cannot reach 64 clients in time.
    if (reference.errors) notes.push(`the static server too had ${reference.errors} errors (timeouts) on ${pathname}`)
    serve.rps[key] = dynamic.rps
    serve.p99[key] = dynamic.p99
    serve.errors[key] = dynamic.errors
    serve.staticRps[key] = reference.rps
  }
  await staticServer.server.stop()
  // The load test leaves the server collecting garbage and the machine warm: Lighthouse measures
  // a page as a visitor finds it, on a server with nothing else to do.
  await waitForIdle(server.child.pid ?? 0, { quietMs: 3000 })

  step(
    `Lighthouse (${settings.lighthouseRuns} run${settings.lighthouseRuns === 1 ? '' : 's'} per page, mobile) in ${chrome}`,
  )
  /** @type {Record<string, import('./measure.mjs').LighthouseScores | null>} */
  const scores = {}
  for (const [key, pathname] of Object.entries(pages)) {
    scores[key] =
      (await attempt(`Lighthouse on ${pathname}`, () =>
        lighthouse(`${origin}${pathname}`, { runs: settings.lighthouseRuns, chrome, workDir: work }),
      )) ?? null
  }
  // What the framework alone scores on this machine: the ceiling for the pages above.
  const baselinePort = await freePort()
  const baselineServer = baseline.start(baselinePort)
  cleanups.push(() => baselineServer.stop())
  await waitForHttp(`http://127.0.0.1:${baselinePort}/`, { process: baselineServer })
  scores.baseline =
    (await attempt('Lighthouse on the empty page', () =>
      lighthouse(`http://127.0.0.1:${baselinePort}/`, { runs: settings.lighthouseRuns, chrome, workDir: work }),
    )) ?? null
  await baselineServer.stop()

  // Edits go to the newest paper (the generated list is newest first): /publications shows the
  // newest years whatever the length of the list (PUBLICATIONS_PER_PAGE).
  const edited = shown.find((candidate) => candidate.hasAbstract) ?? paper
  step(`edit-to-live: ${settings.edits} edits of ${edited.slug} through the admin API`)
  const cookie = await signIn(origin, adminEmail, adminPassword)
  const edits = (await attempt('edit-to-live', () =>
    editToLive(origin, cookie, edited.slug, settings.edits, { timeoutMs: Math.max(120_000, papers * 60) }),
  )) ?? { samples: [], saves: [] }

  /**
   * @param {number} value
   * @param {number} [digits]
   */
  const orNull = (value, digits = 0) => (Number.isFinite(value) ? round(value, digits) : null)
  /** @type {import('./report.mjs').BenchResult} */
  const result = {
    papers,
    date: new Date().toISOString(),
    machine: machine(staticServer.kind),
    build_seconds: round(build.seconds, 1),
    build_peak_rss_mb: Math.round(build.peakRssBytes / 1024 ** 2),
    edit_to_live_p50_ms: orNull(median(edits.samples)),
    edit_to_live_p95_ms: orNull(percentile(edits.samples, 95)),
    serve_rps: serve.rps,
    serve_p99_ms: serve.p99,
    serve_errors: serve.errors,
    serve_rps_static: serve.staticRps,
    og_cold_ms: orNull(median(cards.cold)),
    og_warm_ms: orNull(median(cards.warm), 1),
    first_load_js_kb: firstLoad,
    lighthouse: scores,
    page_weight: pageWeight,
  }
  printTable(result, [
    `build: ${build.seconds.toFixed(1)} s, peak ${Math.round(build.peakRssBytes / 1024 ** 2)} MB (${phases}; Contentlayer and the compile side by side)`,
    `server: answering ${Math.round(serverUpMs)} ms after start, idle (background work done) ${Math.round(settleMs)} ms later`,
    `edit-to-live: ${edits.samples.length} edits of ${routes.publication(edited.slug)}; the save itself answered in ${Math.round(median(edits.saves))} ms (median)`,
    `serving: ${CONNECTIONS} connections × ${settings.serveSeconds} s per page; static reference: ${staticServer.kind}; pages ${Object.entries(
      pageBytes,
    )
      .map(([key, bytes]) => `${key} ${(bytes / 1e6).toFixed(2)} MB`)
      .join(', ')}`,
    `cards: ${cards.cold.length} papers, cold ${cards.cold.map((/** @type {number} */ ms) => Math.round(ms)).join(', ')} ms; warm median of ${cards.warm.length}`,
    `Lighthouse: median of ${settings.lighthouseRuns} run${settings.lighthouseRuns === 1 ? '' : 's'} per page; scores are performance / accessibility / best practices / SEO`,
    ...notes,
    `took ${Math.round((Date.now() - started) / 1000)} s`,
  ])
  if (args.out) {
    fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true })
    fs.writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`)
    step(`wrote ${args.out}`)
  }
}

/**
 * @param {number} value
 * @param {number} digits
 */
const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits

try {
  await main()
  await cleanup()
  if (!args.keep) fs.rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 })
} catch (error) {
  await cleanup()
  console.error(
    error instanceof Error ? (error.cause ? `${error.stack}\ncaused by ${error.cause}` : error.stack) : error,
  )
  console.error(`Logs kept in ${logs}`)
  process.exitCode = 1
}
