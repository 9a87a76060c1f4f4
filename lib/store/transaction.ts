import 'server-only'
import fs from 'node:fs/promises'
import { dirname } from 'node:path'
import { env } from '../env.mjs'
import { showSaved, type SavedFile, type SavedSite } from '../content/live'
import { versionOf } from '../content/version'
import { describeFailure, nothingWas, REFUSALS, slugTaken, type Failure, type Operation } from './errors'
import {
  contentFile,
  publicationPath,
  readBytesIfExists,
  readIfExists,
  removeFile,
  SITE_FILE,
  slugOfPath,
  writeFileAtomic,
} from './files'
import { commitPaths, repositoryRoot, unstage, type GitAuthor } from './git'
import { toStored } from './read'
import { schedulePush } from './remote'
import { parsePublication } from './serialize'
import { parseSite } from './site-file'

export type Actor = GitAuthor

/** One file a write changes. */
export type Change = {
  /** The file's path in the content folder: `publications/<slug>.mdx`, `site.yaml` or `media/<name>` (./files.ts). */
  path: string
  /** What the file is to hold, or null to remove it. */
  source: string | Uint8Array | null
  /**
   * The version of the file the change was made from, null for a file that must not exist yet,
   * or `'same'` for an uploaded medium: its name is its content, so finding it there already is
   * no conflict.
   */
  expected: string | null | 'same'
}

/** A publication's change. */
export const publicationChange = (slug: string, source: string | null, expected: string | null): Change => ({
  path: publicationPath(slug),
  source,
  expected,
})

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
  /**
   * What else must hold when the write is made, checked under the lock (before it, another write
   * may change it): that no paper names a medium about to be removed, that a medium a save names is there.
   */
  precondition?: () => Promise<string | undefined>,
): Promise<Committed | Failure> {
  const { verb } = REFUSALS[operation]
  return exclusive(async (): Promise<Committed | Failure> => {
    let before: (Buffer | undefined)[] = []
    let writing = false
    try {
      before = await Promise.all(changes.map(({ path }) => readBytesIfExists(contentFile(path))))
      const refused = refusal(changes, before, operation)
      if (refused) return refused
      const unmet = await precondition?.()
      if (unmet) return { ok: false, kind: 'error', message: nothingWas(verb, unmet) }
      if (changes.every(({ source }, index) => holds(before[index], source))) return { ok: true, unchanged: true }
      writing = true
      for (const [index, { path, source }] of changes.entries()) {
        if (holds(before[index], source)) continue
        const file = contentFile(path)
        if (source === null) await removeFile(file)
        else {
          // The media folder is made by the first upload.
          await fs.mkdir(dirname(file), { recursive: true })
          await writeFileAtomic(file, source)
        }
      }
      const commit = await commitFiles(
        changes.map(({ path }) => contentFile(path)),
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

/** Whether a file's bytes (undefined: no file) are what a change would leave there. */
function holds(bytes: Buffer | undefined, source: string | Uint8Array | null): boolean {
  if (source === null || bytes === undefined) return source === null && bytes === undefined
  return bytes.equals(typeof source === 'string' ? Buffer.from(source, 'utf8') : source)
}

/** The first file that is not the version its change was made from (versions first, then free slugs). */
function refusal(changes: Change[], before: (Buffer | undefined)[], operation: Operation): Failure | undefined {
  const { verb, changed, gone } = REFUSALS[operation]
  for (const [index, { path, expected }] of changes.entries()) {
    const current = before[index]?.toString('utf8')
    if (expected === null || expected === 'same') continue
    if (current === undefined) return gone
    if (versionOf(current) !== expected) {
      const slug = slugOfPath(path)
      const stored = slug === undefined ? null : toStored(slug, current)
      return { ok: false, kind: 'conflict', message: changed, current: stored, currentSource: current }
    }
  }
  const taken = changes.findIndex(
    ({ expected, source }, index) =>
      before[index] !== undefined &&
      (expected === null || (expected === 'same' && source !== null && !holds(before[index], source))),
  )
  const found = changes[taken]
  if (!found) return undefined
  // A file made meanwhile: for a paper, its slug is taken; the settings are someone else's.
  if (slugOfPath(found.path) !== undefined) return slugTaken(verb)
  return {
    ok: false,
    kind: 'conflict',
    message: changed,
    current: null,
    currentSource: before[taken]?.toString('utf8'),
  }
}

async function commitFiles(paths: string[], message: string, actor: Actor): Promise<string | undefined> {
  const root = await repositoryRoot(env.contentDir)
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
async function putBack(changes: Change[], before: (Buffer | undefined)[]): Promise<string[]> {
  const problems: string[] = []
  for (const [index, { path }] of changes.entries()) {
    const old = before[index]
    if (old === undefined) continue
    try {
      const file = contentFile(path)
      if (!holds(await readBytesIfExists(file), old)) await writeFileAtomic(file, old)
    } catch (error) {
      problems.push(describeFailure(error, env.contentDir))
    }
  }
  if (problems.length) return problems
  for (const [index, { path }] of changes.entries()) {
    if (before[index] !== undefined) continue
    await fs
      .rm(contentFile(path), { force: true })
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
    const slugs = changes.flatMap(({ path }) => slugOfPath(path) ?? [])
    const files = await Promise.all(slugs.map(asSaved))
    const site = changes.some(({ path }) => path === SITE_FILE) ? await siteAsSaved() : undefined
    showSaved(files.flat(), site)
  } catch (error) {
    console.error('Could not show the change on the site at once (the files are written):', error)
  }
}

async function asSaved(slug: string): Promise<SavedFile[]> {
  const file = contentFile(publicationPath(slug))
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

/** The site settings as the file now holds them, or undefined when it does not parse (the site keeps the last good ones). */
async function siteAsSaved(): Promise<SavedSite | undefined> {
  try {
    const source = await readIfExists(contentFile(SITE_FILE))
    return source === undefined ? undefined : { settings: parseSite(source), version: versionOf(source) }
  } catch {
    return undefined
  }
}
