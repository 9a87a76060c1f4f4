import { marksInUse, marksLegend } from '@/lib/authors'
import { facetsOf, type Filters } from '@/lib/filter'
import type { Publication, Site } from '@/lib/types'
import { FilterProvider, type FilterIndexEntry } from './filter-context'
import { FilterStatus } from './filter-status'
import { PublicationFilters } from './publication-filters'
import { PublicationList } from './publication-list'

/**
 * The publications page. Every public paper is rendered; the filters (from the query string on the
 * server, then from the form) hide those that do not match.
 */
export function PublicationsView({ publications, site, filters }: { publications: Publication[]; site: Site; filters: Filters }) {
  const legend = marksLegend(marksInUse(publications))
  const index: FilterIndexEntry[] = publications.map(({ slug, title, year, type, tags, venue, venueShort, authors }) => ({
    slug,
    title,
    year,
    type,
    tags,
    venue,
    venueShort,
    authors: authors.map(({ name }) => ({ name })),
  }))
  return (
    <FilterProvider index={index} initialFilters={filters}>
      <header className="page-header">
        <h1>publications</h1>
        <p className="page-description">
          publications by categories in reversed chronological order.{legend ? ` ${legend}` : ''}
        </p>
      </header>
      <PublicationFilters facets={facetsOf(publications)} />
      <FilterStatus />
      <PublicationList publications={publications} site={site} />
    </FilterProvider>
  )
}
