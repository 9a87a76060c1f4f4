import 'server-only'
import fs from 'node:fs/promises'
import path from 'node:path'
import { revalidatePath } from 'next/cache'
import { env, authEnv } from '../env.mjs'
import { slugProblem, type PublicationFrontmatter } from '../domain/schema'
import { checkPublication, type FieldErrors } from '../domain/validation'
import { describeFailure, readIfExists, removeFile, versionOf, writeFileAtomic } from './files'
import {
  commitPaths,
  fileAt,
  fileHistory,
  lastCommitDates,
  push,
  repositoryRoot,
  unstage,
  type GitAuthor,
  type HistoryEntry,
} from './git'
import { checkMdxBody } from '../markup/mdx-check'
import { publishChanges } from '../content'
import { fromSaved } from '../content/publication'
import { regenerateInBackground } from './regenerate'
import { parsePublication, PublicationFileError, serializePublication } from './serialize'

/**
 * The one writer of content. Every change goes: validate → atomic write → one git commit →
 * publish the changed files to the content module → revalidate the public pages; Contentlayer
 * regenerates its output in the background. Server actions only check the session and call in here.
 */

export type Actor = GitAuthor
export type { FieldErrors }

export type StoredPublication = {
  slug: string
  frontmatter: PublicationFrontmatter
  body: string
  /** Hash of the file's bytes; saving against an older one is a conflict. */
  version: string
  source: string
  lastChange?: string
}

export type Failure =
  | { ok: false; kind: 'invalid'; message: string; fieldErrors: FieldErrors }
  | { ok: false; kind: 'conflict'; message: string; current: StoredPublication | null }
  | { ok: false; kind: 'not-found' | 'error'; message: string }

export type Success = { ok: true; slug: string; version: string; commit?: string; unchanged?: boolean }
export type StoreResult = Success | Failure

export type SaveInput = {
  /** The slug to save under. */
  slug: string
  /** The slug the editor loaded (absent when creating). A different `slug` renames the file. */
  originalSlug?: string
  /** The version the editor loaded (absent when creating). */
  version?: string
  frontmatter: unknown
  body: string
}

const publicationsDir = () => path.join(/* turbopackIgnore: true */ env.contentDir, 'publications')

function fileFor(slug: string): string {
  const dir = publicationsDir()
  const file = path.resolve(dir, `${slug}.mdx`)
  if (path.dirname(file) !== dir) throw new Error('Refusing a path outside the publications folder')
  return file
}

// Writes are serialized: one at a time per server process (globalThis: Next may load this module
// twice). The first waits for the clean-up after a crash: Next takes requests before
// instrumentation.ts has run, and a git lock left by a killed commit would fail the save.
const lockState = globalThis as { __storeLock?: Promise<unknown>; __storeRecovery?: Promise<void> }
function exclusive(task: () => Promise<StoreResult>, failed: string): Promise<StoreResult> {
  const previous = lockState.__storeLock ?? recoverOnce()
  // Whatever fails inside (a read of an unreadable folder, say) is an answer with a message, never a bare 500.
  const guarded = () =>
    task().catch((error: unknown): StoreResult => {
      console.error(`${failed}:`, error)
      return { ok: false, kind: 'error', message: `${failed}: ${describeFailure(error, env.contentDir)}` }
    })
  const next = previous.then(guarded, guarded)
  lockState.__storeLock = next
  return next
}

function toStored(slug: string, source: string): StoredPublication {
  const { frontmatter, body } = parsePublication(source)
  return { slug, frontmatter, body, version: versionOf(source), source }
}

export async function readPublication(slug: string): Promise<StoredPublication | undefined> {
  if (slugProblem(slug)) return undefined
  const source = await readIfExists(fileFor(slug))
  return source === undefined ? undefined : toStored(slug, source)
}

/**
 * After a crash (power loss, SIGKILL), before the first write: remove temporary files of writes
 * that never finished, and a git index lock left by a commit that was cut off. Edited files are
 * left as they are.
 */
