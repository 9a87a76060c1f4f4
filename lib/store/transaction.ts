import 'server-only'
import fs from 'node:fs/promises'
import { env } from '../env.mjs'
import { showSaved, type SavedFile } from '../content/live'
import { versionOf } from '../content/version'
import { describeFailure, nothingWas, REFUSALS, slugTaken, type Failure, type Operation } from './errors'
import { fileFor, publicationsDir, readIfExists, removeFile, writeFileAtomic } from './files'
import { commitPaths, repositoryRoot, unstage, type GitAuthor } from './git'
import { toStored } from './read'
import { schedulePush } from './remote'
import { parsePublication } from './serialize'

export type Actor = GitAuthor

/** One file a write changes. */
export type Change = {
  slug: string
  /** What the file is to hold, or null to remove it. */
  source: string | null
  /** The version of the file the change was made from, or null for a file that must not exist yet. */
  expected: string | null
}

export type Committed = { ok: true; commit?: string; unchanged?: true }

// Writes are serialized: one at a time per server process (globalThis: Next may load this module
// more than once).
const lockState = globalThis as { __storeLock?: Promise<unknown> }

function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const next = (lockState.__storeLock ?? Promise.resolve()).then(task, task)
  lockState.__storeLock = next
  return next
}

/**
 * The one write transaction. Under the store's lock: check that every file is still the version
 * the change was made from, write every change (atomically), record them as one git commit, and
 * show them on the site. When a step fails, every file is put back as it was and the site is shown
 * what the files then hold, so a failed write leaves neither a half-made change nor a paper missing
 * from the site; the answer is `Nothing was saved: <what went wrong>`. Once committed, a write is
 * never reported as failed.
 */
export function commitChanges(
  changes: Change[],
  message: string,
  actor: Actor,
  operation: Operation,
): Promise<Committed | Failure> {
  const { verb } = REFUSALS[operation]
  return exclusive(async (): Promise<Committed | Failure> => {
    let before: (string | undefined)[] = []
    let writing = false
    try {
      before = await Promise.all(changes.map(({ slug }) => readIfExists(fileFor(slug))))
      const refused = refusal(changes, before, operation)
      if (refused) return refused
      if (changes.every(({ source }, index) => source === (before[index] ?? null))) return { ok: true, unchanged: true }
      writing = true
      for (const { slug, source } of changes) {
        if (source === null) await removeFile(fileFor(slug))
        else await writeFileAtomic(fileFor(slug), source)
      }
      const commit = await commitFiles(
        changes.map(({ slug }) => fileFor(slug)),
        message,
        actor,
      )
      await showFiles(changes)
      return commit ? { ok: true, commit } : { ok: true }
    } catch (error) {
      const problems = writing ? await putBack(changes, before) : []
      if (writing) await showFiles(changes)
      const reason = describeFailure(error, env.contentDir)
      console.error('A write failed:', error)
      if (problems.length) console.error('Could not put every file back after the failure:', problems)
      return {
        ok: false,
        kind: 'error',
        message: nothingWas(
          verb,
          `${reason}${problems.length ? `. Some files could not be put back: ${problems.join('; ')}` : ''}`,
        ),
      }
    }
  })
}

/** The first file that is not the version its change was made from (versions first, then free slugs). */
function refusal(changes: Change[], before: (string | undefined)[], operation: Operation): Failure | undefined {
  const { verb, changed, gone } = REFUSALS[operation]
  for (const [index, { slug, expected }] of changes.entries()) {
    const current = before[index]
    if (expected === null) continue
    if (current === undefined) return gone
    if (versionOf(current) !== expected)
      return { ok: false, kind: 'conflict', message: changed, current: toStored(slug, current) }
  }
  if (changes.some(({ expected }, index) => expected === null && before[index] !== undefined)) return slugTaken(verb)
  return undefined
}

async function commitFiles(paths: string[], message: string, actor: Actor): Promise<string | undefined> {
  const root = await repositoryRoot(publicationsDir())
  if (!root) return undefined
  let hash: string | undefined
  try {
    hash = await commitPaths(root, paths, message, actor)
  } catch (error) {
    // The files are put back; the index must not keep what was staged for this commit.
    await unstage(root, paths)
    throw error
  }
  schedulePush(root)
  return hash
}

/**
 * Puts back what was there first, and only then removes what is new: when a file cannot be put
 * back, the new file written in its place (a rename's) is the only copy left, and stays. Returns
 * what could not be done.
 */
async function putBack(changes: Change[], before: (string | undefined)[]): Promise<string[]> {
  const problems: string[] = []
  for (const [index, { slug }] of changes.entries()) {
    const old = before[index]
    if (old === undefined) continue
    try {
      if ((await readIfExists(fileFor(slug))) !== old) await writeFileAtomic(fileFor(slug), old)
    } catch (error) {
      problems.push(describeFailure(error, env.contentDir))
    }
  }
  if (problems.length) return problems
  for (const [index, { slug }] of changes.entries()) {
    if (before[index] !== undefined) continue
    await fs
      .rm(fileFor(slug), { force: true })
      .catch((error: unknown) => problems.push(describeFailure(error, env.contentDir)))
  }
  return problems
}

/**
 * Shows the changed files on the site as they now are, each parsed from its bytes as Contentlayer
 * will read them (lib/content/live). After a failure this is what was put back: a regeneration
 * that read the files mid-write may have made Contentlayer's output differ from them, and these
 * entries override it until the next one. Never throws: the files are what counts.
 */
async function showFiles(changes: Change[]): Promise<void> {
  try {
    const files = await Promise.all(changes.map(({ slug }) => asSaved(slug)))
    showSaved(files.flat())
  } catch (error) {
    console.error('Could not show the change on the site at once (the files are written):', error)
  }
}

async function asSaved(slug: string): Promise<SavedFile[]> {
  const file = fileFor(slug)
  try {
    const source = await readIfExists(file)
    if (source === undefined) return [{ slug, saved: null }]
    const { frontmatter, body } = parsePublication(source)
    const { mtime } = await fs.stat(file)
    return [{ slug, saved: { frontmatter, body, version: versionOf(source), lastModified: mtime } }]
  } catch {
    // Unreadable, or put back as a hand-edited file that does not parse: the site keeps what
    // Contentlayer made of it.
    return []
  }
}
