import type { PublicationFrontmatter } from '../domain/schema'
import { checkPublication } from '../domain/validation'
import { checkMdxBody } from '../markup/mdx-check'
import { invalidFields, type Failure } from './errors'

export type Valid = { ok: true; slug: string; frontmatter: PublicationFrontmatter; body: string }

/** Every field, the slug and the body against the shared rules; nothing is written while any error stands. */
export async function validatePublication(input: {
  slug: unknown
  frontmatter: unknown
  body: unknown
}): Promise<Valid | Extract<Failure, { kind: 'invalid' }>> {
  const { fieldErrors, body, valid } = checkPublication(input)
  const markupIssue = fieldErrors.body ? undefined : await checkMdxBody(body)
  if (markupIssue) fieldErrors.body = [markupIssue]
  if (!valid || Object.keys(fieldErrors).length > 0) return invalidFields(fieldErrors)
  return { ok: true, ...valid, body }
}
