import { marksInUse, marksLegend } from '@/lib/domain/authors'
import { env } from '@/lib/env.mjs'
import { fitsOnePage, withAbstracts } from '@/lib/content'
import { facetsOf, filterPublications, type Filters } from '@/lib/domain/filter'
import { newestYears } from '@/lib/domain/sort'
import type { Publication, Site } from '@/lib/domain/types'
import { FilterProvider, type FilterIndexEntry } from './filter-context'
import { FilterStatus } from './filter-status'
import { PublicationFilters } from './publication-filters'
import { PublicationList } from './publication-list'
import { routes } from '@/lib/domain/routes.mjs'

/**
 * The publications page. Up to `PUBLICATIONS_PER_PAGE` papers, every public paper is rendered and
 * the filters (from the query string on the server, then from the form) hide those that do not
 * match, in place. A longer list shows the newest whole years of what matches, with links to
 * the earlier years, and filters on the server: one page of thousands of entries would be tens
 * of megabytes, slow to render after each save and to load.
 */
export function PublicationsView({
  publications,
  site,
  filters,
}: {
  publications: Publication[]
  site: Site
  filters: Filters
}) {
  const complete = fitsOnePage(publications)
  // A search reads the abstracts too, which only the server holds (the browser fetches them later).
  const searched = filters.q ? filterPublications(withAbstracts(publications), filters) : undefined
  const matching = complete ? publications : (searched ?? filterPublications(publications, filters))
  const { shown, earlier } = complete
    ? { shown: publications, earlier: [] }
    : newestYears(matching, env.publicationsPerPage)
  const legend = marksLegend(marksInUse(shown))
  const index: FilterIndexEntry[] = complete
    ? publications.map(({ slug, title, year, type, tags, venue, venueShort, authors }) => ({
        slug,
        title,
        year,
        type,
        tags,
        venue,
        venueShort,
        authors: authors.map(({ name }) => ({ name })),
      }))
    : []
  const partial = complete ? undefined : { total: publications.length, matching: matching.length, shown: shown.length }
  return (
    <FilterProvider
      index={index}
      initialFilters={filters}
      {...(complete && searched ? { initialMatches: searched.map(({ slug }) => slug) } : {})}
      {...(partial ? { partial } : {})}
    >
      <header className="page-header">
        <h1>publications</h1>
        <p className="page-description">
          publications by categories in reversed chronological order.{legend ? ` ${legend}` : ''}
        </p>
        <p className="page-description">
          Every paper as a <a href={routes.bibliography}>BibTeX file</a>; new ones in the{' '}
          <a href={routes.feed}>Atom feed</a>.
        </p>
      </header>
      <PublicationFilters facets={facetsOf(publications)} />
      <FilterStatus />
      <PublicationList publications={shown} site={site} />
      {earlier.length ? (
        <nav className="earlier-years" aria-labelledby="earlier-years-heading">
          <h2 id="earlier-years-heading">Earlier years</h2>
          <ul className="year-links">
            {earlier.map(({ year, count }) => (
              <li key={year}>
                {/* A plain link: the page for a year is filtered on the server. */}
                <a href={routes.publications({ ...filters, year })}>{year}</a> <span className="muted">({count})</span>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </FilterProvider>
  )
}
