import type { ReactNode } from 'react'
import { routes } from '@/lib/domain/routes.mjs'
import { PANELS, panelId, type Panel } from './entry-panel-kinds'

/**
 * ABS and BIB under an entry, rendered on the server with no component of their own: links to the
 * paper page's sections, which is what they stay without JavaScript. With it, the list's one
 * `EntryPanels` makes them buttons that open the panel in place.
 */
export function EntryButtons({
  slug,
  hasAbstract,
  children,
}: {
  slug: string
  hasAbstract: boolean
  children?: ReactNode
}) {
  const panels: Panel[] = hasAbstract ? ['abstract', 'bibtex'] : ['bibtex']
  return (
    <>
      <div className="entry-buttons">
        {panels.map((panel) => (
          <a
            key={panel}
            className="button button-small"
            href={routes.publicationSection(slug, PANELS[panel].anchor)}
            data-panel={panel}
            data-slug={slug}
          >
            {PANELS[panel].label}
          </a>
        ))}
        {children}
      </div>
      {panels.map((panel) => (
        <div
          key={panel}
          id={panelId(slug, panel)}
          className={panel === 'abstract' ? 'entry-panel abstract' : 'entry-panel'}
          hidden
        />
      ))}
    </>
  )
}
