'use client'

import { useEffect, useEffectEvent, useRef, useState } from 'react'

const MESSAGE = 'You have unsaved changes. Leave this page without saving them?'

/** Marks the history entries this page pushes as guards: a reload is a new page, with a new value. */
const GUARD_KEY = 'unsavedGuard'
const PAGE_TOKEN = Math.random().toString(36).slice(2)

/** How long a step back before a save may take before the save goes ahead anyway. */
const RELEASE_TIMEOUT_MS = 1_000

/**
 * Asks before leaving with unsaved changes: the browser's own prompt when the tab is closed or
 * reloaded (`beforeunload`), and a confirmation for links inside the app and for Back, which
 * Next.js handles in the page, so `beforeunload` never fires for them.
 *
 * Next.js has no way to hold a navigation (vercel/next.js discussion 49532), and its router
 * reacts to `popstate` before any listener a page adds, so Back is caught one step early: while
 * the form has changes, a copy of the current history entry (the guard) sits on top. Back lands
 * on the real entry, at the same address, which the router shows as it is; staying puts the guard
 * back, leaving takes the step that was asked for. With no changes left, the guard is passed over.
 *
 * A save must run through `whileSaving`: the guard is taken off first, because a save may replace
 * the page's address (a new paper gets its own), and Back must then lead where it did before.
 */
export function useUnsavedGuard(dirty: boolean) {
  /** A guard entry is on top of this page's own entry, at `guarded.href`. */
  const guarded = useRef<{ href: string } | null>(null)
  /** Resolves the step back that takes the guard off. */
  const released = useRef<(() => void) | null>(null)
  const saving = useRef(false)
  /** The owner agreed to leave: the browser need not ask again on the way out. */
  const leaving = useRef(false)
  const [saves, setSaves] = useState(0)

  function arm() {
    const state: unknown = window.history.state
    // The copy keeps Next.js's own state (`__NA`), so its router takes the entry as one of its own.
    window.history.pushState({ ...(isRecord(state) ? state : {}), [GUARD_KEY]: PAGE_TOKEN }, '', window.location.href)
    guarded.current = { href: window.location.href }
  }

  function release(): Promise<void> {
    if (!guarded.current) return Promise.resolve()
    guarded.current = null
    return new Promise((resolve) => {
      const done = () => {
        released.current = null
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(done, RELEASE_TIMEOUT_MS)
      released.current = done
      window.history.back()
    })
  }

  const onPopState = useEffectEvent(() => {
    if (released.current) {
      released.current()
      return
    }
    const guard = guarded.current
    guarded.current = onGuardEntry() ? { href: window.location.href } : null
    // No guard was passed, or a jump of several entries (the Back button's menu) is already on its way.
    if (!guard || window.location.href !== guard.href) return
    if (dirty && !window.confirm(MESSAGE)) {
      arm()
      return
    }
    leaving.current = dirty
    window.history.back()
  })

  // A link followed after the guard came off would race the router's restoring of the entry
  // below it, and lose; so the guard stays, and is passed over when Back comes to it again.
  const onClick = useEffectEvent((event: MouseEvent) => {
    if (!dirty || !linkToAnotherPage(event)) return
    if (window.confirm(MESSAGE)) {
      leaving.current = true
      return
    }
    event.preventDefault()
    event.stopPropagation()
  })

  const onBeforeUnload = useEffectEvent((event: BeforeUnloadEvent) => {
    if (!dirty || leaving.current) return
    event.preventDefault()
    event.returnValue = ''
  })

  useEffect(() => {
    // Shown again on a guard entry of this page (Back from a page the owner went on to).
    if (onGuardEntry()) guarded.current = { href: window.location.href }
    const popState = () => onPopState()
    const click = (event: MouseEvent) => onClick(event)
    const beforeUnload = (event: BeforeUnloadEvent) => onBeforeUnload(event)
    // Still here and at work after agreeing to leave: the way out did not happen.
    const stayed = () => {
      leaving.current = false
    }
    window.addEventListener('popstate', popState)
    document.addEventListener('click', click, true)
    window.addEventListener('beforeunload', beforeUnload)
    document.addEventListener('keydown', stayed, true)
    document.addEventListener('pointerdown', stayed, true)
    return () => {
      window.removeEventListener('popstate', popState)
      document.removeEventListener('click', click, true)
      window.removeEventListener('beforeunload', beforeUnload)
      document.removeEventListener('keydown', stayed, true)
      document.removeEventListener('pointerdown', stayed, true)
    }
  }, [])

  // `saves` counts finished saves: after one, the guard goes back if changes remain.
  useEffect(() => {
    if (dirty && !guarded.current && !saving.current) arm()
  }, [dirty, saves])

  return {
    /** Runs a save with the guard off the history, and puts it back after if changes remain. */
    async whileSaving<T>(save: () => Promise<T>): Promise<T> {
      saving.current = true
      try {
        await release()
        return await save()
      } finally {
        saving.current = false
        setSaves((count) => count + 1)
      }
    },
  }
}

/**
 * Whether a click follows a link to another page of this site: new tabs, downloads, jumps within
 * the page and other sites are the browser's (`beforeunload` covers the last).
 */
function linkToAnotherPage(event: MouseEvent): boolean {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute('download')) return false
  if (link.target && link.target !== '_self') return false
  const to = new URL(link.href)
  const here = new URL(window.location.href)
  return to.origin === here.origin && (to.pathname !== here.pathname || to.search !== here.search)
}

/** Whether the current history entry is a guard this page pushed. */
function onGuardEntry(): boolean {
  const state: unknown = window.history.state
  return isRecord(state) && state[GUARD_KEY] === PAGE_TOKEN
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