export async function recoverAfterCrash(): Promise<string[]> {
  const removed: string[] = []
  const dir = publicationsDir()
  for (const name of await fs.readdir(dir).catch(() => [])) {
    if (name.startsWith('.') && name.endsWith('.tmp')) {
      await fs.rm(path.join(dir, name), { force: true })
      removed.push(name)
    }
  }
  const root = await repositoryRoot(dir)
  const lock = root ? path.join(root, '.git', 'index.lock') : undefined
  // The content may live in a repository people also use by hand: a lock is stale only when no git runs.
  if (
    lock &&
    (await fs.stat(lock).then(
      () => true,
      () => false,
    )) &&
    (await noGitRunning())
  ) {
    await fs.rm(lock, { force: true })
    removed.push('.git/index.lock')
  }
  return removed
}

/** True when no git process runs on this machine (read from /proc; false where that is unknown). */
async function noGitRunning(): Promise<boolean> {
  try {
    const pids = (await fs.readdir('/proc')).filter((name) => /^\d+$/.test(name))
    const names = await Promise.all(pids.map((pid) => fs.readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')))
    return !names.some((name) => name.trim() === 'git')
  } catch {
    return false
  }
}

/** `recoverAfterCrash` once per server process, whoever asks first (the start or the first write). */
export function recoverOnce(): Promise<void> {
  lockState.__storeRecovery ??= recoverAfterCrash().then(
    (removed) => {
      if (removed.length) console.log(`Cleaned up after an interrupted write: ${removed.join(', ')}`)
    },
    (error: unknown) => console.error('Could not clean up after an interrupted write:', error),
  )
  return lockState.__storeRecovery
}

export async function existingSlugs(): Promise<Set<string>> {
  const names = await fs.readdir(publicationsDir())
  return new Set(names.filter((name) => name.endsWith('.mdx')).map((name) => name.slice(0, -'.mdx'.length)))
}

/** Every publication file, drafts included, with its version and last change. */
export async function listPublications(): Promise<{
  publications: StoredPublication[]
  broken: { slug: string; message: string }[]
}> {
  const dir = publicationsDir()
  const names = (await fs.readdir(dir)).filter((name) => name.endsWith('.mdx'))
  const root = await repositoryRoot(dir)
  const dates = root ? await lastCommitDates(root, dir) : new Map<string, string>()
  const publications: StoredPublication[] = []
  const broken: { slug: string; message: string }[] = []
  await Promise.all(
    names.map(async (name) => {
      const slug = name.slice(0, -'.mdx'.length)
      const file = path.join(dir, name)
      try {
        const stored = toStored(slug, await fs.readFile(file, 'utf8'))
        stored.lastChange = dates.get(file) ?? (await fs.stat(file)).mtime.toISOString()
        publications.push(stored)
      } catch (error) {
        broken.push({ slug, message: error instanceof Error ? error.message : String(error) })
      }
    }),
  )
  return { publications, broken }
}

export async function validatePublication(input: {
  slug: unknown
  frontmatter: unknown
  body: unknown
}): Promise<
  { ok: true; slug: string; frontmatter: PublicationFrontmatter; body: string } | Extract<Failure, { kind: 'invalid' }>
> {
  const { fieldErrors, body, valid } = checkPublication(input)
  const markupIssue = fieldErrors.body ? undefined : await checkMdxBody(body)
  if (markupIssue) fieldErrors.body = [markupIssue]
  if (!valid || Object.keys(fieldErrors).length > 0) {
    const count = Object.values(fieldErrors).flat().length
    return {
      ok: false,
      kind: 'invalid',
      message: `Nothing was saved: ${count === 1 ? 'one field needs' : `${count} fields need`} attention.`,
      fieldErrors,
    }
  }
  return { ok: true, ...valid, body }
}

/** The title as a commit message shows it: one line, at most 72 characters. */
function titleOf(frontmatter: PublicationFrontmatter): string {
  const title = frontmatter.title.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
  return title.length > 72 ? `${title.slice(0, 69)}…` : title
}

/**
 * After a commit: show the changed files on the site (each one parsed from the bytes just
 * written, as Contentlayer will read them), then revalidate every public page (list, home, paper
 * pages, feeds and cards all depend on the whole list: neighbours, related papers, counts).
 * Costs the same whatever the size of the list; Contentlayer catches up in the background.
 */
async function publish(changes: { slug: string; source: string | null }[]): Promise<void> {
  const published = await Promise.all(
    changes.map(async ({ slug, source }) => {
      if (source === null) return [{ slug, publication: null }]
      let parsed: { frontmatter: PublicationFrontmatter; body: string }
      try {
        parsed = parsePublication(source)
      } catch {
        // A file put back as it was before a failed write may be one edited by hand that does
        // not parse: the site keeps what Contentlayer made of it.
        return []
      }
      // The file's own time, as Contentlayer will read it.
      const modified = await fs.stat(fileFor(slug)).then(
        (stat) => stat.mtime,
        () => new Date(),
      )
      return [{ slug, publication: fromSaved(slug, parsed.frontmatter, parsed.body, modified) }]
    }),
  )
  publishChanges(published.flat())
  revalidatePath('/', 'layout')
  regenerateInBackground()
}

async function commit(paths: string[], message: string, actor: Actor): Promise<string | undefined> {
  const root = await repositoryRoot(publicationsDir())
  if (!root) return undefined
  let hash: string | undefined
  try {
    hash = await commitPaths(root, paths, message, actor)
  } catch (error) {
    // The caller puts the files back; the index must not keep what was staged for this commit.
    await unstage(root, paths)
    throw error
  }
  schedulePush(root)
  return hash
}

type Change = {
  slug: string
  /** What the file is to hold, or null to remove it. */
  source: string | null
  /** What it holds now (read under the lock), or undefined when there is no such file. */
  before: string | undefined
}

/**
 * The one write transaction, run under the store's lock once the caller has checked versions:
 * write every change (atomically), record them as one commit, and show them on the site. When a
 * step fails, every file is put back as it was and the site is shown what the files then hold, so
 * a failed write leaves neither a half-made change nor a paper missing from the site; the failure
 * comes back as `failed: <what went wrong>`.
 */
async function writeChanges(
  changes: Change[],
  message: string,
  actor: Actor,
  failed: string,
): Promise<{ ok: true; hash: string | undefined } | Failure> {
  let hash: string | undefined
  try {
    for (const { slug, source } of changes) {
      if (source === null) await removeFile(fileFor(slug))
      else await writeFileAtomic(fileFor(slug), source)
    }
    hash = await commit(
      changes.map(({ slug }) => fileFor(slug)),
      message,
      actor,
    )
  } catch (error) {
    // Put back what was there first, and only then remove what is new: when a file cannot be put
    // back, the new file written in its place (a rename's) is the only copy left, and stays.
    const problems: string[] = []
    for (const { slug, before } of changes) {
      if (before === undefined) continue
      try {
        if ((await readIfExists(fileFor(slug))) !== before) await writeFileAtomic(fileFor(slug), before)
      } catch (restoreError) {
        problems.push(describeFailure(restoreError, env.contentDir))
      }
    }
    if (problems.length === 0) {
      for (const { slug, before } of changes) {
        if (before !== undefined) continue
        await fs
          .rm(fileFor(slug), { force: true })
          .catch((removeError: unknown) => problems.push(describeFailure(removeError, env.contentDir)))
      }
    }
    // Show what the files hold now (a file that cannot be read is left as the site has it). A
    // regeneration that read them mid-write may have made Contentlayer's output differ from them:
    // these entries override it until the next one.
    const now = await Promise.all(
      changes.map(async ({ slug }) => {
        try {
          return [{ slug, source: (await readIfExists(fileFor(slug))) ?? null }]
        } catch {
          return []
        }
      }),
    )
    await publish(now.flat())
    const reason = describeFailure(error, env.contentDir)
    console.error(`${failed}:`, error)
    if (problems.length) console.error('Could not put every file back after the failure:', problems)
    return {
      ok: false,
      kind: 'error',
      message: `${failed}: ${reason}${problems.length ? `. Some files could not be put back: ${problems.join('; ')}` : ''}`,
    }
  }
  try {
    await publish(changes)
  } catch (error) {
    // The change is written and committed: a failure to show it at once is not a failed save (the
    // background regeneration and the next start show it).
    console.error('Saved and committed, but could not show the change on the site at once:', error)
  }
  return { ok: true, hash }
}

/** Creates, edits or renames a publication. */
export async function savePublication(input: SaveInput, actor: Actor): Promise<StoreResult> {
  const valid = await validatePublication(input)
  if (!valid.ok) return valid
  if (input.originalSlug !== undefined && slugProblem(input.originalSlug))
    return { ok: false, kind: 'not-found', message: 'The publication you were editing does not exist.' }

  return exclusive(async () => {
    const target = fileFor(valid.slug)
    const original = input.originalSlug === undefined ? undefined : fileFor(input.originalSlug)
    const before = original ? await readIfExists(original) : undefined

    if (original) {
      if (before === undefined) {
        return {
          ok: false,
          kind: 'conflict',
          message:
            'This publication was deleted since you opened it. Save again to create it anew, or discard your changes.',
          current: null,
        }
      }
      if (versionOf(before) !== input.version) {
        return {
          ok: false,
          kind: 'conflict',
          message: 'This publication was changed since you opened it. Choose which version to keep.',
          current: toStored(input.originalSlug as string, before),
        }
      }
    }
    const renaming = original !== undefined && original !== target
    if ((!original || renaming) && (await readIfExists(target)) !== undefined) {
      return {
        ok: false,
        kind: 'invalid',
        message: 'Nothing was saved: the slug is taken.',
        fieldErrors: { slug: ['is already used by another publication'] },
      }
    }

    const source = serializePublication({ frontmatter: valid.frontmatter, body: valid.body })
    if (!renaming && before === source)
      return { ok: true, slug: valid.slug, version: versionOf(source), unchanged: true }

    const title = titleOf(valid.frontmatter)
    const message = !original ? `Add "${title}"` : renaming ? `Rename "${title}" to ${valid.slug}` : `Update "${title}"`
    const changes: Change[] = [{ slug: valid.slug, source, before: renaming ? undefined : before }]
    if (renaming && input.originalSlug !== undefined) changes.push({ slug: input.originalSlug, source: null, before })
    const written = await writeChanges(changes, message, actor, 'Nothing was saved')
    if (!written.ok) return written
    return { ok: true, slug: valid.slug, version: versionOf(source), ...(written.hash ? { commit: written.hash } : {}) }
  }, 'Nothing was saved')
}

export async function deletePublication(slug: string, version: string, actor: Actor): Promise<StoreResult> {
  if (slugProblem(slug)) return { ok: false, kind: 'not-found', message: 'There is no such publication.' }
  return exclusive(async () => {
    const file = fileFor(slug)
    const before = await readIfExists(file)
    if (before === undefined) return { ok: false, kind: 'not-found', message: 'This publication was already deleted.' }
    if (versionOf(before) !== version) {
      return {
        ok: false,
        kind: 'conflict',
        message: 'This publication was changed since the list was loaded. Reload and try again.',
        current: toStored(slug, before),
      }
    }
    const { frontmatter } = parsePublication(before)
    const written = await writeChanges(
      [{ slug, source: null, before }],
      `Delete "${titleOf(frontmatter)}"`,
      actor,
      'Nothing was deleted',
    )
    if (!written.ok) return written
    return { ok: true, slug, version: '', ...(written.hash ? { commit: written.hash } : {}) }
  }, 'Nothing was deleted')
}

export type History = { available: true; entries: HistoryEntry[] } | { available: false; reason: string }

export async function publicationHistory(slug: string): Promise<History> {
  if (slugProblem(slug)) return { available: false, reason: 'There is no such publication.' }
  const root = await repositoryRoot(publicationsDir())
  if (!root)
    return { available: false, reason: 'History is unavailable: the content folder is not in a git repository.' }
  return { available: true, entries: await fileHistory(root, fileFor(slug)) }
}

/** Makes an earlier version the current one, as a new commit (history is never rewritten). */
export async function restorePublication(
  slug: string,
  commitHash: string,
  version: string,
  actor: Actor,
): Promise<StoreResult> {
  const history = await publicationHistory(slug)
  if (!history.available) return { ok: false, kind: 'error', message: history.reason }
  const entry = history.entries.find((candidate) => candidate.commit === commitHash)
  const root = await repositoryRoot(publicationsDir())
  const old = entry && root ? await fileAt(root, entry.commit, entry.path) : undefined
  if (!entry || old === undefined)
    return { ok: false, kind: 'not-found', message: 'That version is not in this publication’s history.' }
  let restored: { frontmatter: PublicationFrontmatter; body: string }
  try {
    restored = parsePublication(old)
  } catch (error) {
    const reason = error instanceof PublicationFileError ? error.message : String(error)
    return { ok: false, kind: 'error', message: `That version cannot be restored: ${reason}` }
  }
  // An old version was written under older rules (or by hand): it passes today's checks or stays in history.
  const checked = await validatePublication({ slug, frontmatter: restored.frontmatter, body: restored.body })
  if (!checked.ok)
    return {
      ok: false,
      kind: 'error',
      message: `That version cannot be restored as it is: ${Object.entries(checked.fieldErrors)
        .map(([field, messages]) => `${field} ${messages.join(', ')}`)
        .join('; ')}`,
    }
  return exclusive(async () => {
    const file = fileFor(slug)
    const before = await readIfExists(file)
    if (before === undefined)
      return {
        ok: false,
        kind: 'conflict',
        message: 'This publication was deleted since you opened its history. Reload the list.',
        current: null,
      }
    if (versionOf(before) !== version) {
      return {
        ok: false,
        kind: 'conflict',
        message: 'This publication was changed since you opened its history. Reload and try again.',
        current: toStored(slug, before),
      }
    }
    const source = serializePublication(restored)
    if (before === source) return { ok: true, slug, version: versionOf(source), unchanged: true }
    const message = `Restore "${titleOf(restored.frontmatter)}" to ${entry.commit.slice(0, 7)}`
    const written = await writeChanges([{ slug, source, before }], message, actor, 'Nothing was restored')
    if (!written.ok) return written
    return { ok: true, slug, version: versionOf(source), ...(written.hash ? { commit: written.hash } : {}) }
  }, 'Nothing was restored')
}

export type PushStatus = {
  remote: string
  pending: boolean
  lastError?: string
  lastFailure?: string
  lastSuccess?: string
}

const pushState = globalThis as { __pushStatus?: PushStatus; __pushTimer?: NodeJS.Timeout; __pushing?: boolean }

/** Pushes after a commit when CONTENT_GIT_REMOTE is set; a failure is retried every minute. */
function schedulePush(root: string): void {
  const remote = authEnv().contentGitRemote
  if (!remote) return
  pushState.__pushStatus = { ...(pushState.__pushStatus ?? {}), remote, pending: true }
  void attemptPush(root, remote)
}

async function attemptPush(root: string, remote: string): Promise<void> {
  if (pushState.__pushing) return
  pushState.__pushing = true
  clearTimeout(pushState.__pushTimer)
  try {
    // Outside the store's lock: a slow remote must not delay saves (git locks its own refs).
    await push(root, remote)
    pushState.__pushStatus = { remote, pending: false, lastSuccess: new Date().toISOString() }
  } catch (error) {
    pushState.__pushStatus = {
      ...(pushState.__pushStatus ?? { remote }),
      remote,
      pending: true,
      lastError: error instanceof Error ? error.message : String(error),
      lastFailure: new Date().toISOString(),
    }
    pushState.__pushTimer = setTimeout(() => void attemptPush(root, remote), 60_000)
    pushState.__pushTimer.unref()
  } finally {
    pushState.__pushing = false
  }
}

export function pushStatus(): PushStatus | undefined {
  return pushState.__pushStatus
}
