import 'server-only'
import fs from 'node:fs/promises'
import path from 'node:path'
import { env } from '../env.mjs'
import { MEDIA_NAME, mediaNamesIn } from '../media/kinds'
import { stagedMedium } from '../media/staging'
import { contentFile, MEDIA_DIR, publicationPath, publicationsDir, readIfExists, SITE_FILE } from './files'
import { commitChanges, type Actor, type Change } from './transaction'

/**
 * Uploaded media in the content folder (`media/<hash>.<ext>`): written by the save that first
 * names one, in its commit, and removed only when asked, never while a paper or the settings name it.
 */

export const mediaPath = (name: string) => `${MEDIA_DIR}/${name}`

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  )
}

/**
 * The media `value` (a frontmatter, the settings) names that the content folder does not hold
 * yet, as changes for the save's commit; `missing` are those neither there nor waiting as an
 * upload (a restart forgot them, or an address was typed by hand).
 */
export async function newMediaChanges(value: unknown): Promise<{ changes: Change[]; missing: string[] }> {
  const changes: Change[] = []
  const missing: string[] = []
  for (const name of mediaNamesIn(value)) {
    if (await exists(contentFile(mediaPath(name)))) continue
    const staged = stagedMedium(name)
    if (staged) changes.push({ path: mediaPath(name), source: staged.bytes, expected: 'same' })
    else missing.push(name)
  }
  return { changes, missing }
}

/** Field errors for media a save names but nobody uploaded, on the fields that name them. */
export function missingMediaErrors(value: Record<string, unknown>, missing: string[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const visit = (item: unknown, at: string) => {
    if (typeof item === 'string') {
      if (missing.some((name) => item.endsWith(`/${name}`)))
        (errors[at] ??= []).push('names an upload the server no longer has (was it restarted?): upload the file again')
    } else if (item && typeof item === 'object')
      for (const [key, inner] of Object.entries(item)) visit(inner, at ? `${at}.${key}` : key)
  }
  visit(value, '')
  return errors
}

/** Every medium in the content folder, with its size. */
export async function listMedia(): Promise<{ name: string; bytes: number }[]> {
  const dir = path.join(/* turbopackIgnore: true */ env.contentDir, MEDIA_DIR)
  const names = (await fs.readdir(dir).catch(() => [])).filter((name) => MEDIA_NAME.test(name))
  const listed = await Promise.all(
    names.map(async (name) => ({ name, bytes: (await fs.stat(path.join(dir, name)).catch(() => undefined))?.size })),
  )
  return listed
    .filter((item): item is { name: string; bytes: number } => item.bytes !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** Changes removing these media, whatever their bytes (a medium's name is its content). */
export const mediaRemovals = (names: readonly string[]): Change[] =>
  names.map((name) => ({ path: mediaPath(name), source: null, expected: 'same' }))

/** Which files name each medium: publication paths and `site.yaml`, read from disk. */
export async function mediaUsers(): Promise<Map<string, string[]>> {
  const users = new Map<string, string[]>()
  const note = (source: string | undefined, user: string) => {
    for (const [, name] of (source ?? '').matchAll(/\/media\/([0-9a-f]{16}\.(?:pdf|jpg|png|webp))/g))
      if (name) users.set(name, [...new Set([...(users.get(name) ?? []), user])])
  }
  const names = (await fs.readdir(publicationsDir()).catch(() => [])).filter((name) => name.endsWith('.mdx'))
  for (const name of names)
    note(await readIfExists(path.join(publicationsDir(), name)).catch(() => undefined), `publications/${name}`)
  note(await readIfExists(contentFile(SITE_FILE)).catch(() => undefined), SITE_FILE)
  return users
}

/** The media a paper names that no other file names. */
export async function mediaOnlyUsedBy(slug: string, frontmatter: unknown): Promise<string[]> {
  const users = await mediaUsers()
  const own = publicationPath(slug)
  return mediaNamesIn(frontmatter).filter((name) => (users.get(name) ?? []).every((user) => user === own))
}

/**
 * Removes media nothing names, as one commit; a medium named meanwhile is kept and reported.
 * They stay in the git history.
 */
export async function removeUnusedMedia(
  names: readonly string[],
  actor: Actor,
): Promise<{ ok: true; removed: string[]; kept: string[]; commit?: string } | { ok: false; message: string }> {
  const users = await mediaUsers()
  const known = new Set((await listMedia()).map(({ name }) => name))
  const removable = names.filter((name) => known.has(name) && !users.has(name))
  const kept = names.filter((name) => !removable.includes(name))
  if (removable.length === 0) return { ok: true, removed: [], kept }
  const message =
    removable.length === 1
      ? `Remove unused medium ${removable[0]}`
      : `Remove ${removable.length} unused media\n\n${removable.join('\n')}`
  const result = await commitChanges(mediaRemovals(removable), message, actor, 'delete', stillUnused(removable))
  if (!result.ok) return { ok: false, message: result.message }
  return { ok: true, removed: removable, kept, ...(result.commit ? { commit: result.commit } : {}) }
}

/**
 * For a removal's commit, checked under the store's lock: none of `names` has come into use since
 * the removal was decided, by a file other than `except` (the paper deleted with them).
 */
export const stillUnused = (names: readonly string[], except?: string) => async (): Promise<string | undefined> => {
  const users = await mediaUsers()
  const used = names.filter((name) => (users.get(name) ?? []).some((user) => user !== except))
  return used.length ? `${used.join(', ')} came into use meanwhile; reload and try again.` : undefined
}

/** For a save's commit, checked under the lock: every medium it names and does not bring is still there. */
export const stillPresent =
  (names: readonly string[], brought: readonly Change[]) => async (): Promise<string | undefined> => {
    const coming = new Set(brought.map(({ path }) => path))
    const gone: string[] = []
    for (const name of names)
      if (!coming.has(mediaPath(name)) && !(await exists(contentFile(mediaPath(name))))) gone.push(name)
    return gone.length ? `${gone.join(', ')} was removed meanwhile: upload it again.` : undefined
  }
