import 'server-only'
import { siteSchema, type SiteSettings } from '../domain/schema'
import { changedSettings, settingsChanges, type SettingsChange } from '../domain/settings-fields'
import { env } from '../env.mjs'
import type { FieldErrors } from '../domain/validation'
import { versionOf } from '../content/version'
import { checkMdxBody } from '../markup/mdx-check'
import { invalidFields } from './errors'
import { contentFile, readIfExists, SITE_FILE } from './files'
import { missingMediaErrors, newMediaChanges } from './media'
import { parseSite, serializeSite } from './site-file'
import { commitChanges, type Actor } from './transaction'
import { fileHistory, filesAtRevisions, repositoryRoot, type HistoryEntry } from './git'

/**
 * The site settings (`site.yaml`) as the dashboard reads and writes them: the same guarantees as a
 * publication's save (the one schema, the version check, an atomic write, one commit with the
 * uploads it names, live at once through lib/content/live).
 */

export type StoredSettings = {
  /** The settings the file holds; undefined when it does not parse (then `problem` says why). */
  settings?: SiteSettings
  problem?: string
  /** The version of the file (empty when there is none): saving over any other is a conflict. */
  version: string
  source?: string
}

export async function readSettings(): Promise<StoredSettings> {
  const source = await readIfExists(contentFile(SITE_FILE))
  if (source === undefined) return { version: '', problem: `${SITE_FILE} does not exist yet.` }
  try {
    return { settings: parseSite(source), version: versionOf(source), source }
  } catch (error) {
    return { version: versionOf(source), source, problem: error instanceof Error ? error.message : String(error) }
  }
}

export type SettingsResult =
  | { ok: true; version: string; commit?: string; unchanged?: boolean }
  | { ok: false; kind: 'invalid'; message: string; fieldErrors: FieldErrors }
  | { ok: false; kind: 'conflict'; message: string; current?: SiteSettings; version: string }
  | { ok: false; kind: 'error'; message: string }

/** Checks every field, then writes `site.yaml` and the uploads it names as one commit. */
export async function saveSettings(
  input: { settings: unknown; version: unknown },
  actor: Actor,
): Promise<SettingsResult> {
  const parsed = siteSchema.safeParse(input.settings)
  const fieldErrors: FieldErrors = {}
  if (!parsed.success)
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || 'form'] ??= []).push(issue.message)
  const settings = parsed.success ? parsed.data : undefined
  // The bio is Markdown with math, held to the rules of an abstract (and checked whatever else is wrong).
  const bio = parsed.success ? parsed.data.bio : (input.settings as { bio?: unknown } | null)?.bio
  if (typeof bio === 'string' && bio && !fieldErrors.bio) {
    const problem = await checkMdxBody(bio)
    if (problem) fieldErrors.bio = [problem.replace(/^The abstract/, 'The bio')]
  }
  const media = settings ? await newMediaChanges(settings) : { changes: [], missing: [] }
  if (settings && media.missing.length) Object.assign(fieldErrors, missingMediaErrors(settings, media.missing))
  if (!settings || Object.keys(fieldErrors).length) return invalidFields(fieldErrors)

  const version = typeof input.version === 'string' ? input.version : ''
  const stored = await readSettings()
  const source = serializeSite(settings, stored.source)
  const changed = changedSettings(stored.settings, settings)
  const listed = changed.length > 4 ? [...changed.slice(0, 3), `${changed.length - 3} more`] : changed
  const message = `Edit settings: ${listed.join(', ') || 'formatting'}`
  const result = await commitChanges(
    [{ path: SITE_FILE, source, expected: version || null }, ...media.changes],
    message,
    actor,
    'settings',
  )
  if (result.ok) return { ...result, version: versionOf(source) }
  if (result.kind === 'conflict') {
    const current = result.currentSource === undefined ? undefined : safeParse(result.currentSource)
    return {
      ok: false,
      kind: 'conflict',
      message: 'The settings were changed since you opened them (in another tab, or by hand).',
      ...(current ? { current } : {}),
      version: result.currentSource === undefined ? '' : versionOf(result.currentSource),
    }
  }
  return { ok: false, kind: 'error', message: result.message }
}

function safeParse(source: string): SiteSettings | undefined {
  try {
    return parseSite(source)
  } catch {
    return undefined
  }
}

export type SettingsHistoryItem = HistoryEntry & {
  /** What the commit changed, field by field; undefined when a version does not parse (written by hand). */
  changes?: SettingsChange[]
}

/** The commits that changed `site.yaml`, newest first, each with its field-level changes; undefined without git. */
export async function settingsHistory(): Promise<SettingsHistoryItem[] | undefined> {
  const root = await repositoryRoot(env.contentDir)
  if (!root) return undefined
  const entries = await fileHistory(root, contentFile(SITE_FILE), 100)
  const files = await filesAtRevisions(
    root,
    entries.flatMap((entry) => [
      { revision: entry.commit, path: entry.path },
      { revision: `${entry.commit}^`, path: entry.path },
    ]),
  ).catch(() => [])
  const parse = (bytes: Buffer | undefined) => {
    try {
      return bytes === undefined ? undefined : parseSite(bytes.toString('utf8'))
    } catch {
      return null
    }
  }
  return entries.map((entry, index) => {
    const [after, before] = [parse(files[2 * index]), parse(files[2 * index + 1])]
    return after && before !== null ? { ...entry, changes: settingsChanges(before, after) } : entry
  })
}
