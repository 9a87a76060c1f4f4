import type { PublicationFrontmatter } from './schema'

type Sortable = Pick<PublicationFrontmatter, 'year' | 'month' | 'order' | 'title'>

/**
 * Newest year first; within a year, newest month first (known months before unknown ones),
 * then the owner's explicit `order` (1 first), then title, so the result never depends on
 * file system order.
 */
export function comparePublications(a: Sortable, b: Sortable): number {
  return (
    b.year - a.year ||
    (b.month ?? 0) - (a.month ?? 0) ||
    (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) ||
    a.title.localeCompare(b.title)
  )
}

export function sortPublications<T extends Sortable>(publications: readonly T[]): T[] {
  return [...publications].sort(comparePublications)
}

export type YearGroup<T> = { year: number; publications: T[] }

/** Groups already sorted publications under their year, keeping their order. */
export function groupByYear<T extends Sortable>(publications: readonly T[]): YearGroup<T>[] {
  const groups: YearGroup<T>[] = []
  for (const publication of sortPublications(publications)) {
    const last = groups.at(-1)
    if (last && last.year === publication.year) last.publications.push(publication)
    else groups.push({ year: publication.year, publications: [publication] })
  }
  return groups
}

/**
 * The newest whole years of a list (sorted or not) holding at most `limit` entries, and always
 * at least one year; `earlier` are the years left out, newest first, with their counts.
 */
export function newestYears<T extends Sortable>(
  publications: readonly T[],
  limit: number,
): { shown: T[]; earlier: { year: number; count: number }[] } {
  const shown: T[] = []
  const earlier: { year: number; count: number }[] = []
  for (const group of groupByYear(publications)) {
    if (earlier.length === 0 && (shown.length === 0 || shown.length + group.publications.length <= limit))
      shown.push(...group.publications)
    else earlier.push({ year: group.year, count: group.publications.length })
  }
  return { shown, earlier }
}
