import { groupByYear } from '@/lib/domain/sort'
import type { Publication, Site } from '@/lib/domain/types'
import { EntryPanels } from './entry-panels'
import { PublicationEntry } from './publication-entry'

/** Years as headings at `level`, paper titles one level below, so pages keep a sensible outline. */
export function PublicationList({
  publications,
  site,
  level = 2,
}: {
  publications: Publication[]
  site: Site
  level?: 2 | 3
}) {
  const YearHeading = level === 2 ? 'h2' : 'h3'
  const groups = groupByYear(publications).map((group) => (
    <section
      key={group.year}
      className="year-group"
      aria-labelledby={`year-${group.year}`}
      data-year-group={group.year}
    >
      <YearHeading className="year-heading" id={`year-${group.year}`}>
        {group.year}
      </YearHeading>
      <ol className="entries">
        {group.publications.map((publication) => (
          <li key={publication.slug} data-pub={publication.slug}>
            <PublicationEntry publication={publication} site={site} titleLevel={level === 2 ? 3 : 4} />
          </li>
        ))}
      </ol>
    </section>
  ))
  return (
    <>
      {groups}
      <EntryPanels />
    </>
  )
}
