import { PUBLICATION_TYPES, type PublicationType } from './publication-types'
import type { PublicationFrontmatter } from './schema'
import { normalizeText } from './format'

export type Filters = {
  type?: PublicationType
  tag?: string
  year?: number
  q?: string
}

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>

function first(params: SearchParamsLike, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key]
  const single = Array.isArray(value) ? value[0] : value
  const trimmed = single?.trim()
  return trimmed ? trimmed : undefined
}

/** Reads filters from a query string; values that cannot be valid are dropped, never trusted. */
export function parseFilters(params: SearchParamsLike): Filters {
  const filters: Filters = {}
  const type = first(params, 'type')
  if (type && (PUBLICATION_TYPES as readonly string[]).includes(type)) filters.type = type as PublicationType
  const tag = first(params, 'tag')
  if (tag) filters.tag = tag.slice(0, 60)
  const year = first(params, 'year')
  if (year && /^\d{4}$/.test(year)) filters.year = Number(year)
  const q = first(params, 'q')
  if (q) filters.q = q.slice(0, 200)
  return filters
}

export function hasFilters(filters: Filters): boolean {
  return Object.values(filters).some((value) => value !== undefined)
}

/** What the filters read of a paper; `abstract` is its abstract as plain text, when known. */
export type Filterable = Pick<
  PublicationFrontmatter,
  'title' | 'authors' | 'venue' | 'venueShort' | 'type' | 'tags' | 'year'
> & { abstract?: string }

/** Every word of the search must appear in the title, an author's name, the venue, a topic or the abstract. */
export function matchesSearch(publication: Filterable, q: string): boolean {
  const haystack = normalizeText(
    [
      publication.title,
      publication.venue ?? '',
      publication.venueShort ?? '',
      ...publication.authors.map((a) => a.name),
      ...(publication.tags ?? []),
      publication.abstract ?? '',
    ].join(' '),
  )
  return normalizeText(q)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word))
}

export function filterPublications<T extends Filterable>(publications: readonly T[], filters: Filters): T[] {
  return publications.filter(
    (publication) =>
      (filters.type === undefined || (publication.type ?? 'other') === filters.type) &&
      (filters.tag === undefined || (publication.tags ?? []).includes(filters.tag)) &&
      (filters.year === undefined || publication.year === filters.year) &&
      (filters.q === undefined || matchesSearch(publication, filters.q)),
  )
}

export type Facets = { types: PublicationType[]; tags: string[]; years: number[] }

/** The choices worth offering: only values that some publication has. */
export function facetsOf(publications: readonly Filterable[]): Facets {
  const types = new Set<PublicationType>()
  const tags = new Set<string>()
  const years = new Set<number>()
  for (const publication of publications) {
    types.add(publication.type ?? 'other')
    for (const tag of publication.tags ?? []) tags.add(tag)
    years.add(publication.year)
  }
  return {
    types: PUBLICATION_TYPES.filter((type) => types.has(type)),
    tags: [...tags].sort((a, b) => a.localeCompare(b)),
    years: [...years].sort((a, b) => b - a),
  }
}
