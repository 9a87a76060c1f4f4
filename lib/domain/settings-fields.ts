import type { Profile, SiteSettings } from './schema'

/**
 * The site settings as people see them: the label and hint of each field of `site.yaml`, for the
 * settings form, its errors and the commit messages. What a field may hold is the schema's.
 */

type Spec = { label: string; hint?: string; placeholder?: string }

export const SETTINGS_FIELDS: Record<Exclude<keyof SiteSettings, 'profile'>, Spec> = {
  owner: { label: 'Your name', hint: 'As it heads the home page and signs your commits.' },
  nameVariants: {
    label: 'Spellings of your name to highlight',
    hint: 'One per line, as they appear in author lists (e.g. L. Petrini). Your name is highlighted anyway.',
  },
  title: { label: 'Site title', hint: 'In the header and the browser tab.' },
  description: { label: 'Site description', hint: 'One sentence, for search engines and link previews.' },
  bio: { label: 'Bio', hint: 'Markdown with LaTeX math between $…$, shown on the home page.' },
  photo: { label: 'Photo', hint: 'A JPEG, PNG or WebP up to 10 MB, cropped to a square.' },
  maxAuthors: {
    label: 'Authors shown per entry',
    hint: 'An entry lists this many authors, then "and N more authors" (your name always shows).',
  },
  links: { label: 'Other links', hint: 'Any page with a label (a lab page, a blog).' },
}

export const PROFILE_FIELDS: Record<keyof Profile, Spec> = {
  email: { label: 'Email', placeholder: 'name@university.edu' },
  orcid: { label: 'ORCID iD', placeholder: '0000-0002-1825-0097' },
  scholar: { label: 'Google Scholar user id', placeholder: 'the 12 characters after user= in your profile URL' },
  github: { label: 'GitHub user name', placeholder: 'octocat' },
  bluesky: { label: 'Bluesky handle', placeholder: 'name.bsky.social' },
  mastodon: { label: 'Mastodon address', placeholder: '@name@mastodon.social' },
  x: { label: 'X user name', placeholder: '@name' },
  linkedin: { label: 'LinkedIn profile name', placeholder: 'the part after linkedin.com/in/' },
  cv: { label: 'CV (PDF)', hint: 'A PDF up to 20 MB, linked from the home page.' },
}

/** A settings field's label, for a path as the schema reports it (`profile.orcid`, `links.1.url`). */
export function settingsLabel(path: string): string {
  const [field = '', sub, leaf] = path.split('.')
  if (field === 'profile' && sub !== undefined && Object.hasOwn(PROFILE_FIELDS, sub))
    return PROFILE_FIELDS[sub as keyof Profile].label
  if (field === 'links' && sub !== undefined)
    return `Link ${Number(sub) + 1}${leaf ? ` › ${leaf === 'url' ? 'Address' : 'Label'}` : ''}`
  if (field === 'nameVariants' && sub !== undefined) return `Spelling ${Number(sub) + 1}`
  return Object.hasOwn(SETTINGS_FIELDS, field) ? SETTINGS_FIELDS[field as keyof typeof SETTINGS_FIELDS].label : field
}

/** A settings field a save changed: its label and its values before and after, as text (null: unset). */
export type SettingsChange = { label: string; before: string | null; after: string | null }

/** A setting's value as one line of text, or null when it is unset (an empty list or text is unset). */
function asText(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null
  if (Array.isArray(value)) {
    if (value.length === 0) return null
    return value
      .map((item) =>
        item && typeof item === 'object' && 'label' in item
          ? `${String(item.label)} (${String(item.url)})`
          : String(item),
      )
      .join(', ')
  }
  return String(value)
}

/** The settings fields whose values differ, with both values, in the order of the form. */
export function settingsChanges(before: SiteSettings | undefined, after: SiteSettings): SettingsChange[] {
  const changes: SettingsChange[] = []
  const compare = (label: string, a: unknown, b: unknown) => {
    const [was, is] = [asText(a), asText(b)]
    if (was !== is) changes.push({ label, before: was, after: is })
  }
  for (const key of Object.keys(SETTINGS_FIELDS) as (keyof typeof SETTINGS_FIELDS)[])
    compare(SETTINGS_FIELDS[key].label, before?.[key], after[key])
  for (const key of Object.keys(PROFILE_FIELDS) as (keyof Profile)[])
    compare(PROFILE_FIELDS[key].label, before?.profile?.[key], after.profile?.[key])
  return changes
}

/** The labels of the settings fields whose values differ, in the order of the form. */
export const changedSettings = (before: SiteSettings | undefined, after: SiteSettings): string[] =>
  settingsChanges(before, after).map(({ label }) => label)
