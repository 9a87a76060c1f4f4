import { parse, type Options } from '@retorquere/bibtex-parser'
import { splitMath } from '../../markup/math'
import { bracesBalanced, latexLetters } from '../../markup/text'

/**
 * BibTeX field values (LaTeX: accents, braces, `--`, `\emph`…) read as plain text with their math
 * kept as `$…$`, by the BibTeX parser itself, and written as MDX-safe text for a body.
 */

/** Fields read as raw LaTeX, so that math survives: the parser itself would turn `$\epsilon$` into `ϵ`. */
export const TEXT_FIELDS = [
  'title',
  'abstract',
  'journal',
  'booktitle',
  'school',
  'institution',
  'publisher',
  'howpublished',
  'organization',
  'note',
  'volume',
  'number',
  'pages',
] as const

export const parserOptions = (): Options => ({ sentenceCase: false, verbatimFields: [...TEXT_FIELDS] })

export type Segment = { math: boolean; text: string }

/**
 * A field value with math and literal `<`/`>` swapped for letter-only placeholders: the parser turns
 * math into Unicode and, following LaTeX's OT1 encoding, `<` into `¡` and `>` into `¿`.
 */
function protect(raw: string, tag: string, math: string[]): string {
  const stash = (formula: string) => {
    math.push(formula.replace(/\s+/g, ' '))
    return `${tag}m${math.length - 1}${tag}`
  }
  return splitMath(raw, { latexDelimiters: true })
    .map((segment) => {
      if (!segment.math) return protectText(segment.text, tag)
      // The parser's raw output writes `$$…$$` as `\[…\]`; people write `\(…\)` too: kept as dollars.
      if (!segment.source.startsWith('\\')) return stash(segment.source)
      const delimiter = segment.display ? '$$' : '$'
      return stash(`${delimiter}${segment.tex.trim()}${delimiter}`)
    })
    .join('')
}

/** Text outside math: escapes kept, a dollar that opens no math escaped, `<` and `>` as placeholders. */
function protectText(text: string, tag: string): string {
  let out = ''
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i)
    if (char === '\\') {
      out += text.slice(i, i + 2)
      i += 1
    } else if (char === '$') out += '\\$'
    else if (char === '<') out += `${tag}lt${tag}`
    else if (char === '>') out += `${tag}gt${tag}`
    // BibTeX keeps an unescaped `%` as text, LaTeX would read the rest of the line as a comment.
    else if (char === '%') out += '\\%'
    else out += char
  }
  return out
}

export function tidy(text: string): string {
  return (
    text
      // The parser renders \emph, \textsc, \url… as HTML; every literal `<` was a placeholder, so all tags are its markup.
      .replace(/<[^>]*>/g, '')
      // `\'{\i}` becomes a dotless i plus an accent.
      .replace(/ı(?=\p{M})/gu, 'i')
      .normalize('NFC')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

export function unhandledMacro(message: string): string {
  const macro = /^unhandled (?:macro|environment) (.*)$/s.exec(message)?.[1]
  return macro ? `the LaTeX command ${macro} was not recognised and is kept as written` : message
}

/**
 * Converts LaTeX field values (accents, braces, `--`, `\emph`…) to plain text with one parser run,
 * keeping `$…$` math as written. Values are keyed by any name the caller likes.
 */
export function convertLatex(values: ReadonlyMap<string, string>): {
  segments: Map<string, Segment[]>
  warnings: string[]
} {
  const segments = new Map<string, Segment[]>()
  const warnings: string[] = []
  if (values.size === 0) return { segments, warnings }

  let tag = 'zqx'
  const all = [...values.values()].join('\n')
  while (all.includes(tag)) tag += 'j'
  const math: string[] = []
  const names = [...values.keys()]
  const protectedValues = names.map((name) => protect(values.get(name) ?? '', tag, math))

  const run = (indices: number[]): Map<number, string> | undefined => {
    const body = indices.map((index) => `  f${index} = {${protectedValues[index] ?? ''}}`).join(',\n')
    try {
      const library = parse(`@misc{${tag},\n${body}\n}`, parserOptions())
      const entry = library.entries[0]
      if (!entry?.input || library.errors.some((error) => error.input?.trimStart().startsWith('@'))) return undefined
      for (const error of library.errors) warnings.push(unhandledMacro(error.error))
      const fields = new Map<string, unknown>(Object.entries(entry.fields))
      return new Map(
        indices.map((index) => {
          const value = fields.get(`f${index}`)
          return [index, typeof value === 'string' ? value.trim() : '']
        }),
      )
    } catch {
      return undefined
    }
  }

  const indices = names.map((_, index) => index)
  const converted =
    run(indices.filter((index) => bracesBalanced(protectedValues[index] ?? '', { latexEscapes: true }))) ??
    new Map<number, string>()
  for (const index of indices) {
    if (converted.has(index)) continue
    const single = run([index])?.get(index)
    if (single !== undefined) converted.set(index, single)
    else {
      converted.set(index, latexLetters(protectedValues[index] ?? ''))
      warnings.push(`could not read the LaTeX in ${names[index] ?? 'a field'}; braces and commands were removed`)
    }
  }

  const placeholder = new RegExp(`${tag}(m\\d+|lt|gt)${tag}`, 'g')
  names.forEach((name, index) => {
    const text = tidy(converted.get(index) ?? '')
    const parts: Segment[] = []
    let last = 0
    const pushText = (value: string) => {
      const previous = parts.at(-1)
      if (previous && !previous.math) previous.text += value
      else if (value) parts.push({ math: false, text: value })
    }
    for (const match of text.matchAll(placeholder)) {
      pushText(text.slice(last, match.index))
      const what = match[1] ?? ''
      if (what === 'lt') pushText('<')
      else if (what === 'gt') pushText('>')
      else parts.push({ math: true, text: math[Number(what.slice(1))] ?? '' })
      last = match.index + match[0].length
    }
    pushText(text.slice(last))
    segments.set(name, parts)
  })
  return { segments, warnings }
}

export function plain(segments: readonly Segment[] | undefined): string | undefined {
  const text = segments
    ?.map((segment) => segment.text)
    .join('')
    .trim()
  return text || undefined
}

/**
 * MDX-safe text: outside math, `\ { } < > $` are backslash-escaped so the body holds no JSX, no
 * `{expressions}` and no accidental math; math is left for remark-math.
 */
export function toMdx(segments: readonly Segment[]): string {
  const text = segments
    .map((segment) => (segment.math ? segment.text : segment.text.replace(/[\\{}<>$]/g, '\\$&')))
    .join('')
    .trim()
  // A paragraph starting with `import `/`export ` would be read as JavaScript.
  return text.replace(/^(i)(?=mport\b)|^(e)(?=xport\b)/, (letter) => `&#${letter.charCodeAt(0)};`)
}
