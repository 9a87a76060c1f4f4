import 'server-only'
import type { PublicationVersion } from '../domain/field-changes'
import { checkPublication } from '../domain/validation'
import type { Failure, SaveInput, StoreResult } from '../store'

export type SaveConflict = Extract<Failure, { kind: 'conflict' }> & {
  /**
   * What the editor tried to save, as the store read it: null only if it does not parse, which a
   * save that conflicts cannot be (it has passed validation).
   */
  mine: PublicationVersion | null
}
export type EditorSaveResult = Exclude<StoreResult, { kind: 'conflict' }> | SaveConflict

/**
 * A conflict as the editor shows it: the saved version and mine, field by field
 * (lib/domain/field-changes.ts, which the browser runs on the form as it changes).
 */
export function withYourVersion(result: StoreResult, input: SaveInput): EditorSaveResult {
  if (result.ok || result.kind !== 'conflict') return result
  const { valid, body } = checkPublication(input)
  return { ...result, mine: valid ? { ...valid, body } : null }
}
