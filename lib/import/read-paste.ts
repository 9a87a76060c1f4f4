import 'server-only'
import { Worker } from 'node:worker_threads'
import { z } from 'zod'
import { deadlineWorker, type DeadlineWorker } from '../server/deadline-worker'
import { publicationSchema } from '../domain/schema'
import type { ImportResult } from './bibtex/parse'

/**
 * A BibTeX paste read off the main thread, within bounds. The parser's cost grows with the paste
 * and faster than linearly with a field's length (8,000 entries took 10 s, one 200 kB abstract
 * 5 s): on the main thread every visitor waited for it.
 */

/** As many as "Create drafts" saves at once. */
export const MAX_IMPORT_ENTRIES = 500
export const MAX_IMPORT_CHARS = 2_000_000
/** Wall-clock time one paste may take to read; 500 ordinary entries take well under a second. */
export const IMPORT_BUDGET_MS = 5_000
const IMPORT_MEMORY_MB = 512

// `@article{`, `@misc (`…, but not `@string`, `@preamble` or `@comment`, which make no entry.
const ENTRY_START = /@[ \t\r\n]*([A-Za-z]+)[ \t\r\n]*[{(]/g
const NOT_ENTRIES = new Set(['string', 'preamble', 'comment'])

/** How many entries a paste holds, counted without parsing it (an `@` in a field may add one). */
export function countEntries(text: string): number {
  let count = 0
  for (const match of text.matchAll(ENTRY_START)) if (!NOT_ENTRIES.has((match[1] ?? '').toLowerCase())) count++
  return count
}

const refused = (message: string): ImportResult => ({ entries: [], errors: [{ message }] })

// The worker's reply, checked: messages between threads carry no types.
const replySchema = z.object({
  entries: z.array(
    z.object({
      key: z.string(),
      frontmatter: publicationSchema,
      body: z.string(),
      warnings: z.array(z.string()),
      line: z.number(),
    }),
  ),
  errors: z.array(z.object({ line: z.number().optional(), key: z.string().optional(), message: z.string() })),
})

function readResult(reply: Record<string, unknown>): ImportResult | undefined {
  const checked = replySchema.safeParse(reply)
  return checked.success ? checked.data : undefined
}

const state = globalThis as { __bibtexWorker?: DeadlineWorker<{ text: string }, ImportResult> }

function reader(): DeadlineWorker<{ text: string }, ImportResult> {
  state.__bibtexWorker ??= deadlineWorker(
    () =>
      new Worker(new URL('./bibtex-worker.ts', import.meta.url), {
        resourceLimits: { maxOldGenerationSizeMb: IMPORT_MEMORY_MB },
      }),
    IMPORT_BUDGET_MS,
    readResult,
  )
  return state.__bibtexWorker
}

/** Reads pasted BibTeX into draft entries (`parseBibtexImport`), refusing what exceeds the bounds. */
export async function readBibtexPaste(text: string): Promise<ImportResult> {
  if (text.length > MAX_IMPORT_CHARS) return refused('That is more than 2 MB of BibTeX; import it in parts.')
  const count = countEntries(text)
  if (count > MAX_IMPORT_ENTRIES) {
    return refused(
      `That paste holds ${count.toLocaleString('en')} entries; import at most ${MAX_IMPORT_ENTRIES} at a time, in parts.`,
    )
  }
  const outcome = await reader()({ text })
  if (outcome.kind === 'done') return outcome.reply
  if (outcome.kind === 'over-budget') {
    const what = outcome.reason === 'time' ? `more than ${IMPORT_BUDGET_MS / 1000} s` : 'too much memory'
    return refused(`Reading this BibTeX took ${what} (very long fields or many entries); import it in smaller parts.`)
  }
  return refused(`Could not read the BibTeX: ${outcome.message}`)
}
