import { createHash } from 'node:crypto'

/**
 * A publication file's version: a hash of its exact bytes. The editor carries the version of what
 * it loaded, and the store refuses a save made from any other (a conflict).
 */
export function versionOf(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex')
}
