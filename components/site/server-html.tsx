'use client'

import { useEffect, useRef, useState, type HTMLAttributes } from 'react'
import { useHydrated } from '@/components/ui/use-hydrated'
import { SERVER_HTML_ADDED, slotHtml } from '@/lib/markup/html-slot-store'

function serverHtml(slot: string): string {
  const html = slotHtml(slot)
  // Kept a moment ago by the same render: a page without it must fail, not be cached empty.
  if (html === undefined) throw new Error(`The server's HTML for slot ${slot} is gone before the page was rendered`)
  return html
}

/** The page at an address, fetched and parsed once for all the lists on it. */
const pages = new Map<string, Promise<Document | undefined>>()

/**
 * The HTML of the slot in the page at the current address, as the server sends it: what a
 * client-side navigation needs, since its React data holds only the slot's key. Undefined when
 * the page no longer has it (the content changed since).
 */
async function fetchSlot(slot: string): Promise<string | undefined> {
  const href = window.location.href
  let page = pages.get(href)
  if (!page) {
    page = fetch(href, { headers: { Accept: 'text/html' } })
      .then(async (response) =>
        response.ok ? new DOMParser().parseFromString(await response.text(), 'text/html') : undefined,
      )
      .finally(() => setTimeout(() => pages.delete(href), 0))
    pages.set(href, page)
  }
  return (await page)?.querySelector(`[data-slot="${CSS.escape(slot)}"]`)?.innerHTML
}

/**
 * A list (`<ol>`) whose items are the server's HTML kept by `keepHtml` (lib/markup/html-slots.ts):
 * written into the page as the server renders it, never into the page's React data. In the
 * browser React adopts the content as it came (an element with `dangerouslySetInnerHTML` is not
 * compared at hydration) and never touches it again.
 *
 * Reached by a client-side navigation, the list has only the key: it fetches the page at the
 * new address and takes the slot's HTML from it, or loads the page for real when that fails.
 */
export function ServerHtmlList({
  slot,
  ...attributes
}: { slot: string } & Omit<HTMLAttributes<HTMLOListElement>, 'children' | 'dangerouslySetInnerHTML'>) {
  // At the first render: false while hydrating the server's HTML, true when rendered in the browser.
  const hydrated = useHydrated()
  // The slot whose HTML the list shows: the server's, once hydrated. Another one (a list rendered
  // in the browser, or re-rendered with other entries) is fetched.
  const [shownSlot, setShownSlot] = useState(hydrated ? undefined : slot)
  const element = useRef<HTMLOListElement>(null)

  useEffect(() => {
    if (slot === shownSlot) return
    let live = true
    fetchSlot(slot)
      .then((html) => {
        if (!live) return
        if (html === undefined) throw new Error('The page no longer holds this list')
        if (element.current) element.current.innerHTML = html
        setShownSlot(slot)
        document.dispatchEvent(new Event(SERVER_HTML_ADDED))
      })
      .catch(() => {
        if (live) window.location.reload()
      })
    return () => {
      live = false
    }
  }, [slot, shownSlot])

  const html = typeof window === 'undefined' ? serverHtml(slot) : ''
  return (
    <ol
      {...attributes}
      ref={element}
      data-slot={slot}
      aria-busy={slot !== shownSlot || undefined}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}
