import Link from 'next/link'
import { PublicationList } from '@/components/publications/publication-list'
import { Profile } from '@/components/site/profile'
import { marksInUse, marksLegend } from '@/lib/domain/authors'
import { getPublications, getSite } from '@/lib/content'
import { routes } from '@/lib/domain/routes.mjs'

export default function HomePage() {
  const site = getSite()
  const publications = getPublications()
  const selected = publications.filter((publication) => publication.selected)
  const legend = marksLegend(marksInUse(selected))
  return (
    <>
      <Profile site={site} />
      <section aria-labelledby="selected-heading">
        <h2 id="selected-heading" className="section-heading">
          selected publications
        </h2>
        {legend ? <p className="page-description">{legend}</p> : null}
        {selected.length > 0 ? (
          <PublicationList publications={selected} site={site} level={3} />
        ) : (
          <p className="empty-state">No selected publications yet.</p>
        )}
        <p>
          <Link className="button" href={routes.publications()}>
            All publications ({publications.length}) →
          </Link>
        </p>
      </section>
    </>
  )
}
