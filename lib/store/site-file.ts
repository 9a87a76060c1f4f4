import { Document, isMap, parseDocument } from 'yaml'
import { siteSchema, type SiteSettings } from '../domain/schema'

/**
 * `site.yaml`, read and written. The keys are those of the one schema (`siteSchema`), which
 * Contentlayer's `Site` type is read off too. A save keeps the comments and the order of a file
 * edited by hand: only the keys whose value changed are rewritten.
 */

export class SiteFileError extends Error {}

/** The settings a file holds, held to the schema; throws a `SiteFileError` naming the field. */
export function parseSite(source: string): SiteSettings {
  const document = parseDocument(source)
  if (document.errors.length) throw new SiteFileError(`site.yaml is not valid YAML: ${document.errors[0]?.message}`)
  const data: unknown = document.toJS()
  const unknown =
    data && typeof data === 'object' && !Array.isArray(data)
      ? Object.keys(data).find((key) => !Object.hasOwn(siteSchema.shape, key))
      : undefined
  if (unknown !== undefined)
    throw new SiteFileError(`site.yaml field ${unknown} is not a site setting: check its spelling.`)
  const result = siteSchema.safeParse(data)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new SiteFileError(`site.yaml field ${issue?.path.join('.') || '(root)'} ${issue?.message ?? 'is invalid'}`)
  }
  return result.data
}

/** Drops empty values (absent means unset), so the file spells out only what is set. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(compact).filter((item) => item !== undefined)
    return items.length ? items : undefined
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, compact(item)] as const)
      .filter(([, item]) => item !== undefined)
    return entries.length ? Object.fromEntries(entries) : undefined
  }
  return value === '' || value === null ? undefined : value
}

/**
 * The file for `settings`, made from the file as it was (`previous`, when it parses as YAML) so
 * that comments and the order of the keys stay. Keys follow the schema's order when new.
 */
export function serializeSite(settings: SiteSettings, previous?: string): string {
  const values = (compact(settings) ?? {}) as Record<string, unknown>
  const document = previous === undefined ? undefined : parseDocument(previous)
  const base = document && !document.errors.length && isMap(document.contents) ? document : new Document({})
  const old = (base.toJS() ?? {}) as Record<string, unknown>
  // A key outside the schema (a typo written by hand) is what the settings page said it would replace.
  for (const key of Object.keys(old)) if (!Object.hasOwn(siteSchema.shape, key)) base.delete(key)
  for (const key of Object.keys(siteSchema.shape)) {
    const value = values[key]
    if (value === undefined) base.delete(key)
    else if (isPlainObject(value) && isPlainObject(old[key]) && isMap(base.get(key, true))) {
      // `profile:` changed one handle: only that line is written, the block's comments stay.
      const before = old[key] as Record<string, unknown>
      for (const inner of new Set([...Object.keys(before), ...Object.keys(value)])) {
        if (value[inner] === undefined) base.deleteIn([key, inner])
        else if (JSON.stringify(before[inner]) !== JSON.stringify(value[inner])) base.setIn([key, inner], value[inner])
      }
    } else if (JSON.stringify(old[key]) !== JSON.stringify(value)) base.set(key, base.createNode(value))
  }
  return base.toString({ lineWidth: 0 })
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
