import 'server-only'
import path from 'node:path'
import { slugProblem } from '../domain/schema'
import { fileFor, publicationsDir } from './files'
import { fileHistory, lastCommitDates, repositoryRoot, type HistoryEntry } from './git'

export type History = { available: true; entries: HistoryEntry[] } | { available: false; reason: string }

/** The commits that changed a publication's file, newest first, each with its diff. */
export async function publicationHistory(slug: string): Promise<History> {
  if (slugProblem(slug)) return { available: false, reason: 'There is no such publication.' }
  const root = await repositoryRoot(publicationsDir())
  if (!root)
    return { available: false, reason: 'History is unavailable: the content folder is not in a git repository.' }
  return { available: true, entries: await fileHistory(root, fileFor(slug)) }
}

/** When each publication's file was last committed (from one `git log`), by slug; empty without git. */
export async function lastChanges(): Promise<Map<string, string>> {
  const dir = publicationsDir()
  const root = await repositoryRoot(dir)
  const dates = root ? await lastCommitDates(root, dir) : new Map<string, string>()
  const bySlug = new Map<string, string>()
  for (const [file, date] of dates)
    if (path.dirname(file) === dir && file.endsWith('.mdx')) bySlug.set(path.basename(file, '.mdx'), date)
  return bySlug
}
