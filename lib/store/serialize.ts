import { parseDocument, stringify } from 'yaml'
import { publicationSchema, type PublicationFrontmatter } from '../domain/schema'

/** Frontmatter keys in the order they are written, so a save only changes the lines it must. */
const FIELD_ORDER = Object.keys(publicationSchema.shape) as (keyof PublicationFrontmatter)[]
const AUTHOR_ORDER = ['name', 'equalContribution', 'corresponding', 'url'] as const

export type PublicationFile = { frontmatter: PublicationFrontmatter; body: string }

/**
 * Drops what a file should not spell out: empty strings and lists, and `false` flags (absent
 * means false). `parse(serialize(x))` equals `normalize(x)`.
 */
export function normalizeFrontmatter(frontmatter: PublicationFrontmatter): PublicationFrontmatter {
  const out: Record<string, unknown> = {}
  for (const key of FIELD_ORDER) {
    const value = frontmatter[key]
    if (value === undefined || value === null || value === false || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    if (key === 'authors') {
      out.authors = frontmatter.authors.map((author) => {
        const ordered: Record<string, unknown> = {}
        for (const field of AUTHOR_ORDER) {
          const v = author[field]
          if (v !== undefined && v !== false && v !== '') ordered[field] = v
        }
        return ordered
      })
      continue
    }
    out[key] = value
  }
  return out as PublicationFrontmatter
}

export function serializePublication({ frontmatter, body }: PublicationFile): string {
  const yaml = stringify(normalizeFrontmatter(frontmatter), {
    lineWidth: 0,
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
  })
  const text = body.replace(/\r\n?/g, '\n').trim()
  return `---\n${yaml}---\n${text ? `\n${text}\n` : ''}`
}

export class PublicationFileError extends Error {}

/** Splits a file into frontmatter (validated by the shared schema) and body. */
export function parsePublication(source: string): PublicationFile {
  const text = source.replace(/\r\n?/g, '\n')
  // The block ends at a line that is exactly `---`, never at a value that happens to end in it.
  const match = /^---\n(?:([\s\S]*?)\n)?---[ \t]*(?:\n|$)([\s\S]*)$/.exec(text)
  if (!match) throw new PublicationFileError('The file does not start with a `---` frontmatter block.')
  const document = parseDocument(match[1] ?? '')
  if (document.errors.length)
    throw new PublicationFileError(`The frontmatter is not valid YAML: ${document.errors[0]?.message}`)
  const data: unknown = document.toJS()
  // The schema would drop a field it does not know; in a file, that is a typo (`venu:`) to name.
  const unknown =
    data && typeof data === 'object' && !Array.isArray(data)
      ? Object.keys(data).find((key) => !Object.hasOwn(publicationSchema.shape, key))
      : undefined
  if (unknown !== undefined)
    throw new PublicationFileError(`Frontmatter field ${unknown} is not a field of a publication: check its spelling.`)
  const result = publicationSchema.safeParse(data)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new PublicationFileError(
      `Frontmatter field ${issue?.path.join('.') || '(root)'} ${issue?.message ?? 'is invalid'}`,
    )
  }
  return { frontmatter: result.data, body: (match[2] ?? '').trim() }
}
