import 'server-only'
import path from 'node:path'
import { fieldChanges, type FieldChange, type PublicationVersion } from '../domain/field-changes'
import { slugProblem } from '../domain/schema'
import { fileFor, publicationsDir } from './files'
import { fileHistory, filesAtRevisions, lastCommitDates, repositoryRoot, type HistoryEntry } from './git'
import { parsePublication } from './serialize'

/**
 * What a commit did to the paper, field by field: `added` lists every value it was created
 * with; `unreadable` is a version that does not parse (written by hand), told by its raw diff only.
 */
export type CommitChange =
  { kind: 'added' | 'edited'; fields: FieldChange[] } | { kind: 'deleted' } | { kind: 'unreadable' }

export type HistoryItem = HistoryEntry & { change: CommitChange }

export type History = { available: true; entries: HistoryItem[] } | { available: false; reason: string }

/** The commits that changed a publication's file, newest first, each with its diff and its field-level changes. */
export async function publicationHistory(slug: string): Promise<History> {
  if (slugProblem(slug)) return { available: false, reason: 'There is no such publication.' }
  const root = await repositoryRoot(publicationsDir())
  if (!root)
    return { available: false, reason: 'History is unavailable: the content folder is not in a git repository.' }
  const entries = await fileHistory(root, fileFor(slug))
  return { available: true, entries: await withFieldChanges(root, entries) }
}

/** The lines of a commit's diff before its first hunk: what a changed line of the file cannot imitate. */
const headerOf = (diff: string) => diff.split(/^@@/m)[0] ?? ''

/** Where the file was before the commit (it may have been renamed by it), or null when the commit created it. */
function pathBefore({ diff, path: file }: HistoryEntry): string | null {
  const header = headerOf(diff)
  if (/^--- \/dev\/null$/m.test(header)) return null
  return /^rename from (.+)$/m.exec(header)?.[1] ?? /^--- a\/(.+)$/m.exec(header)?.[1] ?? file
}

const isDeletion = ({ diff }: HistoryEntry) => /^\+\+\+ \/dev\/null$/m.test(headerOf(diff))

/** What a commit that creates the file starts from. */
const NOTHING: PublicationVersion = { frontmatter: {}, body: '' }

function versionIn(file: string, bytes: Buffer | undefined): PublicationVersion | undefined {
  if (bytes === undefined) return undefined
  try {
    return { slug: path.posix.basename(file, '.mdx'), ...parsePublication(bytes.toString('utf8')) }
  } catch {
    return undefined
  }
}

/** Each commit's changes, from the file at the commit and before it: one `git cat-file` for all of them. */
async function withFieldChanges(root: string, entries: HistoryEntry[]): Promise<HistoryItem[]> {
  const earlierPaths = entries.map(pathBefore)
  const wanted = entries.flatMap((entry, index) => [
    { revision: entry.commit, path: entry.path },
    { revision: `${entry.commit}^`, path: earlierPaths[index] ?? entry.path },
  ])
  const files = await filesAtRevisions(root, wanted).catch(() => wanted.map(() => undefined))
  return entries.map((entry, index): HistoryItem => {
    if (isDeletion(entry)) return { ...entry, change: { kind: 'deleted' } }
    const earlierPath = earlierPaths[index] ?? null
    const after = versionIn(entry.path, files[2 * index])
    const before = earlierPath === null ? null : versionIn(earlierPath, files[2 * index + 1])
    if (!after || before === undefined) return { ...entry, change: { kind: 'unreadable' } }
    if (before === null) return { ...entry, change: { kind: 'added', fields: fieldChanges(NOTHING, after) } }
    return { ...entry, change: { kind: 'edited', fields: fieldChanges(before, after) } }
  })
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
