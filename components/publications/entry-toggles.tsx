'use client'

import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { BibtexBlock } from './bibtex-block'
import { routes } from '@/lib/domain/routes.mjs'

type Panel = 'abstract' | 'bibtex'
type Loaded = { state: 'loading' } | { state: 'ready'; text: string } | { state: 'error' }

/** Where each panel's content comes from, and the paper page's section that shows it without JavaScript. */
const SOURCES: Record<Panel, { url: (slug: string) => string; anchor: string; what: string }> = {
  abstract: { url: routes.abstract, anchor: 'abstract-heading', what: 'abstract' },
  bibtex: { url: (slug) => routes.cite(slug, 'bibtex'), anchor: 'cite-heading', what: 'BibTeX' },
}

/**
 * ABS and BIB: buttons that open the abstract or the BibTeX under an entry, one at a time as in
 * al-folio. The list page carries neither: a panel is fetched the first time it is opened (the
 * abstract as HTML rendered on the server, with its math), so the page stays small however long
 * the list. Before JavaScript runs, the buttons are links to the paper page's sections.
 */
export function EntryToggles({
  slug,
  hasAbstract,
  children,
}: {
  slug: string
  hasAbstract: boolean
  children?: ReactNode
}) {
  const [open, setOpen] = useState<Panel | null>(null)
  const [loaded, setLoaded] = useState<Partial<Record<Panel, Loaded>>>({})
  const [hydrated, setHydrated] = useState(false)
  const requested = useRef(new Set<Panel>())
  const id = useId()
  useEffect(() => setHydrated(true), [])

  async function load(panel: Panel) {
    if (requested.current.has(panel)) return
    requested.current.add(panel)
    setLoaded((current) => ({ ...current, [panel]: { state: 'loading' } }))
    try {
      const response = await fetch(SOURCES[panel].url(slug))
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const text = await response.text()
      setLoaded((current) => ({ ...current, [panel]: { state: 'ready', text } }))
    } catch {
      requested.current.delete(panel)
      setLoaded((current) => ({ ...current, [panel]: { state: 'error' } }))
    }
  }

  function toggle(panel: Panel) {
    const opening = open !== panel
    setOpen(opening ? panel : null)
    if (opening) void load(panel)
  }

  const button = (panel: Panel, label: string) =>
    hydrated ? (
      <button
        type="button"
        className="button button-small"
        aria-expanded={open === panel}
        aria-controls={`${id}-${panel}`}
        onClick={() => toggle(panel)}
      >
        {label}
      </button>
    ) : (
      <a className="button button-small" href={routes.publicationSection(slug, SOURCES[panel].anchor)}>
        {label}
      </a>
    )

  const body = (panel: Panel) => {
    const content = loaded[panel]
    if (!content || content.state === 'loading') return <p className="muted">Loading the {SOURCES[panel].what}…</p>
    if (content.state === 'error') {
      return (
        <p className="form-error">
          The {SOURCES[panel].what} could not be loaded.{' '}
          <button type="button" className="link-button" onClick={() => void load(panel)}>
            Try again
          </button>{' '}
          or <a href={routes.publicationSection(slug, SOURCES[panel].anchor)}>open the paper’s page</a>.
        </p>
      )
    }
    // The abstract is HTML from this site's own renderer (allowlisted tags, no scripts).
    return panel === 'abstract' ? (
      <div dangerouslySetInnerHTML={{ __html: content.text }} />
    ) : (
      <BibtexBlock bibtex={content.text.trimEnd()} />
    )
  }

  const section = (panel: Panel) => (
    <div
      id={`${id}-${panel}`}
      className={panel === 'abstract' ? 'entry-panel abstract' : 'entry-panel'}
      hidden={open !== panel}
      aria-busy={loaded[panel]?.state === 'loading'}
    >
      {open === panel || loaded[panel] ? body(panel) : null}
    </div>
  )

  return (
    <>
      <div className="entry-buttons">
        {hasAbstract ? button('abstract', 'ABS') : null}
        {button('bibtex', 'BIB')}
        {children}
      </div>
      {hasAbstract ? section('abstract') : null}
      {section('bibtex')}
    </>
  )
}
