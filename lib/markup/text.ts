/** Lowercase, accents removed, punctuation folded to spaces: for matching names and search terms. */
export function normalizeText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** English plural for counts shown to people ("1 more author", "2 more authors"). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

export function monthName(month: number | undefined): string | undefined {
  return month === undefined ? undefined : MONTHS[month - 1]
}

const MATH_SYMBOLS: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  approx: '≈',
  sim: '∼',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  times: '×',
  cdot: '·',
  infty: '∞',
  to: '→',
  rightarrow: '→',
  propto: '∝',
  partial: '∂',
  nabla: '∇',
  sum: '∑',
  int: '∫',
  in: '∈',
  ell: 'ℓ',
}

/**
 * Plain text of LaTeX math (without its dollars): `\epsilon_t \approx 0.2\sqrt{R_f}` becomes
 * `ε_t ≈ 0.2√(R_f)`. The groups are `[^{}]*`, not `[^}]*`: a run that cannot contain the next
 * `{` ends there, so each character is scanned a bounded number of times (`[^}]*` made a body of
 * `\sqrt{` repeated cost quadratic time).
 */
export function mathToPlainText(math: string): string {
  return math
    .replace(/\\sqrt\{([^{}]*)\}/g, '√($1)')
    .replace(/\\(?:mathrm|mathbf|mathcal|text|textit|textbf|operatorname)\{([^{}]*)\}/g, '$1')
    .replace(/\\([A-Za-z]+)/g, (whole, name: string) => MATH_SYMBOLS[name] ?? name)
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Plain text of a string that may hold LaTeX math: `$\epsilon_t \approx 0.2\sqrt{R_f}$` becomes
 * `ε_t ≈ 0.2√(R_f)`. Good enough for meta descriptions and search, not for typesetting.
 */
export function latexToPlainText(value: string): string {
  return withoutControls(
    value
      // Math between unescaped dollars; `\$` is a literal dollar sign. `[^$\\]|\\.` has one way to
      // read each character, so a dollar that is never closed costs one scan, not a backtrack.
      .replace(/(?<!\\)\$\$?((?:[^$\\]|\\[^])*?)\$\$?/g, (_, math: string) => mathToPlainText(math))
      .replace(/\s+/g, ' ')
      .trim(),
  )
}

/**
 * What XML 1.0 cannot carry (https://www.w3.org/TR/xml/#charsets) removed: C0 controls but tab,
 * newline and carriage return, U+FFFE, U+FFFF and lone surrogates. Schema-valid text holds none;
 * this keeps a hand-edited file from making a feed ill-formed.
 */
export function withoutControls(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu, '')
}

/** The first sentence, cut to `max` characters at a word boundary. */
export function firstSentence(text: string, max = 300): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text)
  const sentence = match?.[1] ?? text
  if (sentence.length <= max) return sentence
  const cut = sentence.slice(0, max - 1)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`
}

/** Text made safe inside XML or HTML elements and quoted attributes (and without what XML cannot carry). */
export function escapeXml(value: string): string {
  return withoutControls(value).replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  )
}
