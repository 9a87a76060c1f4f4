import { CopyButton } from '@/components/ui/copy-button'
import { CITATION_STYLES, citableItem, formatCitation, toBibtexEntries } from '@/lib/formats/citations'
import type { Publication } from '@/lib/domain/types'
import { BibtexBlock } from './bibtex-block'
import { routes } from '@/lib/domain/routes.mjs'

/**
 * "Cite": the paper in APA, MLA and Chicago with copy buttons, BibTeX, and files to download.
 * `citationKey` is the paper's key in `/publications.bib` (`getCitationKey`).
 */
export function CitePanel({
  publication,
  pageUrl,
  citationKey,
}: {
  publication: Publication
  pageUrl: string
  citationKey: string
}) {
  const item = citableItem(publication, pageUrl, citationKey)
  return (
    <>
      <dl className="citations">
        {CITATION_STYLES.map((style) => {
          const text = formatCitation(item, style.id)
          return (
            <div key={style.id} className="citation">
              <dt>{style.label}</dt>
              <dd>
                <p>{text}</p>
                <CopyButton text={text} label={`Copy ${style.label}`} />
              </dd>
            </div>
          )
        })}
      </dl>
      <BibtexBlock bibtex={toBibtexEntries(item)} />
      <p className="downloads">
        Download:{' '}
        <a href={routes.cite(publication.slug, 'bibtex')} download>
          BibTeX
        </a>
        {' · '}
        <a href={routes.cite(publication.slug, 'ris')} download>
          RIS
        </a>
        {' · '}
        <a href={routes.cite(publication.slug, 'csl-json')} download>
          CSL-JSON
        </a>
      </p>
    </>
  )
}
