import {
  bodyCharacterProblem,
  bodySizeProblem,
  publicationSchema,
  slugProblem,
  type PublicationFrontmatter,
} from './schema'

/** Messages by field path, as the schema reports them (`title`, `authors.1.url`). */
export type FieldErrors = Record<string, string[]>

export type PublicationCheck = {
  fieldErrors: FieldErrors
  /** The body as checked (an absent one is empty). */
  body: string
  /** The slug and the parsed frontmatter, when both passed. */
  valid?: { slug: string; frontmatter: PublicationFrontmatter }
}

/**
 * The checks of a publication that need no server: its slug, its frontmatter (the one schema)
 * and its body's size and characters. The editor runs them before it sends anything and the
 * store runs them again on what arrives; the store then also checks the body's markup, in a
 * worker with a deadline (`lib/markup/mdx-check.ts`), which the browser cannot.
 */
export function checkPublication(input: { slug: unknown; frontmatter: unknown; body: unknown }): PublicationCheck {
  const fieldErrors: FieldErrors = {}
  const add = (path: string, message: string) => (fieldErrors[path] ??= []).push(message)
  const slugIssue = slugProblem(input.slug)
  if (slugIssue) add('slug', slugIssue)
  const parsed = publicationSchema.safeParse(input.frontmatter)
  if (!parsed.success) for (const issue of parsed.error.issues) add(issue.path.join('.') || 'form', issue.message)
  const body = typeof input.body === 'string' ? input.body : ''
  const bodyIssue = bodyCharacterProblem(body) ?? bodySizeProblem(body)
  if (bodyIssue) add('body', bodyIssue)
  const slug = typeof input.slug === 'string' && !slugIssue ? input.slug : undefined
  return {
    fieldErrors,
    body,
    ...(parsed.success && slug !== undefined ? { valid: { slug, frontmatter: parsed.data } } : {}),
  }
}
