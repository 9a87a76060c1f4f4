'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { routes } from '@/lib/domain/routes.mjs'
import { BibtexBlock } from './bibtex-block'
import { isPanel, PANELS, panelId, type Panel } from '@/lib/markup/entry-panel-kinds'
import { SERVER_HTML_ADDED } from '@/lib/markup/html-slot-store'

type Loaded = { state: 'loading' } | { state: 'ready'; text: string } | { state: 'error' }
type Key = `${string}:${Panel}`

const TOGGLE = '[data-pub] a[data-panel]'
const keyOf = (slug: string, panel: Panel): Key => `${slug}:${panel}`

function toggleTarget(event: Event): { link: HTMLAnchorElement; slug: string; panel: Panel } | undefined {
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(TOGGLE) : null
  return link ? toggleOf(link) : undefined
}

function toggleOf(link: HTMLAnchorElement): { link: HTMLAnchorElement; slug: string; panel: Panel } | undefined {
  const slug = link.closest<HTMLElement>('[data-pub]')?.dataset.pub
  const { panel } = link.dataset
  return slug && isPanel(panel) ? { link, slug, panel } : undefined
}

/**
 * The panel under an entry, made the first time it opens (the list's HTML carries none), after
 * the entry's buttons; the toggle then names it.
 */
function slotFor(link: HTMLAnchorElement, slug: string, panel: Panel): HTMLElement {
  const id = panelId(slug, panel)
  let slot = document.getElementById(id)
  if (!slot) {
    slot = document.createElement('div')
    slot.id = id
    slot.className = panel === 'abstract' ? 'entry-panel abstract' : 'entry-panel'
    slot.hidden = true
    link.closest('.entry-buttons')?.parentElement?.append(slot)
  }
  link.setAttribute('aria-controls', id)
  return slot
}

/**
 * The one client component of a publication list: it makes every entry's ABS and BIB links (see
 * `lib/markup/entry-html.ts`) buttons that open the abstract or the BibTeX under the entry, one at a time per
 * entry as in al-folio, and puts focus back in an author list that "and N more authors" opened.
 * A panel is fetched the first time it opens (the abstract as HTML rendered on the server, with
 * its math), so the list page carries neither. One listener for the whole list, so a list of
 * hundreds hydrates no component per entry.
 */
