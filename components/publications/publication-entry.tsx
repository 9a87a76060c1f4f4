import { latexToPlainText } from '@/lib/markup/text'
import type { Publication, Site } from '@/lib/domain/types'
import { AuthorList } from './author-list'
import { EntryButtons } from './entry-buttons'
import { PublicationLinks } from './publication-links'
import { TitleText } from './title-text'
import { VenueLine } from './venue-line'
import { routes } from '@/lib/domain/routes.mjs'

/** One entry of a publication list, al-folio style: badge, title, authors, venue, buttons. */
export function PublicationEntry({
  publication,
  site,
  titleLevel,
}: {
  publication: Publication
  site: Site
  titleLevel: 3 | 4
}) {
  const Title = titleLevel === 3 ? 'h3' : 'h4'
  const plainTitle = latexToPlainText(publication.title)
  return (
    <article className="entry" aria-labelledby={`title-${publication.slug}`}>
      <div className="entry-badge">
        {publication.venueShort ? <span className="badge">{publication.venueShort}</span> : null}
      </div>
      <div className="entry-body">
        <Title className="entry-title" id={`title-${publication.slug}`}>
          {/* A plain link: a list of hundreds must not prefetch every paper it shows. */}
          <a href={routes.publication(publication.slug)}>
            <TitleText title={publication.title} />
          </a>
        </Title>
        {/* A div: "and N more authors" is a <details>, which a <p> may not hold. */}
        <div className="entry-authors">
          <AuthorList authors={publication.authors} ownerNames={site.nameVariants} max={site.maxAuthors} />
        </div>
        <p className="entry-venue">
          <VenueLine publication={publication} />
          {publication.award ? <span className="badge badge-award">{publication.award}</span> : null}
        </p>
        <EntryButtons slug={publication.slug} hasAbstract={publication.body.trim() !== ''}>
          <PublicationLinks publication={publication} title={plainTitle} />
        </EntryButtons>
      </div>
    </article>
  )
}
