// Budgets (issue 5) beside the figures. They are set at N = 1,000; above that the build may grow
// linearly (30 s per 1,000 papers) and edit-to-live may take up to 2 s.

/** @typedef {import('./measure.mjs').LighthouseScores} LighthouseScores */
/** @typedef {number | null | undefined} Figure undefined or null: not measured */
/**
 * What one run measured (written as JSON by `--out`).
 * @typedef {object} BenchResult
 * @property {number} papers
 * @property {string} date
 * @property {{ cpus: number, cpu_model: string, memory_gb: number, node: string, os: string, next: string,
 *   chromium: string, static_server: string, load_average: { start: number, mean: number, max: number } }} machine
 * @property {number} build_seconds
 * @property {number} build_peak_rss_mb
 * @property {Figure} edit_to_live_p50_ms
 * @property {Figure} edit_to_live_p95_ms
 * @property {Record<string, Figure>} serve_rps by page: `paper`, `list`
 * @property {Record<string, Figure>} serve_p99_ms
 * @property {Record<string, Figure>} serve_errors
 * @property {Record<string, Figure>} serve_rps_static
 * @property {Figure} og_cold_ms
 * @property {Figure} og_warm_ms
 * @property {Record<string, Figure>} first_load_js_kb by page: `/`, `/publications`, `paper`, `baseline`
 * @property {Record<string, LighthouseScores | null>} lighthouse by page, as first_load_js_kb
 * @property {Record<string, { html_kb: number, gzip_kb: number }>} [page_weight] by page: `list`, `paper`
 */

const LIGHTHOUSE_MIN = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 }
const CATEGORIES = /** @type {(keyof typeof LIGHTHOUSE_MIN)[]} */ (Object.keys(LIGHTHOUSE_MIN))
/** The list page's HTML for its 200 entries (issue 12). */
const LIST_HTML_MAX_KB = 500
/** @type {[key: string, label: string][]} */
const PAGES = [
  ['/', '/'],
  ['/publications', '/publications'],
  ['paper', 'paper page'],
]

/**
 * @param {Figure} value
 * @param {number} [digits]
 */
const fmt = (value, digits = 0) =>
  typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : String(value ?? '—')

/**
 * @param {Figure} value
 * @param {number} limit
 */
const atMost = (value, limit) => typeof value === 'number' && value <= limit

/** @typedef {[figure: string, value: string, budget: string, ok: boolean | null]} Row */

/**
 * Rows of [figure, value, budget, verdict]; verdict is true, false or null (no budget).
 * @param {BenchResult} result
 */
