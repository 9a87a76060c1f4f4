import 'server-only'
import { slugProblem, type PublicationFrontmatter } from '../domain/schema'
import { uniqueSlug } from '../domain/slugs'
import { versionOf } from '../content/version'
import { invalidFields, slugTaken, type Failure, type StoreResult, type Success } from './errors'
import { mediaNamesIn } from '../media/kinds'
import { mediaOnlyUsedBy, mediaRemovals, missingMediaErrors, newMediaChanges, stillPresent, stillUnused } from './media'
import { fileBeforeDeletion, mediaToRestore } from './deleted'
import { fileAt, repositoryRoot } from './git'
import { env } from '../env.mjs'
import { publicationHistory } from './history'
import { existingSlugs, readStored } from './read'
import { publicationPath } from './files'
import { parsePublication, PublicationFileError, serializePublication, type PublicationFile } from './serialize'
import { commitChanges, publicationChange, type Actor, type Change, type Committed } from './transaction'
import { validatePublication } from './validate'
import { addMessage, deleteMessage, editMessage, restoreMessage } from './messages'

/**
 * Every write the dashboard and the API make, each described as the files it changes and handed
 * to the one transaction (`commitChanges`). Server actions only check the session and call in here.
 */

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

/** The answer for the file `slug` now holding `source` (null: removed), once the transaction is done. */
function answer(slug: string, source: string | null, result: Committed | Failure): StoreResult {
  if (!result.ok) return result
  return {
    ok: true,
    slug,
    version: source === null ? '' : versionOf(source),
    ...(result.commit ? { commit: result.commit } : {}),
    ...(result.unchanged ? { unchanged: true } : {}),
  }
}

const NO_SUCH_PUBLICATION: Failure = {
  ok: false,
  kind: 'not-found',
  message: 'This publication no longer exists. Reload the list.',
}

/** Creates, edits or renames a publication. */
export async function savePublication(input: SaveInput, actor: Actor): Promise<StoreResult> {
  const valid = await validatePublication(input)
  if (!valid.ok) return valid
  const { originalSlug } = input
  if (originalSlug !== undefined && slugProblem(originalSlug))
    return { ok: false, kind: 'not-found', message: 'The publication you were editing does not exist.' }
  // Files uploaded for this paper go into the save's commit. One the stored file named already
  // (removed by hand since) does not hold up an unrelated edit or a toggle.
  const media = await newMediaChanges(valid.frontmatter)
  const stored = originalSlug === undefined ? undefined : await readStored(originalSlug).catch(() => undefined)
  const named = new Set(mediaNamesIn(stored?.frontmatter))
  const missing = media.missing.filter((name) => !named.has(name))
  if (missing.length) return invalidFields(missingMediaErrors(valid.frontmatter, missing))
  const source = serializePublication(valid)
  const version = input.version ?? ''
  const editing = originalSlug === valid.slug
  const changes: Change[] = [publicationChange(valid.slug, source, editing ? version : null), ...media.changes]
  if (originalSlug !== undefined && !editing) changes.push(publicationChange(originalSlug, null, version))
  // For the commit message only: the transaction checks that the file is still `version`.
  const message =
    originalSlug === undefined ? addMessage(valid.frontmatter.title) : editMessage(stored, valid, originalSlug)
  // A medium this save starts to name must still be there when it is written (not removed meanwhile).
  const fresh = mediaNamesIn(valid.frontmatter).filter((name) => !named.has(name))
  const present = fresh.length ? stillPresent(fresh, media.changes) : undefined
  return answer(valid.slug, source, await commitChanges(changes, message, actor, 'save', present))
}

/**
 * Deletes a publication; with `withMedia`, also the files uploaded for it that nothing else names
 * (they stay in the git history, and a restore brings them back).
 */
export async function deletePublication(
  slug: string,
  version: string,
  actor: Actor,
  { withMedia = false }: { withMedia?: boolean } = {},
): Promise<StoreResult> {
  if (slugProblem(slug)) return { ok: false, kind: 'not-found', message: 'There is no such publication.' }
  // For the commit message and its media: the transaction checks that the file is still `version`.
  const current = await readStored(slug).catch(() => undefined)
  const media = withMedia && current ? await mediaOnlyUsedBy(slug, current.frontmatter) : []
  const message = deleteMessage(current?.frontmatter.title ?? slug)
  const changes = [publicationChange(slug, null, version), ...mediaRemovals(media)]
  const unused = media.length ? stillUnused(media, publicationPath(slug)) : undefined
  return answer(slug, null, await commitChanges(changes, message, actor, 'delete', unused))
}

/** Quick toggles from the dashboard: flip `draft` or `selected`, as an ordinary versioned save. */
export async function setFlag(
  slug: string,
  version: string,
  flag: 'draft' | 'selected',
  value: boolean,
  actor: Actor,
): Promise<StoreResult> {
  if (flag !== 'draft' && flag !== 'selected') return { ok: false, kind: 'error', message: 'Unknown flag.' }
  const current = await readStored(slug)
  if (!current) return NO_SUCH_PUBLICATION
  const frontmatter = { ...current.frontmatter, [flag]: value === true }
  return savePublication({ slug, originalSlug: slug, version, frontmatter, body: current.body }, actor)
}

/**
 * A copy as a draft under a free slug, for papers that share most of their details. The copy is
 * another paper: the identifiers of the original (DOI, arXiv id, BibTeX key) are left out.
 */
export async function duplicatePublication(slug: string, actor: Actor): Promise<StoreResult> {
  const current = await readStored(slug)
  if (!current) return NO_SUCH_PUBLICATION
  const copySlug = uniqueSlug(`${slug.slice(0, 88).replace(/-+$/, '')}-copy`, await existingSlugs())
  const { bibtexKey: _key, doi: _doi, arxiv: _arxiv, ...rest } = current.frontmatter
  const frontmatter = { ...rest, title: `${current.frontmatter.title} (copy)`, draft: true }
  return savePublication({ slug: copySlug, frontmatter, body: current.body }, actor)
}

