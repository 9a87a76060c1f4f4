import { bodyCharacterProblem, publicationSchema, slugProblem, type PublicationFrontmatter } from '../domain/schema'
import { checkMdxBody } from '../markup/mdx-check'
import { nothingWas, type Failure, type FieldErrors } from './errors'

export type Valid = { ok: true; slug: string; frontmatter: PublicationFrontmatter; body: string }

/** Every field, the slug and the body against the shared rules; nothing is written while any error stands. */
export async function validatePublication(input: {
  slug: unknown
  frontmatter: unknown
  body: unknown
}): Promise<Valid | Extract<Failure, { kind: 'invalid' }>> {
  const fieldErrors: FieldErrors = {}
  const add = (field: string, message: string) => (fieldErrors[field] ??= []).push(message)
  const slugIssue = slugProblem(input.slug)
  if (slugIssue) add('slug', slugIssue)
  const parsed = publicationSchema.safeParse(input.frontmatter)
  if (!parsed.success) for (const issue of parsed.error.issues) add(issue.path.join('.') || 'form', issue.message)
  const body = typeof input.body === 'string' ? input.body : ''
  const bodyIssue = bodyCharacterProblem(body) ?? (await checkMdxBody(body))
  if (bodyIssue) add('body', bodyIssue)
  if (Object.keys(fieldErrors).length > 0 || !parsed.success) {
    const count = Object.values(fieldErrors).flat().length
    return {
      ok: false,
      kind: 'invalid',
      message: nothingWas('saved', `${count === 1 ? 'one field needs' : `${count} fields need`} attention.`),
      fieldErrors,
    }
  }
  return { ok: true, slug: input.slug as string, frontmatter: parsed.data, body }
}
