import type { Author } from './schema'
import { normalizeText } from './format'

export const MARKS = {
  equalContribution: { glyph: '*', legend: 'indicates first-coauthorship' },
  corresponding: { glyph: '†', legend: 'indicates corresponding author' },
} as const
export type MarkName = keyof typeof MARKS

export type AuthorView = {
  name: string
  url?: string
  isOwner: boolean
  /** Glyphs shown after the name, e.g. `*` or `*†`. */
  marks: string
}

export function authorMarks(author: Author): string {
  return (
    (author.equalContribution ? MARKS.equalContribution.glyph : '') +
    (author.corresponding ? MARKS.corresponding.glyph : '')
  )
}

export function isOwner(name: string, ownerNames: readonly string[]): boolean {
  const normalized = normalizeText(name)
  return ownerNames.some((variant) => normalizeText(variant) === normalized)
}

export function toAuthorViews(authors: readonly Author[], ownerNames: readonly string[]): AuthorView[] {
  return authors.map((author) => ({
    name: author.name,
    ...(author.url ? { url: author.url } : {}),
    isOwner: isOwner(author.name, ownerNames),
    marks: authorMarks(author),
  }))
}

/**
 * Splits an author list the al-folio way: the first `max` authors are shown and the rest sit
 * behind "and N more authors" (the seed page cuts four authors to three and "1 more author").
 */
export function splitAuthors(
  authors: readonly Author[],
  { ownerNames, max }: { ownerNames: readonly string[]; max: number },
): { shown: AuthorView[]; hidden: AuthorView[] } {
  const views = toAuthorViews(authors, ownerNames)
  if (views.length <= max) return { shown: views, hidden: [] }
  return { shown: views.slice(0, max), hidden: views.slice(max) }
}

/** Which marks appear on any author of these publications, so a legend names only those. */
export function marksInUse(publications: readonly { authors: readonly Author[] }[]): MarkName[] {
  const used = new Set<MarkName>()
  for (const publication of publications) {
    for (const author of publication.authors) {
      if (author.equalContribution) used.add('equalContribution')
      if (author.corresponding) used.add('corresponding')
    }
  }
  return (Object.keys(MARKS) as MarkName[]).filter((mark) => used.has(mark))
}

/** "* indicates first-coauthorship. † indicates corresponding author." for the marks in use. */
export function marksLegend(marks: readonly MarkName[]): string {
  return marks.map((mark) => `${MARKS[mark].glyph} ${MARKS[mark].legend}.`).join(' ')
}
