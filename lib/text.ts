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

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const

export function monthName(month: number | undefined): string | undefined {
  return month === undefined ? undefined : MONTHS[month - 1]
}

/**
 * Plain text of a string that may hold LaTeX math: `$\epsilon_t \approx 0.2\sqrt{R_f}$` becomes
 * `ε_t ≈ 0.2√(R_f)`. Good enough for meta descriptions and search, not for typesetting.
 */
export function latexToPlainText(value: string): string {
  const symbols: Record<string, string> = {
    alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
    kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', chi: 'χ',
    psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
    approx: '≈', sim: '∼', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', times: '×', cdot: '·', infty: '∞',
    to: '→', rightarrow: '→', propto: '∝', partial: '∂', nabla: '∇', sum: '∑', int: '∫', in: '∈', ell: 'ℓ',
  }
  return value
    // Math between unescaped dollars; `\$` is a literal dollar sign.
    .replace(/(?<!\\)\$\$?((?:\\\$|[^$])*?)(?<!\\)\$\$?/g, (_, math: string) =>
      math
        // Each group stops at the next brace, so no character is scanned from more than one start:
        // `[^}]*` rescanned the rest of the text from every unclosed `\sqrt{` (quadratic).
        .replace(/\\sqrt\{([^{}]*)\}/g, '√($1)')
        .replace(/\\(?:mathrm|mathbf|mathcal|text|textit|textbf|operatorname)\{([^{}]*)\}/g, '$1')
        .replace(/\\([A-Za-z]+)/g, (whole, name: string) => symbols[name] ?? name)
        .replace(/[{}]/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Plain text of an MDX body (markdown and math flattened), for descriptions and feeds. Linear in
 * the body: every pattern stops at the next opening bracket of its kind, so a run of `<`, `[` or
 * `![` without a closing one is not rescanned from each of them.
 */
export function mdxToPlainText(body: string): string {
  return decodeEntities(
    latexToPlainText(
      body
        .replace(/<[^<>]+>/g, ' ')
        .replace(/!\[[^[\]]*\]\([^()]*\)/g, '')
        .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
        .replace(/^#{1,6}\s+/gm, '')
        .replace(/[*_`]{1,3}([^*_`]+)[*_`]{1,3}/g, '$1'),
    )
      // Markdown escapes (`\{`, `\$`, `\*`…) stand for the character itself.
      .replace(/\\([\\`*_{}[\]()#+\-.!$<>|~])/g, '$1'),
  )
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
    if (code.startsWith('#')) {
      const point = code.startsWith('#x') || code.startsWith('#X') ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1))
      // Beyond Unicode (`&#99999999;`) is no character: fromCodePoint would throw and fail the page.
      return point <= 0x10ffff ? String.fromCodePoint(point) : entity
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? entity
  })
}

/** The first sentence, cut to `max` characters at a word boundary. */
export function firstSentence(text: string, max = 300): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text)
  const sentence = match?.[1] ?? text
  if (sentence.length <= max) return sentence
  const cut = sentence.slice(0, max - 1)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`
}

/** Text made safe inside XML or HTML elements and quoted attributes. */
export function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c)
}
