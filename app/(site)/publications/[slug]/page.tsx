import type { Metadata } from 'next'
import { pageAlternates } from '@/lib/formats/feeds'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { CitePanel } from '@/components/publications/cite-panel'
import { TitleText } from '@/components/publications/title-text'
import { abstractHtml } from '@/lib/markup/abstract-html'
import { marksInUse, marksLegend } from '@/lib/domain/authors'
import { getCitationKey, getNeighbours, getPublication, getRelated, getSite } from '@/lib/content'
import { env } from '@/lib/env.mjs'
import { jsonLdScript, scholarlyArticle, scholarTags } from '@/lib/formats/scholar'
import { absoluteUrl, routes } from '@/lib/domain/routes.mjs'
import { PUBLICATION_TYPE_LABELS } from '@/lib/domain/publication-types'
import { mdxToPlainText } from '@/lib/markup/plain-text'
import { firstSentence, monthName, yearMonth } from '@/lib/domain/format'
import { latexToPlainText } from '@/lib/markup/text'
import { authorsHtml, linksHtml } from '@/lib/markup/entry-html'
import { cardImage, paperCardVersion } from '@/lib/og'

type Props = { params: Promise<{ slug: string }> }

/**
 * No paper page is prerendered: each is rendered on its first request and cached until the next
 * save. Prerendering them all made the build grow by a minute per 1,000 papers.
 */
export function generateStaticParams(): { slug: string }[] {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const publication = getPublication((await params).slug)
  if (!publication) return {}
  const abstract = mdxToPlainText(publication.body)
  const title = latexToPlainText(publication.title)
  const description = abstract
    ? firstSentence(abstract)
    : [publication.venue, publication.year].filter(Boolean).join(', ')
  const path = routes.publication(publication.slug)
  return {
    title,
    description,
    alternates: pageAlternates(path),
    // X falls back to og:image for twitter:image.
    openGraph: {
      type: 'article',
      title,
      description,
      url: path,
      siteName: getSite().title,
      images: [
        cardImage(
          routes.card(publication.slug, paperCardVersion(publication, getSite())),
          `${title}: title, authors and venue`,
        ),
      ],
    },
    twitter: { card: 'summary_large_image', title, description },
    other: scholarTags(publication, env.siteUrl),
  }
}

export default async function PublicationPage({ params }: Props) {
  const publication = getPublication((await params).slug)
  if (!publication) notFound()
  const site = getSite()
  const legend = marksLegend(marksInUse([publication]))
  const related = getRelated(publication)
  const { previous, next } = getNeighbours(publication.slug)
  const abstract = publication.body.trim() ? await abstractHtml(publication.body) : undefined
  const details = [
    publication.volume ? `vol. ${publication.volume}` : undefined,
    publication.issue ? `no. ${publication.issue}` : undefined,
    publication.pages ? `pp. ${publication.pages}` : undefined,
  ].filter(Boolean)

  return (
    <article className="paper">
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: jsonLdScript(scholarlyArticle(publication, env.siteUrl)) }}
      />
      <header className={publication.thumbnail ? 'paper-header paper-header-with-thumbnail' : 'paper-header'}>
        {publication.thumbnail ? (
          // eslint-disable-next-line @next/next/no-img-element -- stored at the size the page uses when uploaded
          <img
            className="paper-thumbnail"
            src={publication.thumbnail}
            alt=""
            width={240}
            height={180}
            decoding="async"
          />
        ) : null}
        <p className="paper-kind">
          {publication.venueShort ? <span className="badge">{publication.venueShort}</span> : null}
          <span>{PUBLICATION_TYPE_LABELS[publication.type ?? 'other']}</span>
          {publication.award ? <span className="badge badge-award">{publication.award}</span> : null}
        </p>
        <h1 className="paper-title">
          <TitleText title={publication.title} />
        </h1>
        <p
          className="paper-authors"
          dangerouslySetInnerHTML={{ __html: authorsHtml(publication.authors, site.nameVariants) }}
        />
        {legend ? <p className="legend">{legend}</p> : null}
        <p className="paper-venue">
          {publication.venue ? <em>{publication.venue}</em> : null}
          {details.length ? <span>{`, ${details.join(', ')}`}</span> : null}
          {publication.venue ? ' · ' : null}
          <time dateTime={yearMonth(publication.year, publication.month)}>
            {[monthName(publication.month), publication.year].filter(Boolean).join(' ')}
          </time>
        </p>
        <div className="entry-buttons" dangerouslySetInnerHTML={{ __html: linksHtml(publication) }} />
        {publication.tags?.length ? (
          <ul className="tags" aria-label="Topics">
            {publication.tags.map((tag) => (
              <li key={tag}>
                <Link href={routes.publications({ tag })} prefetch={false}>
                  {tag}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </header>

      {abstract !== undefined ? (
        <section aria-labelledby="abstract-heading" className="paper-section abstract">
          <h2 id="abstract-heading">Abstract</h2>
          {/* One HTML string rather than a tree of KaTeX elements: far less to hydrate. */}
          <div dangerouslySetInnerHTML={{ __html: abstract }} />
        </section>
      ) : null}

      <section aria-labelledby="cite-heading" className="paper-section">
        <h2 id="cite-heading">Cite</h2>
        <CitePanel
          publication={publication}
          pageUrl={absoluteUrl(env.siteUrl, routes.publication(publication.slug))}
          citationKey={getCitationKey(publication.slug) ?? publication.slug}
        />
      </section>

      {related.length ? (
        <section aria-labelledby="related-heading" className="paper-section">
          <h2 id="related-heading">Related publications</h2>
          <ul className="related">
            {related.map((other) => (
              <li key={other.slug}>
                <Link href={routes.publication(other.slug)} prefetch={false}>
                  <TitleText title={other.title} />
                </Link>{' '}
                <span className="muted">
                  {other.venueShort ?? other.venue} {other.year}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <nav aria-label="Previous and next publications" className="paper-pager">
        {previous ? (
          <Link href={routes.publication(previous.slug)} rel="prev" prefetch={false}>
            <span className="pager-label">← Previous</span>
            <span className="pager-title">
              <TitleText title={previous.title} />
            </span>
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={routes.publication(next.slug)} rel="next" className="pager-next" prefetch={false}>
            <span className="pager-label">Next →</span>
            <span className="pager-title">
              <TitleText title={next.title} />
            </span>
          </Link>
        ) : null}
      </nav>
    </article>
  )
}
