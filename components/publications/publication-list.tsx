import { groupByYear } from '@/lib/domain/sort'
import type { Publication, Site } from '@/lib/domain/types'
import { entriesHtml } from '@/lib/markup/entry-html'
import { keepHtml } from '@/lib/markup/html-slots'
import { ServerHtmlList } from '@/components/site/server-html'
import { EntryPanels } from './entry-panels'

/**
 * Years as headings at `level`, paper titles one level below, so pages keep a sensible outline.
 * Each year's entries are HTML made on the server (`lib/markup/entry-html.ts`), written into the
 * page but kept out of its React data (`ServerHtmlList`): React hydrates none of them and the page
 * carries each once. The list's one `EntryPanels` opens their panels.
 */
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
  const groups = groupByYear(publications)
  // Entries are numbered across the page: their titles' ids.
  const firstIndex = groups.reduce<number[]>(
    (firsts, _group, i) => [...firsts, i === 0 ? 0 : (firsts[i - 1] ?? 0) + (groups[i - 1]?.publications.length ?? 0)],
    [],
  )
  return (
    <>
      {groups.map((group, i) => (
        <section
          key={group.year}
          className="year-group"
          aria-labelledby={`year-${group.year}`}
          data-year-group={group.year}
        >
          <YearHeading className="year-heading" id={`year-${group.year}`}>
            {group.year}
          </YearHeading>
          <ServerHtmlList
            className="entries"
            slot={keepHtml(entriesHtml(group.publications, site, level === 2 ? 3 : 4, firstIndex[i]))}
          />
        </section>
      ))}
      <EntryPanels />
    </>
  )
}
