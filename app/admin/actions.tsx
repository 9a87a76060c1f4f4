'use server'

import type { ReactNode } from 'react'
import { slugify, uniqueSlug } from '@/lib/domain/slugs'
import type { ImportError } from '@/lib/import/bibtex/parse'
import {
  findDuplicate,
  findDuplicatesInPaste,
  type DuplicateReason,
  type ExistingPublication,
} from '@/lib/import/duplicates'
import { requireAdmin } from '@/lib/auth/session'
import { getPublications } from '@/lib/content'
import { readBibtexPaste } from '@/lib/import/read-paste'
import { abstractHtml } from '@/lib/markup/abstract-html'
import { publicationSchema, type PublicationFrontmatter } from '@/lib/domain/schema'
import {
  deletePublication,
  duplicatePublication,
  existingSlugs,
  restorePublication,
  saveDrafts,
  saveUnlessDuplicate,
  setFlag,
  type CheckedSaveInput,
  type DuplicateWarning,
  type StoreResult,
} from '@/lib/store'
import { checkMdxBody } from '@/lib/markup/mdx-check'
import { withYourVersion, type EditorSaveResult } from '@/lib/admin/conflict'
import { fieldInSentence } from '@/lib/domain/fields'

/**
 * Every export here is a public HTTP endpoint: each one checks the session itself (401 when
 * signed out), then hands over to the store, which validates everything again.
 */

/** The editor's save: a paper that repeats another is answered with a warning, unless `allowDuplicate`. */
export async function savePublicationAction(input: CheckedSaveInput): Promise<EditorSaveResult | DuplicateWarning> {
  const admin = await requireAdmin()
  const result = await saveUnlessDuplicate(input, admin)
  if (!result.ok && result.kind === 'duplicate') return result
  return withYourVersion(result, input)
}

/** With `withMedia`, the files uploaded for the paper that nothing else uses go in the same commit. */
export async function deletePublicationAction(
  slug: string,
  version: string,
  options?: { withMedia?: boolean },
): Promise<StoreResult> {
  const admin = await requireAdmin()
  return deletePublication(slug, version, admin, { withMedia: options?.withMedia === true })
}

export async function restorePublicationAction(slug: string, commit: string, version: string): Promise<StoreResult> {
  const admin = await requireAdmin()
  return restorePublication(slug, commit, version, admin)
}

/** Quick toggles from the dashboard: flip `draft` or `selected`, as an ordinary versioned save. */
export async function setFlagAction(
  slug: string,
  version: string,
  flag: 'draft' | 'selected',
  value: boolean,
): Promise<StoreResult> {
  const admin = await requireAdmin()
  return setFlag(slug, version, flag, value, admin)
}

/** A copy as a draft under a free slug, for papers that share most of their details. */
export async function duplicatePublicationAction(slug: string): Promise<StoreResult> {
  const admin = await requireAdmin()
  return duplicatePublication(slug, admin)
}

export type PreviewResult = { ok: true; preview: ReactNode } | { ok: false; message: string }

/** The abstract rendered by the same renderer as the public pages. */
export async function previewBodyAction(body: string): Promise<PreviewResult> {
  await requireAdmin()
  if (typeof body !== 'string') return { ok: false, message: 'Nothing to preview.' }
  // The check renders the body too (in the worker, within the budget) and keeps its HTML.
  const problem = await checkMdxBody(body)
  if (problem) return { ok: false, message: problem }
  return { ok: true, preview: <div dangerouslySetInnerHTML={{ __html: await abstractHtml(body) }} /> }
}

export type ImportCandidate = {
  key: string
  line: number
  slug: string
  frontmatter: PublicationFrontmatter
  body: string
  warnings: string[]
  duplicate?: { slug: string; title: string; reason: DuplicateReason }
  repeats?: { index: number; reason: DuplicateReason }
}
export type ImportPreview = { candidates: ImportCandidate[]; errors: ImportError[] }

/** Parses pasted BibTeX into draft candidates, marking those already on the site or repeated in the paste. */
export async function parseImportAction(text: string): Promise<ImportPreview> {
  await requireAdmin()
  if (typeof text !== 'string') return { candidates: [], errors: [{ message: 'Paste at least one BibTeX entry.' }] }
  const { entries, errors } = await readBibtexPaste(text)
  const existing: ExistingPublication[] = getPublications({ drafts: true })
  const taken = await existingSlugs()
  const repeats = findDuplicatesInPaste(entries)
  const candidates = entries.map((entry, index): ImportCandidate => {
    const duplicate = findDuplicate(entry, existing)
    const slug = uniqueSlug(slugify(entry.frontmatter.title), taken)
    if (!duplicate) taken.add(slug)
    const repeat = repeats[index]
    const title = duplicate
      ? (existing.find((publication) => publication.slug === duplicate.slug)?.title ?? duplicate.slug)
      : ''
    return {
      key: entry.key,
      line: entry.line,
      slug,
      frontmatter: entry.frontmatter,
      body: entry.body,
      warnings: entry.warnings,
      ...(duplicate ? { duplicate: { ...duplicate, title } } : {}),
      ...(repeat ? { repeats: repeat } : {}),
    }
  })
  return { candidates, errors }
}

export type ImportOutcome = {
  slug: string
  title: string
  result: StoreResult | { ok: false; kind: 'duplicate'; message: string }
}

/**
 * Saves the chosen candidates as drafts, all in one commit. Duplicates are checked again here
 * (against the list and the entries before them that are written), so nothing is created twice
 * and nothing is refused as a copy of an entry that was not saved.
 */
export async function createDraftsAction(
  items: { slug: string; frontmatter: unknown; body: string }[],
): Promise<ImportOutcome[]> {
  const admin = await requireAdmin()
  if (!Array.isArray(items) || items.length > 500) return []
  const existing: readonly ExistingPublication[] = getPublications({ drafts: true })
  const results = await saveDrafts(
    items.map((item) => ({
      slug: String(item?.slug ?? ''),
      frontmatter: item?.frontmatter,
      body: typeof item?.body === 'string' ? item.body : '',
    })),
    admin,
    // Against the list and the entries before it that will be written (not those refused).
    (draft, earlier) => {
      const duplicate = findDuplicate(draft, [
        ...existing,
        ...earlier.map(({ slug, frontmatter }) => ({ slug, ...frontmatter })),
      ])
      if (!duplicate) return undefined
      const message = `Already in your list (same ${fieldInSentence(duplicate.reason)}).`
      return { ok: false, kind: 'duplicate', message, slug: duplicate.slug } as const
    },
  )
  const outcomes = items.map((item, index): ImportOutcome => {
    const result = results[index] ?? { ok: false, kind: 'error', message: 'Nothing was saved.' }
    const parsed = publicationSchema.safeParse(item?.frontmatter)
    const title = parsed.success ? parsed.data.title : String(item?.slug ?? '')
    if (!result.ok && result.kind === 'duplicate') {
      const { slug, ...refusal } = result
      return { slug, title, result: refusal }
    }
    return { slug: result.ok ? result.slug : String(item?.slug ?? ''), title, result }
  })
  return outcomes
}
