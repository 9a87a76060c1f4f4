// Budgets (issue 5) beside the figures. They are set at N = 1,000; above that the build may grow
// linearly (30 s per 1,000 papers) and edit-to-live may take up to 2 s.

const LIGHTHOUSE_MIN = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 }
const PAGES = [
  ['/', '/'],
  ['/publications', '/publications'],
  ['paper', 'paper page'],
]

const fmt = (value, digits = 0) =>
  typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : String(value ?? '—')

/** Rows of [figure, value, budget, verdict]; verdict is true, false or null (no budget). */
export function budgetRows(result) {
  const large = result.papers > 1000
  const rows = []
  // A figure that could not be measured misses its budget.
  const row = (figure, value, budget, ok) =>
    rows.push([figure, value, budget, value === '—' && ok !== null ? false : ok])

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
  row('edit_to_live_p50_ms', fmt(result.edit_to_live_p50_ms), `≤ ${editLimit}`, result.edit_to_live_p50_ms <= editLimit)
  row('edit_to_live_p95_ms', fmt(result.edit_to_live_p95_ms), '—', null)
  for (const [key, label] of [
    ['paper', 'paper page'],
    ['list', '/publications'],
  ]) {
    const rps = result.serve_rps[key]
    const reference = result.serve_rps_static[key]
    row(
      `serve_rps ${label}`,
      `${fmt(rps)} (${fmt(rps / reference, 2)} × static)`,
      '≥ 0.25 × static',
      rps >= 0.25 * reference,
    )
    row(`serve_rps_static ${label}`, fmt(reference), '—', null)
    row(`serve_p99_ms ${label}`, fmt(result.serve_p99_ms[key]), '≤ 50', result.serve_p99_ms[key] <= 50)
    row(`serve_errors ${label}`, fmt(result.serve_errors[key]), '0', result.serve_errors[key] === 0)
  }
  row('og_cold_ms', fmt(result.og_cold_ms), '≤ 150', result.og_cold_ms <= 150)
  row('og_warm_ms', fmt(result.og_warm_ms, 1), '≤ 10', result.og_warm_ms <= 10)
  const baseline = result.first_load_js_kb.baseline
  row('first_load_js_kb empty page', fmt(baseline, 1), '—', null)
  for (const [key, label] of PAGES) {
    const kb = result.first_load_js_kb[key]
    row(
      `first_load_js_kb ${label}`,
      typeof kb === 'number' ? `${fmt(kb, 1)} (+${fmt(kb - baseline, 1)})` : '—',
      `≤ ${fmt(baseline + 25, 1)} (+25)`,
      kb <= baseline + 25,
    )
  }
  const scoreText = (scores) =>
    scores
      ? Object.keys(LIGHTHOUSE_MIN)
          .map((category) => scores[category])
          .join(' / ')
      : '—'
  for (const [key, label] of PAGES) {
    const scores = result.lighthouse[key]
    const ok = Boolean(scores) && Object.entries(LIGHTHOUSE_MIN).every(([category, min]) => scores[category] >= min)
    row(`lighthouse ${label}`, scoreText(scores), '≥ 98 / 100 / 100 / 100', ok)
  }
  row('lighthouse empty page', scoreText(result.lighthouse.baseline), '—', null)
  return rows
}

export function printTable(result, details) {
  const rows = budgetRows(result)
  const header = ['figure', 'value', 'budget', '']
  const cells = rows.map(([figure, value, budget, ok]) => [figure, value, budget, ok === null ? '' : ok ? '✓' : '✗'])
  const widths = header.map((_, column) => Math.max(header[column].length, ...cells.map((cell) => cell[column].length)))
  const line = (cell) =>
    cell
      .map((text, column) => text.padEnd(widths[column]))
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
