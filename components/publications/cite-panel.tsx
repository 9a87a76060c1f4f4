import { CopyButton } from '@/components/ui/copy-button'
import { CITATION_STYLES, formatCitation, toBibtex, toCsl } from '@/lib/citations'
import type { Publication } from '@/lib/types'
import { BibtexBlock } from './bibtex-block'

/** "Cite": the paper in APA, MLA and Chicago with copy buttons, BibTeX, and files to download. */
export function CitePanel({ publication, pageUrl }: { publication: Publication; pageUrl: string }) {
  const item = toCsl(publication, pageUrl)
  const base = `/publications/${publication.slug}/cite`
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
      <BibtexBlock bibtex={toBibtex(publication, pageUrl)} />
      <p className="downloads">
        Download:{' '}
        <a href={`${base}/bibtex`} download>
          BibTeX
        </a>
        {' · '}
        <a href={`${base}/ris`} download>
          RIS
        </a>
        {' · '}
        <a href={`${base}/csl-json`} download>
          CSL-JSON
        </a>
      </p>
    </>
  )
}
