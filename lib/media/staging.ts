import 'server-only'
import { LRUCache } from 'lru-cache'
import type { Medium } from './process'

/**
 * Uploads waiting for the save that uses them. An upload is held here, in memory, and written
 * into the content folder only by the save that names it, in that save's commit: git never holds
 * a file no paper or setting used, and an upload the owner abandons leaves nothing behind. A
 * restart forgets what was not saved; the save then asks for the file again.
 */

const HOURS = 60 * 60 * 1000
const state = globalThis as { __stagedMedia?: LRUCache<string, Medium> }
const staged = (state.__stagedMedia ??= new LRUCache<string, Medium>({
  maxSize: 256 * 1024 * 1024,
  sizeCalculation: (medium) => Math.max(1, medium.bytes.length),
  ttl: 12 * HOURS,
}))

export function stageMedium(medium: Medium): void {
  staged.set(medium.name, medium)
}

export function stagedMedium(name: string): Medium | undefined {
  return staged.get(name)
}