export function budgetRows(result) {
  const large = result.papers > 1000
  /** @type {Row[]} */
  const rows = []
  // A figure that could not be measured misses its budget.
  /** @type {(...row: Row) => void} */
  const row = (figure, value, budget, ok) => {
    rows.push([figure, value, budget, value === '—' && ok !== null ? false : ok])
  }

  const buildLimit = large ? 30 * (result.papers / 1000) : 30
  row(
    'build_seconds',
    fmt(result.build_seconds, 1),
    large ? `≤ ${fmt(buildLimit)} (linear: 30 s per 1,000)` : '≤ 30',
    result.build_seconds <= buildLimit,
  )
  row(
    'build_peak_rss_mb',
    fmt(result.build_peak_rss_mb),
    large ? 'none set' : '≤ 2048',
    large ? null : result.build_peak_rss_mb <= 2048,
  )
  const editLimit = large ? 2000 : 1000
  row(
    'edit_to_live_p50_ms',
    fmt(result.edit_to_live_p50_ms),
    `≤ ${editLimit}`,
    atMost(result.edit_to_live_p50_ms, editLimit),
  )
  row('edit_to_live_p95_ms', fmt(result.edit_to_live_p95_ms), '—', null)
  for (const [key, label] of /** @type {const} */ ([
    ['paper', 'paper page'],
    ['list', '/publications'],
  ])) {
    const rps = result.serve_rps[key]
    const reference = result.serve_rps_static[key]
    const ratio = typeof rps === 'number' && typeof reference === 'number' ? rps / reference : undefined
    row(`serve_rps ${label}`, `${fmt(rps)} (${fmt(ratio, 2)} × static)`, '≥ 0.25 × static', (ratio ?? 0) >= 0.25)
    row(`serve_rps_static ${label}`, fmt(reference), '—', null)
    row(`serve_p99_ms ${label}`, fmt(result.serve_p99_ms[key]), '≤ 50', atMost(result.serve_p99_ms[key], 50))
    row(`serve_errors ${label}`, fmt(result.serve_errors[key]), '0', result.serve_errors[key] === 0)
  }
  for (const [key, label] of /** @type {const} */ ([
    ['list', '/publications'],
    ['paper', 'paper page'],
  ])) {
    const weight = result.page_weight?.[key]
    const value = weight ? `${fmt(weight.html_kb)} (gzip ${fmt(weight.gzip_kb)})` : '—'
    if (key === 'list')
      row(`html_kb ${label}`, value, `≤ ${LIST_HTML_MAX_KB}`, atMost(weight?.html_kb, LIST_HTML_MAX_KB))
    else row(`html_kb ${label}`, value, '—', null)
  }
  row('og_cold_ms', fmt(result.og_cold_ms), '≤ 150', atMost(result.og_cold_ms, 150))
  row('og_warm_ms', fmt(result.og_warm_ms, 1), '≤ 10', atMost(result.og_warm_ms, 10))
  const baseline = result.first_load_js_kb.baseline ?? NaN
  row('first_load_js_kb empty page', fmt(baseline, 1), '—', null)
  for (const [key, label] of PAGES) {
    const kb = result.first_load_js_kb[key]
    row(
      `first_load_js_kb ${label}`,
      typeof kb === 'number' ? `${fmt(kb, 1)} (+${fmt(kb - baseline, 1)})` : '—',
      `≤ ${fmt(baseline + 25, 1)} (+25)`,
      atMost(kb, baseline + 25),
    )
  }
  /** @param {LighthouseScores | null | undefined} scores */
  const scoreText = (scores) =>
    scores
      ? `${CATEGORIES.map((category) => scores[category]).join(' / ')}${
          scores.tbt_ms === undefined ? '' : ` (TBT ${fmt(scores.tbt_ms)} ms, LCP ${fmt(scores.lcp_ms)} ms)`
        }`
      : '—'
  for (const [key, label] of PAGES) {
    const scores = result.lighthouse[key]
    const ok = Boolean(scores) && CATEGORIES.every((category) => (scores?.[category] ?? 0) >= LIGHTHOUSE_MIN[category])
    row(`lighthouse ${label}`, scoreText(scores), '≥ 98 / 100 / 100 / 100', ok)
  }
  row('lighthouse empty page', scoreText(result.lighthouse.baseline), '—', null)
  return rows
}

/**
 * Prints the figures beside their budgets, after the run's details.
 * @param {BenchResult} result
 * @param {string[]} details
 */
export function printTable(result, details) {
  const rows = budgetRows(result)
  const header = ['figure', 'value', 'budget', '']
  const cells = rows.map(([figure, value, budget, ok]) => [figure, value, budget, ok === null ? '' : ok ? '✓' : '✗'])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((cell) => (cell[column] ?? '').length)),
  )
  /** @param {string[]} cell */
  const line = (cell) =>
    cell
      .map((text, column) => text.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd()
  const out = [
    '',
    `Benchmark: ${result.papers} papers, ${result.machine.cpus} × ${result.machine.cpu_model}, ${result.machine.memory_gb} GB, Node ${result.machine.node}, ${result.machine.os}, ${result.date}`,
    `load average: ${result.machine.load_average.start} at start, mean ${result.machine.load_average.mean}, max ${result.machine.load_average.max} (the bench itself adds 1–2)`,
    ...details,
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.map(line),
  ]
  const missed = rows.filter(([, , , ok]) => ok === false).length
  out.push('', missed ? `${missed} budget${missed === 1 ? '' : 's'} missed (✗).` : 'Every budget met.')
  console.log(out.join('\n'))
}