/** A draft checked and about to be written, as `saveDrafts` hands it to its caller's `refuse`. */
export type AcceptedDraft = { slug: string; frontmatter: PublicationFrontmatter }

/**
 * Saves imported entries as drafts: each is checked on its own (an invalid one, or one whose slug
 * is taken, is answered and left out), and the rest are written as one commit. `refuse` may turn
 * down a valid entry given the ones accepted before it (the import's duplicate check): only
 * entries that will be written count as earlier ones.
 */
export async function saveDrafts<Refusal = never>(
  drafts: { slug: string; frontmatter: unknown; body: string }[],
  actor: Actor,
  refuse?: (draft: AcceptedDraft, earlier: readonly AcceptedDraft[]) => Refusal | undefined,
): Promise<(StoreResult | Refusal)[]> {
  const results: (StoreResult | Refusal)[] = []
  const accepted: (AcceptedDraft & { index: number; source: string })[] = []
  const taken = await existingSlugs()
  for (const [index, draft] of drafts.entries()) {
    const valid = await validatePublication(draft)
    if (!valid.ok || taken.has(valid.slug)) {
      results[index] = valid.ok ? slugTaken('saved') : valid
      continue
    }
    const refusal = refuse?.(valid, accepted)
    if (refusal !== undefined) {
      results[index] = refusal
      continue
    }
    taken.add(valid.slug)
    const source = serializePublication({ frontmatter: { ...valid.frontmatter, draft: true }, body: valid.body })
    accepted.push({ index, slug: valid.slug, frontmatter: valid.frontmatter, source })
  }
  const [only] = accepted
  if (!only) return results
  const message =
    accepted.length === 1
      ? addMessage(only.frontmatter.title)
      : `Add ${accepted.length} drafts\n\n${accepted.map(({ frontmatter }) => addMessage(frontmatter.title)).join('\n')}`
  const changes = accepted.map(({ slug, source }) => publicationChange(slug, source, null))
  const committed = await commitChanges(changes, message, actor, 'save')
  for (const { index, slug, source } of accepted) results[index] = answer(slug, source, committed)
  return results
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
  const root = await repositoryRoot(env.contentDir)
  const old = entry && root ? await fileAt(root, entry.commit, entry.path) : undefined
  if (!entry || old === undefined)
    return { ok: false, kind: 'not-found', message: 'That version is not in this publication’s history.' }
  const restored = await restorable(slug, old)
  if (!restored.ok) return restored
  const { source } = restored
  // The files that version names and that were removed since come back from that commit too.
  const media = root ? await mediaToRestore(root, restored.frontmatter, entry.commit) : { changes: [] }
  const message = restoreMessage(restored.frontmatter.title, entry.commit)
  const changes = [publicationChange(slug, source, version), ...media.changes]
  return answer(slug, source, await commitChanges(changes, message, actor, 'restore'))
}

/**
 * A file from the history as it would be written back under `slug`: only if it passes today's
 * checks, since an old version was written under older rules (or by hand); else it stays in history.
 */
async function restorable(
  slug: string,
  old: string,
): Promise<({ ok: true; source: string } & PublicationFile) | Failure> {
  let restored: PublicationFile
  try {
    restored = parsePublication(old)
  } catch (error) {
    const reason = error instanceof PublicationFileError ? error.message : String(error)
    return { ok: false, kind: 'error', message: `That version cannot be restored: ${reason}` }
  }
  const checked = await validatePublication({ slug, frontmatter: restored.frontmatter, body: restored.body })
  if (!checked.ok)
    return {
      ok: false,
      kind: 'error',
      message: `That version cannot be restored as it is: ${Object.entries(checked.fieldErrors)
        .map(([field, messages]) => `${field} ${messages.join(', ')}`)
        .join('; ')}`,
    }
  return { ok: true, source: serializePublication(restored), ...restored }
}

/** A deleted paper brought back, and what the owner should know about it (a medium lost). */
export type RestoredDeleted = Success & { notes: string[] }

/**
 * Brings back a paper `commit` deleted, as it was just before, as one new commit with the media
 * it names that are gone since; refused while a file has its slug.
 */
export async function restoreDeleted(slug: string, commit: string, actor: Actor): Promise<RestoredDeleted | Failure> {
  const root = await repositoryRoot(env.contentDir)
  const old =
    root && typeof commit === 'string' && !slugProblem(slug) ? await fileBeforeDeletion(root, slug, commit) : undefined
  if (!root || old === undefined)
    return { ok: false, kind: 'not-found', message: 'That deletion is not in the history. Reload the list.' }
  // Restored already (from another tab), or its address is in use by a new paper: never a second
  // copy under another slug. Two restores at once meet the transaction's own refusal (`expected: null`).
  if ((await existingSlugs()).has(slug))
    return {
      ok: false,
      kind: 'not-found',
      message: `A paper at publications/${slug}.mdx exists now (restored already, or made anew). Nothing was restored.`,
    }
  const target = slug
  const restored = await restorable(target, old)
  if (!restored.ok) return restored
  const media = await mediaToRestore(root, restored.frontmatter, `${commit}^`)
  const message = restoreMessage(restored.frontmatter.title)
  const changes = [publicationChange(target, restored.source, null), ...media.changes]
  const result = answer(target, restored.source, await commitChanges(changes, message, actor, 'restore'))
  if (!result.ok) return result
  const notes = [...media.lost.map((medium) => `${medium} is not in the history: upload it again.`)]
  return { ...result, notes }
}
