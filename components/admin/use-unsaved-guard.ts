'use client'

import { useEffect } from 'react'

const MESSAGE = 'You have unsaved changes. Leave this page without saving them?'

/**
 * Asks before leaving with unsaved changes: the browser's own prompt for reloads and closing, and
 * a confirmation for links inside the app (Next.js navigations do not fire `beforeunload`).
 */
export function useUnsavedGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      event.returnValue = ''
    }
    const click = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]')
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || event.defaultPrevented) return
      if (link.href === window.location.href) return
      if (!window.confirm(MESSAGE)) {
        event.preventDefault()
        event.stopPropagation()
      }
    }
    window.addEventListener('beforeunload', beforeUnload)
    document.addEventListener('click', click, true)
    return () => {
      window.removeEventListener('beforeunload', beforeUnload)
      document.removeEventListener('click', click, true)
    }
  }, [dirty])
}
