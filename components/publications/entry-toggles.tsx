'use client'

import { useId, useState, type ReactNode } from 'react'

type Panel = 'abstract' | 'bibtex'

/**
 * ABS and BIB: buttons that open the abstract or the BibTeX under an entry, one at a time as in
 * al-folio. Both panels are rendered on the server; this only toggles them.
 */
export function EntryToggles({ abstract, bibtex, children }: { abstract?: ReactNode; bibtex: ReactNode; children?: ReactNode }) {
  const [open, setOpen] = useState<Panel | null>(null)
  const id = useId()
  const toggle = (panel: Panel) => setOpen((current) => (current === panel ? null : panel))

  return (
    <>
      <div className="entry-buttons">
        {abstract ? (
          <button
            type="button"
            className="button button-small"
            aria-expanded={open === 'abstract'}
            aria-controls={`${id}-abs`}
            onClick={() => toggle('abstract')}
          >
            ABS
          </button>
        ) : null}
        <button
          type="button"
          className="button button-small"
          aria-expanded={open === 'bibtex'}
          aria-controls={`${id}-bib`}
          onClick={() => toggle('bibtex')}
        >
          BIB
        </button>
        {children}
      </div>
      {abstract ? (
        <div id={`${id}-abs`} className="entry-panel abstract" hidden={open !== 'abstract'}>
          {abstract}
        </div>
      ) : null}
      <div id={`${id}-bib`} className="entry-panel" hidden={open !== 'bibtex'}>
        {bibtex}
      </div>
    </>
  )
}