export function EntryPanels() {
  const [open, setOpen] = useState<Record<string, Panel | undefined>>({})
  const [loaded, setLoaded] = useState<Partial<Record<Key, Loaded>>>({})
  // Which panels have been asked for: kept across renders, read and written only by `load`.
  const [requested] = useState(() => new Set<Key>())

  const load = useCallback(
    async (slug: string, panel: Panel) => {
      const key = keyOf(slug, panel)
      if (requested.has(key)) return
      requested.add(key)
      setLoaded((current) => ({ ...current, [key]: { state: 'loading' } }))
      try {
        const response = await fetch(PANELS[panel].url(slug))
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        const text = await response.text()
        setLoaded((current) => ({ ...current, [key]: { state: 'ready', text } }))
      } catch {
        requested.delete(key)
        setLoaded((current) => ({ ...current, [key]: { state: 'error' } }))
      }
    },
    [requested],
  )

  const toggle = useCallback(
    (slug: string, panel: Panel) => {
      setOpen((current) => ({ ...current, [slug]: current[slug] === panel ? undefined : panel }))
      void load(slug, panel)
    },
    [load],
  )

  useEffect(() => {
    const toggleFrom = (event: Event) => {
      const target = toggleTarget(event)
      if (!target) return
      event.preventDefault()
      slotFor(target.link, target.slug, target.panel)
      toggle(target.slug, target.panel)
    }
    const onClick = (event: MouseEvent) => {
      // A click that opens the paper's page elsewhere (a new tab, a window) stays a link.
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return
      toggleFrom(event)
    }
    // Enter clicks a link by itself; Space presses a button.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === ' ') toggleFrom(event)
    }
    // "and N more authors" hides as it opens: keep keyboard users in the list it revealed.
    const onDisclosure = (event: Event) => {
      const details = event.target
      if (details instanceof HTMLDetailsElement && details.open && details.classList.contains('more-authors'))
        details.closest<HTMLElement>('.authors')?.focus()
    }
    document.addEventListener('click', onClick)
    document.addEventListener('keydown', onKeyDown)
    document.addEventListener('toggle', onDisclosure, true)
    return () => {
      document.removeEventListener('click', onClick)
      document.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('toggle', onDisclosure, true)
    }
  }, [toggle])

  // The links are the server's elements: they become buttons here, once the page is idle, in
  // slices (a list of hundreds, changed in one go as React hydrates, cost the phone a long
  // task), and again for a list that arrives later (ServerHtmlList). A click works before that.
  useEffect(() => {
    let pending: HTMLAnchorElement[] = []
    let scheduled: number | undefined
    const mark = (deadline?: IdleDeadline) => {
      scheduled = undefined
      // A slice, then more while the browser has time to spare (a timer gives none: one slice).
      do {
        for (const link of pending.splice(0, 40)) {
          link.setAttribute('role', 'button')
          if (!link.hasAttribute('aria-expanded')) link.setAttribute('aria-expanded', 'false')
        }
      } while (pending.length && deadline && deadline.timeRemaining() > 1)
      if (pending.length) schedule()
    }
    // Safari has no requestIdleCallback.
    const idle = 'requestIdleCallback' in window
    const schedule = () => {
      scheduled ??= idle ? window.requestIdleCallback(mark, { timeout: 1000 }) : window.setTimeout(mark, 50)
    }
    const collect = () => {
      pending = [...document.querySelectorAll<HTMLAnchorElement>(`${TOGGLE}:not([role])`)]
      schedule()
    }
    collect()
    document.addEventListener(SERVER_HTML_ADDED, collect)
    return () => {
      document.removeEventListener(SERVER_HTML_ADDED, collect)
      if (scheduled !== undefined) (idle ? window.cancelIdleCallback : window.clearTimeout)(scheduled)
    }
  }, [])

  // The state of the entries whose panels changed; the others are left as they are.
  const touched = useRef(new Set<string>())
  useEffect(() => {
    for (const slug of Object.keys(open)) touched.current.add(slug)
    for (const key of Object.keys(loaded)) touched.current.add(key.slice(0, key.lastIndexOf(':')))
    for (const slug of touched.current) {
      for (const link of document.querySelectorAll<HTMLAnchorElement>(
        `[data-pub="${CSS.escape(slug)}"] a[data-panel]`,
      )) {
        const target = toggleOf(link)
        if (!target) continue
        const expanded = open[target.slug] === target.panel
        link.setAttribute('role', 'button')
        link.setAttribute('aria-expanded', String(expanded))
        const slot = document.getElementById(panelId(target.slug, target.panel))
        if (!slot) continue
        slot.hidden = !expanded
        if (loaded[keyOf(target.slug, target.panel)]?.state === 'loading') slot.setAttribute('aria-busy', 'true')
        else slot.removeAttribute('aria-busy')
      }
    }
  }, [open, loaded])

  const shown = Object.keys(loaded) as Key[]
  return shown.map((key) => {
    const separator = key.lastIndexOf(':')
    const slug = key.slice(0, separator)
    const panel = key.slice(separator + 1) as Panel
    const slot = document.getElementById(panelId(slug, panel))
    return slot
      ? createPortal(
          <PanelBody panel={panel} slug={slug} content={loaded[key]} retry={() => void load(slug, panel)} />,
          slot,
          key,
        )
      : null
  })
}

function PanelBody({
  panel,
  slug,
  content,
  retry,
}: {
  panel: Panel
  slug: string
  content: Loaded | undefined
  retry: () => void
}) {
  const { what, anchor } = PANELS[panel]
  if (!content || content.state === 'loading') return <p className="muted">Loading the {what}…</p>
  if (content.state === 'error') {
    return (
      <p className="form-error">
        The {what} could not be loaded.{' '}
        <button type="button" className="link-button" onClick={retry}>
          Try again
        </button>{' '}
        or <a href={routes.publicationSection(slug, anchor)}>open the paper’s page</a>.
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
