import 'server-only'
import { getPublications } from '../content'
import { fieldInSentence } from '../domain/fields'
import { checkPublication } from '../domain/validation'
import { findDuplicates, type DuplicateReason } from '../import/duplicates'
import { savePublication, type SaveInput } from './changes'
import { nothingWas, type StoreResult } from './errors'
import type { Actor } from './transaction'

/** A paper a save repeats: its slug, its title and the field the two have in common. */
export type SavedDuplicate = { slug: string; title: string; reason: DuplicateReason }

/** A save not made because the paper repeats others; the same save with `allowDuplicate` is made. */
export type DuplicateWarning = { ok: false; kind: 'duplicate'; message: string; duplicates: SavedDuplicate[] }

export type CheckedSaveInput = SaveInput & {
  /** Save even when another paper has the same DOI, arXiv id, BibTeX key or title. */
  allowDuplicate?: boolean
}

/**
 * The editor's and the API's save: the paper is checked against every other one, drafts
 * included, by the rules the BibTeX import uses (`findDuplicates`), and a match is answered with
 * a warning naming each paper instead of being written, unless `allowDuplicate` is true.
 */
export async function saveUnlessDuplicate(
  input: CheckedSaveInput,
  actor: Actor,
): Promise<StoreResult | DuplicateWarning> {
  const duplicates = input.allowDuplicate === true ? [] : duplicatesOf(input)
  if (duplicates.length === 0) return savePublication(input, actor)
  const named = duplicates.map(
    ({ slug, title, reason }) => `“${title}” (${slug}) has the same ${fieldInSentence(reason)}`,
  )
  return {
    ok: false,
    kind: 'duplicate',
    message: nothingWas('saved', `${named.join('; ')}. Save anyway if this is another paper.`),
    duplicates,
  }
}

function duplicatesOf(input: SaveInput): SavedDuplicate[] {
  // A paper the rules refuse is answered with its field errors by the save, not with a warning.
  const { valid } = checkPublication(input)
  if (!valid) return []
  const all = getPublications({ drafts: true })
  const others = all.filter((publication) => publication.slug !== input.originalSlug)
  const titles = new Map(others.map(({ slug, title }) => [slug, title]))
  // A match the paper had before this edit was answered already (a preprint and its published
  // version may share an arXiv id): only a new one is warned about.
  const stored = all.find((publication) => publication.slug === input.originalSlug)
  const known = new Set(
    stored ? findDuplicates({ frontmatter: stored }, others).map(({ slug, reason }) => `${slug} ${reason}`) : [],
  )
  return findDuplicates(valid, others)
    .filter(({ slug, reason }) => !known.has(`${slug} ${reason}`))
    .map(({ slug, reason }) => ({ slug, title: titles.get(slug) ?? slug, reason }))
}
