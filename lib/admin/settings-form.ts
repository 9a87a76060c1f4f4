import { siteSchema, type Profile, type SiteSettings } from '../domain/schema'
import type { FieldErrors } from '../domain/validation'
import { settingsLabel } from '../domain/settings-fields'

/**
 * The settings form's values (strings and rows, as inputs hold them) and their conversion to
 * the settings `site.yaml` holds. Pure, so the browser and the tests share it; the result is
 * checked by the one schema in the browser and again on the server.
 */

export const PROFILE_KEYS = ['email', 'orcid', 'scholar', 'github', 'bluesky', 'mastodon', 'x', 'linkedin'] as const
type ProfileText = (typeof PROFILE_KEYS)[number]

export type LinkRow = { key: string; label: string; url: string }

export type SettingsValues = {
  owner: string
  /** One spelling per line. */
  nameVariants: string
  title: string
  description: string
  bio: string
  photo: string
  cv: string
  maxAuthors: string
  links: LinkRow[]
} & Record<ProfileText, string>

let rowCounter = 0
export const newRowKey = () => `link-${++rowCounter}`

export function settingsToValues(settings: Partial<SiteSettings>): SettingsValues {
  const profile: Profile = settings.profile ?? {}
  return {
    owner: settings.owner ?? '',
    nameVariants: (settings.nameVariants ?? []).join('\n'),
    title: settings.title ?? '',
    description: settings.description ?? '',
    bio: settings.bio ?? '',
    photo: settings.photo ?? '',
    cv: profile.cv ?? '',
    maxAuthors: settings.maxAuthors === undefined ? '' : String(settings.maxAuthors),
    links: (settings.links ?? []).map((link) => ({ key: newRowKey(), ...link })),
    ...(Object.fromEntries(PROFILE_KEYS.map((key) => [key, profile[key] ?? ''])) as Record<ProfileText, string>),
  }
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined)

/** The settings the values stand for; a value that is not a number is passed on for the schema to name. */
export function valuesToSettings(values: SettingsValues): Record<string, unknown> {
  const maxAuthors = values.maxAuthors.trim()
  const profileEntries = [
    ...PROFILE_KEYS.map((key) => [key, optional(values[key])] as const),
    ['cv', optional(values.cv)] as const,
  ].filter(([, value]) => value !== undefined)
  const variants = values.nameVariants
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  const links = values.links
    .filter((link) => link.label.trim() || link.url.trim())
    .map((link) => ({ label: link.label.trim(), url: link.url.trim() }))
  return {
    owner: values.owner.trim(),
    title: values.title.trim(),
    description: values.description.trim(),
    ...(variants.length ? { nameVariants: variants } : {}),
    ...(optional(values.bio) ? { bio: values.bio.trim() } : {}),
    ...(optional(values.photo) ? { photo: values.photo.trim() } : {}),
    ...(maxAuthors ? { maxAuthors: /^\d+$/.test(maxAuthors) ? Number(maxAuthors) : maxAuthors } : {}),
    ...(profileEntries.length ? { profile: Object.fromEntries(profileEntries) } : {}),
    ...(links.length ? { links } : {}),
  }
}

/**
 * The schema's errors by form field: `profile.orcid` is the ORCID input's, `profile.cv` the CV's;
 * a link's error is keyed by its row (`links.<key>.url`) so that it stays on that row when
 * rows are removed.
 */
export function checkSettings(values: SettingsValues): FieldErrors {
  const result = siteSchema.safeParse(valuesToSettings(values))
  return result.success
    ? {}
    : toFormErrors(
        values,
        result.error.issues.map((i) => [i.path.join('.'), i.message]),
      )
}

/** Server or browser errors (`path → messages`) keyed as the form shows them. */
export function formErrors(values: SettingsValues, errors: FieldErrors): FieldErrors {
  return toFormErrors(
    values,
    Object.entries(errors).flatMap(([path, messages]) =>
      messages.map((message) => [path, message] as [string, string]),
    ),
  )
}

function toFormErrors(values: SettingsValues, issues: [path: string, message: string][]): FieldErrors {
  const filled = values.links.filter((link) => link.label.trim() || link.url.trim())
  const out: FieldErrors = {}
  for (const [path, message] of issues) {
    const parts = path.split('.')
    let key = path
    if (parts[0] === 'profile' && parts[1]) key = parts[1]
    else if (parts[0] === 'nameVariants') key = 'nameVariants'
    else if (parts[0] === 'links' && parts[1] !== undefined) {
      const row = filled[Number(parts[1])]
      key = row ? `links.${row.key}.${parts[2] ?? 'url'}` : 'links'
    }
    ;(out[key] ??= []).push(message)
  }
  return out
}

/** A form error's field name, for the error summary: `orcid` → "ORCID iD", `links.<row>.url` → "Link 2 › Address". */
export function formFieldLabel(key: string, values: SettingsValues): string {
  const [field = '', row, part] = key.split('.')
  if (field === 'links' && row !== undefined) {
    const index = values.links.findIndex((link) => link.key === row)
    return settingsLabel(`links.${index === -1 ? 0 : index}.${part ?? 'url'}`)
  }
  if (field === 'cv' || (PROFILE_KEYS as readonly string[]).includes(field)) return settingsLabel(`profile.${field}`)
  return settingsLabel(key)
}
