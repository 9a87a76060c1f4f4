import { routes } from '../domain/routes.mjs'

/** The panels an entry of a list can open under it, al-folio style. */
export type Panel = 'abstract' | 'bibtex'

/** For each: its button, where its content comes from, and the paper page's section that shows it without JavaScript. */
export const PANELS: Record<Panel, { label: string; url: (slug: string) => string; anchor: string; what: string }> = {
  abstract: { label: 'ABS', url: routes.abstract, anchor: 'abstract-heading', what: 'abstract' },
  bibtex: { label: 'BIB', url: (slug) => routes.cite(slug, 'bibtex'), anchor: 'cite-heading', what: 'BibTeX' },
}

/** A slug appears once per list page, so its panels' ids are unique there. */
export const panelId = (slug: string, panel: Panel) => `${panel}-panel-${slug}`

export const isPanel = (value: string | undefined): value is Panel => value === 'abstract' || value === 'bibtex'
