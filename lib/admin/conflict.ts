import 'server-only'
import { publicationSchema } from '../domain/schema'
import type { Failure, SaveInput, StoreResult } from '../store'
import { serializePublication } from '../store/serialize'

export type SaveConflict = Extract<Failure, { kind: 'conflict' }> & {
  /** The file the editor tried to save, as the store would have written it. */
  mine: string
}
export type EditorSaveResult = Exclude<StoreResult, { kind: 'conflict' }> | SaveConflict

/**
 * A conflict as the editor shows it: both versions as files, made here so the browser needs
 * neither the serializer nor `yaml`. A save that conflicts has passed validation already.
 */
export function withYourVersion(result: StoreResult, input: SaveInput): EditorSaveResult {
  if (result.ok || result.kind !== 'conflict') return result
  const parsed = publicationSchema.safeParse(input.frontmatter)
  const body = typeof input.body === 'string' ? input.body : ''
  const mine = parsed.success ? serializePublication({ frontmatter: parsed.data, body }) : body
  return { ...result, mine }
}
