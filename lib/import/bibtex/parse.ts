import { parse, type Entry, type Library } from '@retorquere/bibtex-parser'
import { entryLabel, importEntry, type ImportedEntry, type ImportError } from './entry'
import { parserOptions, unhandledMacro } from './latex'

export type { ImportedEntry, ImportError } from './entry'

export type ImportResult = { entries: ImportedEntry[]; errors: ImportError[] }

/**
 * Reads a BibTeX paste into draft publications. Entries the parser cannot read, or that lack a
 * title, authors or a valid year, become errors naming their key and line; the others still import.
 */
export function parseBibtexImport(input: string): ImportResult {
  if (!input.trim()) return { entries: [], errors: [{ message: 'Paste at least one BibTeX entry.' }] }

  let library: Library
  try {
    library = parse(input, parserOptions())
  } catch (error) {
    return {
      entries: [],
      errors: [{ message: `Could not read the BibTeX: ${error instanceof Error ? error.message : String(error)}` }],
    }
  }

  // The parser leaves an entry it failed on in `entries`, half-filled and with an empty `input`.
  const parsed = library.entries.filter((entry) => entry.input !== '')
  const lines: number[] = []
  let cursor = 0
  for (const entry of parsed) {
    const offset = input.indexOf(entry.input, cursor)
    lines.push(offset === -1 ? 0 : lineAt(input, offset))
    if (offset !== -1) cursor = offset + entry.input.length
  }

  const errors: { offset: number; error: ImportError }[] = []
  const notes = parsed.map((): string[] => [])
  let errorCursor = 0
  for (const { error: message, input: source = '' } of library.errors) {
    if (source.trimStart().startsWith('@')) {
      // A whole entry the parser gave up on: `source` runs from its `@` to the next one.
      const found = input.indexOf(source, errorCursor)
      const offset = found === -1 ? input.indexOf(source) : found
      if (found !== -1) errorCursor = found + 1
      const line = offset === -1 ? undefined : lineAt(input, offset + source.length - source.trimStart().length)
      const { directive, key } = headOf(source)
      const detail = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+.*$/, '')
      errors.push({
        offset: offset === -1 ? Number.POSITIVE_INFINITY : offset,
        error: {
          ...(line === undefined ? {} : { line }),
          ...(key ? { key } : {}),
          message: `${entryLabel(key, line, directive)} could not be read (${detail}). Check it for an unbalanced brace or quote, or a missing comma.`,
        },
      })
      continue
    }
    const attributed = attribute(message, source, parsed)
    if (attributed.length === 0) errors.push({ offset: Number.POSITIVE_INFINITY, error: { message } })
    for (const { index, note } of attributed) notes[index]?.push(note)
  }

  const entries: ImportedEntry[] = []
  parsed.forEach((entry, index) => {
    const line = lines[index] ?? 0
    const imported = importEntry(entry, line, notes[index] ?? [])
    if ('frontmatter' in imported) entries.push(imported)
    else errors.push({ offset: input.indexOf(entry.input), error: imported })
  })

  if (entries.length === 0 && errors.length === 0)
    errors.push({
      offset: 0,
      error: { message: 'No BibTeX entries found. Entries start with @, like @article{key, …}.' },
    })
  errors.sort((a, b) => a.offset - b.offset)
  return { entries, errors: errors.map(({ error }) => error) }
}

/** Pins a parser complaint that did not cost an entry (unknown @string, unknown command) on the entries it concerns. */
function attribute(message: string, source: string, entries: readonly Entry[]): { index: number; note: string }[] {
  const notes: { index: number; note: string }[] = []
  const unresolved = /^Unresolved @string reference "(.*)"$/.exec(message)?.[1]
  const creatorKey = /^@([^:]+): (.*)$/s.exec(message)
  entries.forEach((entry, index) => {
    if (unresolved !== undefined) {
      if (new RegExp(`[=#]\\s*${escapeRegExp(unresolved)}\\s*(?:[,#})]|$)`, 'i').test(entry.input)) {
        notes.push({ index, note: `unknown @string macro "${unresolved}"; its name was used as the text` })
      }
    } else if (creatorKey) {
      if (creatorKey[1] === entry.key) notes.push({ index, note: `authors: ${creatorKey[2] ?? ''}` })
    } else if (source && entry.input.includes(source)) {
      notes.push({ index, note: unhandledMacro(message) })
    }
  })
  return notes
}

function lineAt(input: string, offset: number): number {
  let line = 1
  for (let i = input.indexOf('\n'); i !== -1 && i < offset; i = input.indexOf('\n', i + 1)) line += 1
  return line
}

/** The directive (`article`, `string`…) and key of an entry's source text. */
function headOf(source: string): { directive?: string; key?: string } {
  const match = /^@\s*([A-Za-z]+)\s*[{(]\s*([^,\s}=]*)/.exec(source.trimStart())
  const directive = match?.[1]?.toLowerCase()
  const key = directive && !['string', 'preamble', 'comment'].includes(directive) ? match?.[2] : undefined
  return { ...(directive ? { directive } : {}), ...(key ? { key } : {}) }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
