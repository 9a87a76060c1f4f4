/**
 * The publication types and their labels, without zod: client components (the list's filters)
 * import them from here so the schema library stays out of the browser bundle.
 */

export const PUBLICATION_TYPES = [
  'article',
  'conference',
  'preprint',
  'thesis',
  'book',
  'chapter',
  'talk',
  'other',
] as const
export type PublicationType = (typeof PUBLICATION_TYPES)[number]

export const PUBLICATION_TYPE_LABELS: Record<PublicationType, string> = {
  article: 'Journal article',
  conference: 'Conference paper',
  preprint: 'Preprint',
  thesis: 'Thesis',
  book: 'Book',
  chapter: 'Book chapter',
  talk: 'Talk',
  other: 'Other',
}
