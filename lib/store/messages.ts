import { changedFields, type PublicationVersion } from '../domain/field-changes'
import { fieldInSentence, type FieldName } from '../domain/fields'
import { plural } from '../domain/format'

/**
 * Commit messages that say what changed: `Edit title, venue: "…"`, `Add "…"`, `Mark "…" as draft`.
 * The first line keeps to 72 characters, as git's tools expect: the title is cut with an ellipsis,
 * and after a few field names the rest are counted ("and 3 more").
 */

const MAX_SUBJECT = 72
/** What is left of a title at least, before field names give way. */
const MIN_TITLE = 24
const MAX_NAMES = 3
/** The most of a slug a rename shows. */
const MAX_SLUG = 32

// Counted in code points, so a cut never splits a character in two.
const length = (text: string) => Array.from(text).length
const cut = (text: string, room: number) =>
  length(text) <= room
    ? text
    : `${Array.from(text)
        .slice(0, Math.max(room - 1, 0))
        .join('')}…`

/** `${before}"${title}"${after}`, the title cut so the line keeps to 72 characters. */
function withTitle(before: string, title: string, after = ''): string {
  const oneLine = title.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
  return `${before}"${cut(oneLine, MAX_SUBJECT - length(before) - length(after) - 2)}"${after}`
}

/** A field's name inside a sentence: "title", "venue badge", but "DOI", "BibTeX key", "arXiv id". */
function fieldWord(field: FieldName): string {
  const words = fieldInSentence(field)
  return /^[A-Z][a-z]+\b/.test(words) ? `${words.charAt(0).toLowerCase()}${words.slice(1)}` : words
}

/** "title, venue and 2 more": as many names as fit in `room` (at most three), else "5 fields". */
function fieldList(fields: FieldName[], room: number): string {
  const names = fields.map(fieldWord)
  const listed = (shown: number) =>
    `${names.slice(0, shown).join(', ')}${names.length > shown ? ` and ${names.length - shown} more` : ''}`
  for (let shown = Math.min(names.length, MAX_NAMES); shown > 0; shown--)
    if (length(listed(shown)) <= room) return listed(shown)
  return plural(names.length, 'field')
}

export const addMessage = (title: string) => withTitle('Add ', title)
export const deleteMessage = (title: string) => withTitle('Delete ', title)
/** A restore to a commit of the file's history, or (without one) of a deleted paper. */
export const restoreMessage = (title: string, commit?: string) =>
  withTitle('Restore ', title, commit ? ` to ${commit.slice(0, 7)}` : '')

/** A quick toggle's own words, when the one change is a flag. */
function flagMessage(field: FieldName, after: PublicationVersion): string | undefined {
  const { title, draft, selected } = after.frontmatter
  if (field === 'draft')
    return draft ? withTitle('Mark ', title ?? '', ' as draft') : withTitle('Publish ', title ?? '')
  if (field === 'selected') return withTitle(selected ? 'Mark ' : 'Unmark ', title ?? '', ' as selected')
  return undefined
}

/**
 * The message of a save over `before` (undefined when that file could not be read), moving the
 * file from `fromSlug` when `after` has another slug.
 */
export function editMessage(
  before: PublicationVersion | undefined,
  after: PublicationVersion & { slug: string },
  fromSlug: string,
): string {
  const title = after.frontmatter.title ?? after.slug
  const fields = before ? changedFields(before, after).filter((field) => field !== 'slug') : []
  if (fromSlug !== after.slug) {
    const to = ` to ${cut(after.slug, MAX_SLUG)}`
    const room = MAX_SUBJECT - length('Rename ""; edit ') - length(to) - MIN_TITLE
    return withTitle('Rename ', title, fields.length ? `${to}; edit ${fieldList(fields, room)}` : to)
  }
  const [only] = fields
  if (only === undefined) return withTitle(before ? 'Reformat ' : 'Edit ', title)
  const flag = fields.length === 1 ? flagMessage(only, after) : undefined
  return flag ?? withTitle(`Edit ${fieldList(fields, MAX_SUBJECT - length('Edit : ""') - MIN_TITLE)}: `, title)
}
