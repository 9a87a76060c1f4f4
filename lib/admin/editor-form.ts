import { LINK_FIELDS, type PublicationFrontmatter } from '../domain/schema'
import type { FieldErrors } from '../domain/validation'

/**
 * The editor's form values (all strings and flags, as inputs hold them) and their conversion to
 * frontmatter. Pure, so the browser and the tests share it; the result is then checked by the
 * one zod schema in the browser and again on the server.
 */
export type AuthorRow = { key: string; name: string; equalContribution: boolean; corresponding: boolean; url: string }

export const TEXT_FIELDS = [
  'venue',
  'venueShort',
  'volume',
  'issue',
  'pages',
  'arxiv',
  'doi',
  'award',
  'bibtexKey',
  'thumbnail',
  ...LINK_FIELDS.map(([field]) => field).filter((field) => field !== 'arxiv' && field !== 'doi'),
] as const
export type TextField = (typeof TEXT_FIELDS)[number]

export type EditorValues = {
  slug: string
  title: string
  year: string
  month: string
  order: string
  type: string
  tags: string
  selected: boolean
  draft: boolean
  authors: AuthorRow[]
  body: string
} & Record<TextField, string>

let keyCounter = 0
export function newAuthorKey(): string {
  keyCounter += 1
  return `author-${keyCounter}-${Math.random().toString(36).slice(2, 8)}`
}

function optionalNumber(value: string): number | string | undefined {
  const trimmed = value.trim()
  if (!trimmed) return undefined
  // A non-number is passed on as text so the schema can say what is wrong with it.
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed
}

const optionalText = (value: string) => (value.trim() ? value.trim() : undefined)

export function valuesToFrontmatter(values: EditorValues): Record<string, unknown> {
  const frontmatter: Record<string, unknown> = {
    title: values.title.trim(),
    year: optionalNumber(values.year),
    month: optionalNumber(values.month),
    order: optionalNumber(values.order),
    authors: values.authors.map((author) => ({
      name: author.name.trim(),
      ...(author.equalContribution ? { equalContribution: true } : {}),
      ...(author.corresponding ? { corresponding: true } : {}),
      ...(author.url.trim() ? { url: author.url.trim() } : {}),
    })),
    type: optionalText(values.type),
    tags: values.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    selected: values.selected || undefined,
    draft: values.draft || undefined,
  }
  for (const field of TEXT_FIELDS) frontmatter[field] = optionalText(values[field])
  if (Array.isArray(frontmatter.tags) && frontmatter.tags.length === 0) delete frontmatter.tags
  for (const key of Object.keys(frontmatter)) if (frontmatter[key] === undefined) delete frontmatter[key]
  return frontmatter
}

export function frontmatterToValues(
  slug: string,
  frontmatter: Partial<PublicationFrontmatter>,
  body: string,
): EditorValues {
  const values = {
    slug,
    title: frontmatter.title ?? '',
    year: frontmatter.year === undefined ? '' : String(frontmatter.year),
    month: frontmatter.month === undefined ? '' : String(frontmatter.month),
    order: frontmatter.order === undefined ? '' : String(frontmatter.order),
    type: frontmatter.type ?? '',
    tags: (frontmatter.tags ?? []).join(', '),
    selected: frontmatter.selected ?? false,
    draft: frontmatter.draft ?? false,
    authors: (frontmatter.authors ?? []).map((author) => ({
      key: newAuthorKey(),
      name: author.name,
      equalContribution: author.equalContribution ?? false,
      corresponding: author.corresponding ?? false,
      url: author.url ?? '',
    })),
    body,
  } as EditorValues
  for (const field of TEXT_FIELDS) values[field] = frontmatter[field] ?? ''
  return values
}

export function emptyValues(): EditorValues {
  return frontmatterToValues('', { authors: [{ name: '' }], year: new Date().getFullYear(), draft: true }, '')
}

/** An author's errors: `authors.<row>` or `authors.<row>.<field>`, the row a position or a row's key. */
const AUTHOR_ERROR_PATH = /^authors\.([^.]+)(.*)$/
const POSITION = /^\d+$/

/**
 * The errors with each author's position replaced by the key of its row, for the rows as they were
 * checked (`authors.1.name` → `authors.author-7-x1.name`), so that an error can follow its author
 * when the rows are moved or removed. A position no row had is kept.
 */
export function keyAuthorErrors(errors: FieldErrors, rows: readonly AuthorRow[]): FieldErrors {
  return renameAuthorRows(errors, (row) => (POSITION.test(row) ? (rows[Number(row)]?.key ?? row) : row))
}

/** Keyed errors put back at their rows' present positions; the errors of a removed row go with it. */
export function placeAuthorErrors(keyed: FieldErrors, rows: readonly AuthorRow[]): FieldErrors {
  const positions = new Map(rows.map((row, index) => [row.key, String(index)]))
  return renameAuthorRows(keyed, (row) => (POSITION.test(row) ? row : positions.get(row)))
}

/** The errors with each author's row renamed; an error whose row is renamed to nothing is dropped. */
function renameAuthorRows(errors: FieldErrors, rename: (row: string) => string | undefined): FieldErrors {
  const renamed: FieldErrors = {}
  for (const [path, messages] of Object.entries(errors)) {
    const [, row, rest = ''] = AUTHOR_ERROR_PATH.exec(path) ?? []
    if (row === undefined) {
      renamed[path] = messages
      continue
    }
    const to = rename(row)
    if (to !== undefined) renamed[`authors.${to}${rest}`] = messages
  }
  return renamed
}
