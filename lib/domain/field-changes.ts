import { diffLines } from 'diff'
import { AUTHOR_FIELDS, FIELDS, type FieldName } from './fields'
import { monthName } from './format'
import { PUBLICATION_TYPE_LABELS, type Author, type PublicationFrontmatter } from './schema'

/**
 * Which fields differ between two versions of a publication, in the words of the dashboard's
 * labels: what a commit message names, what the History page lists and what a conflict asks
 * about. Pure and free of the serializer, so the editor runs it in the browser too.
 */

/** One version of a publication: as a file holds it, as the editor would save it. */
export type PublicationVersion = {
  /** The file's name, when there is a file. */
  slug?: string
  frontmatter: Partial<PublicationFrontmatter>
  body: string
}

export type DiffLine = { change: 'kept' | 'removed' | 'added'; text: string }

export type FieldChange = {
  field: FieldName
  label: string
  /** The value as people read it (authors one a line), or null when the field is empty. */
  before: string | null
  after: string | null
  /** For the fields of several lines (the abstract, the authors): what changed, line by line. */
  lines?: DiffLine[]
}

const FIELD_NAMES = Object.keys(FIELDS).filter((name): name is FieldName => Object.hasOwn(FIELDS, name))
const MULTILINE: ReadonlySet<FieldName> = new Set(['authors', 'body'])

// The serializer trims the body and writes `\n` line ends: a body differs only when its file would.
const bodyText = (body: string) => body.replace(/\r\n?/g, '\n').trim()

function authorLine(author: Author): string {
  const marks = [
    author.equalContribution ? AUTHOR_FIELDS.equalContribution.label.toLowerCase() : '',
    author.corresponding ? AUTHOR_FIELDS.corresponding.label.toLowerCase() : '',
    author.url ?? '',
  ]
  return [author.name, ...marks.filter(Boolean)].join(' · ')
}

/** A field's value as people read it, or null when it is empty. */
function valueText(field: FieldName, version: PublicationVersion): string | null {
  const { frontmatter } = version
  switch (field) {
    case 'slug':
      return version.slug ?? null
    case 'body':
      return bodyText(version.body) || null
    case 'authors':
      return frontmatter.authors?.map(authorLine).join('\n') || null
    case 'tags':
      return frontmatter.tags?.join(', ') || null
    case 'month':
      return monthName(frontmatter.month) ?? null
    case 'type':
      return frontmatter.type ? PUBLICATION_TYPE_LABELS[frontmatter.type] : null
    case 'draft':
    case 'selected':
      return frontmatter[field] ? 'Yes' : 'No'
    default: {
      const value = frontmatter[field]
      return value === undefined || value === '' ? null : String(value)
    }
  }
}

/** What two values are compared by: lists element by element, flags with absent as false. */
function comparable(field: FieldName, version: PublicationVersion): string | null {
  const { authors, tags } = version.frontmatter
  if (field === 'authors')
    return JSON.stringify(
      (authors ?? []).map(({ name, equalContribution, corresponding, url }) => [
        name,
        equalContribution === true,
        corresponding === true,
        url ?? '',
      ]),
    )
  if (field === 'tags') return JSON.stringify(tags ?? [])
  return valueText(field, version)
}

/** The fields whose values differ, in the order the editor shows them. */
export function changedFields(a: PublicationVersion, b: PublicationVersion): FieldName[] {
  return FIELD_NAMES.filter((field) => comparable(field, a) !== comparable(field, b))
}

/**
 * Past this many changed lines a line diff says "all of it was replaced": Myers' algorithm takes
 * time in the product of the lengths and the changes, and a hand-edited body can be 256 kB.
 */
const MAX_EDIT_LENGTH = 500

const linesOf = (text: string, change: DiffLine['change']): DiffLine[] =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => ({ change, text: line }))

function lineDiff(before: string, after: string): DiffLine[] {
  if (!before || !after)
    return [...(before ? linesOf(before, 'removed') : []), ...(after ? linesOf(after, 'added') : [])]
  // Every line ends with `\n`, so a line appended after the last one leaves that one unchanged.
  const changes = diffLines(`${before}\n`, `${after}\n`, { maxEditLength: MAX_EDIT_LENGTH })
  if (!changes) return [...linesOf(before, 'removed'), ...linesOf(after, 'added')]
  return changes.flatMap(({ value, added, removed }) => linesOf(value, added ? 'added' : removed ? 'removed' : 'kept'))
}

/** The fields that differ from `a` to `b`, each with both values as people read them. */
export function fieldChanges(a: PublicationVersion, b: PublicationVersion): FieldChange[] {
  return changedFields(a, b).map((field) => {
    const before = valueText(field, a)
    const after = valueText(field, b)
    return {
      field,
      label: FIELDS[field].label,
      before,
      after,
      ...(MULTILINE.has(field) ? { lines: lineDiff(before ?? '', after ?? '') } : {}),
    }
  })
}

export type Side = 'theirs' | 'mine'

/** A field two saves disagree on: `before` is theirs (the saved file), `after` mine. */
export type ConflictField = FieldChange & {
  /** The side to keep unless told otherwise: the one that changed it, when only one did. */
  suggested?: Side
}

/**
 * The fields where the saved version (theirs) and mine differ. With the version both started
 * from (`base`), a field only one side changed suggests that side; a field both changed, or any
 * field without a base, must be chosen.
 */
export function conflictFields(
  base: PublicationVersion | undefined,
  theirs: PublicationVersion,
  mine: PublicationVersion,
): ConflictField[] {
  const changedBy = (version: PublicationVersion) => new Set(base ? changedFields(base, version) : [])
  const theirChanges = changedBy(theirs)
  const myChanges = changedBy(mine)
  return fieldChanges(theirs, mine).map((change) => {
    const byThem = theirChanges.has(change.field)
    const byMe = myChanges.has(change.field)
    const suggested: Side | undefined = byThem && !byMe ? 'theirs' : byMe && !byThem ? 'mine' : undefined
    return suggested ? { ...change, suggested } : change
  })
}

function copyField<K extends keyof PublicationFrontmatter>(
  to: Partial<PublicationFrontmatter>,
  from: Partial<PublicationFrontmatter>,
  field: K,
) {
  to[field] = from[field]
}

/** Mine, with every field chosen as theirs taken from theirs. */
export function mergeVersions(
  theirs: PublicationVersion,
  mine: PublicationVersion,
  choices: Partial<Record<FieldName, Side>>,
): PublicationVersion {
  const merged = { ...mine, frontmatter: { ...mine.frontmatter } }
  for (const field of FIELD_NAMES) {
    if (choices[field] !== 'theirs') continue
    if (field === 'slug') merged.slug = theirs.slug
    else if (field === 'body') merged.body = theirs.body
    else copyField(merged.frontmatter, theirs.frontmatter, field)
  }
  return merged
}
