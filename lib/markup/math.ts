/**
 * Math in one-line text (titles, venues, BibTeX fields): the one tokenizer that tells it from the
 * text around it, and its plain-text reading. Bodies are parsed by remark-math instead
 * (`mdx-body.mjs`, `plain-text.ts`), which reads `$…$` the same way.
 */

export type Segment =
  | { math: false; text: string }
  /** `source` as written, delimiters included; `tex` between them; `display` for `$$…$$` and `\[…\]`. */
  | { math: true; source: string; tex: string; display: boolean }

/** Index of `delimiter` at or after `from`, skipping backslash escapes; -1 if absent. */
function closing(text: string, from: number, delimiter: string): number {
  for (let i = from; i < text.length; i += 1) {
    if (text.startsWith(delimiter, i)) return i
    if (text.charAt(i) === '\\') i += 1
  }
  return -1
}

/**
 * `text` cut into text and math: `$…$` and `$$…$$` between unescaped dollars (`\$` is a dollar
 * sign), and with `latexDelimiters` also `\(…\)` and `\[…\]`. A dollar never closed is text. One
 * scan: the search for a closing delimiter skips escapes as the scan does, so once a search has
 * failed no later one for that delimiter is made, and the time stays linear.
 */
export function splitMath(text: string, { latexDelimiters = false } = {}): Segment[] {
  const segments: Segment[] = []
  let plain = ''
  const failed = new Set<string>()
  const math = (start: number, open: string, close: string, display: boolean): number => {
    if (failed.has(close)) return -1
    const end = closing(text, start + open.length, close)
    if (end === -1) {
      failed.add(close)
      return -1
    }
    if (plain) segments.push({ math: false, text: plain })
    plain = ''
    const source = text.slice(start, end + close.length)
    segments.push({ math: true, source, tex: text.slice(start + open.length, end), display })
    return end + close.length
  }
  for (let i = 0; i < text.length;) {
    const char = text.charAt(i)
    const next = text.charAt(i + 1)
    let after = -1
    if (char === '$') after = next === '$' ? math(i, '$$', '$$', true) : math(i, '$', '$', false)
    else if (char === '\\' && latexDelimiters && next === '(') after = math(i, '\\(', '\\)', false)
    else if (char === '\\' && latexDelimiters && next === '[') after = math(i, '\\[', '\\]', true)
    if (after !== -1) {
      i = after
      continue
    }
    // An escape is two characters of text: `\$` is no delimiter.
    const length = char === '\\' ? 2 : 1
    plain += text.slice(i, i + length)
    i += length
  }
  if (plain) segments.push({ math: false, text: plain })
  return segments
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
 * Plain text of LaTeX math (without its delimiters): `\epsilon_t \approx 0.2\sqrt{R_f}` becomes
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
