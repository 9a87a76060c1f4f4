import { marksInUse, marksLegend } from '@/lib/authors'
import { facetsOf, filterPublications, hasFilters, type Filters } from '@/lib/filter'
import { plural } from '@/lib/text'
import type { Publication, Site } from '@/lib/types'
import { PublicationFilters } from './publication-filters'
import { PublicationList } from './publication-list'

/** The publications page: every public paper, or those matching the filters of the query string. */
export function PublicationsView({ publications, site, filters }: { publications: Publication[]; site: Site; filters: Filters }) {
  const shown = filterPublications(publications, filters)
  const legend = marksLegend(marksInUse(publications))
  return (
    <>
      <header className="page-header">
        <h1>publications</h1>
        <p className="page-description">
          publications by categories in reversed chronological order.{legend ? ` ${legend}` : ''}
        </p>
      </header>
      <PublicationFilters facets={facetsOf(publications)} filters={filters} />
      <p className="result-count" role="status">
        {hasFilters(filters)
          ? `${plural(shown.length, 'publication')} of ${publications.length} match.`
          : `${plural(publications.length, 'publication')}.`}
      </p>
      {shown.length > 0 ? (
        <PublicationList publications={shown} site={site} />
      ) : (
        <p className="empty-state">
          {publications.length === 0 ? 'No publications yet.' : 'No publication matches these filters. Try fewer filters or another search.'}
        </p>
      )}
    </>
  )
}
