'use client'

import { useSyncExternalStore } from 'react'

type Theme = 'light' | 'dark'
export const THEME_STORAGE_KEY = 'theme'

function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'
}

/** The theme on `<html>` (set before paint by the theme script), watched for changes. */
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
  const media = window.matchMedia('(prefers-color-scheme: dark)')
  const follow = (event: MediaQueryListEvent) => {
    if (localStorage.getItem(THEME_STORAGE_KEY)) return
    document.documentElement.dataset.theme = event.matches ? 'dark' : 'light'
  }
  media.addEventListener('change', follow)
  return () => {
    observer.disconnect()
    media.removeEventListener('change', follow)
  }
}

/** Switches between light and dark and remembers the choice; until then the system decides. */
export function ThemeToggle() {
  // Unknown while rendered on the server: the theme is the browser's.
  const theme = useSyncExternalStore<Theme | null>(subscribe, currentTheme, () => null)

  function toggle() {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark'
    document.documentElement.dataset.theme = next
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next)
    } catch {
      // Private browsing may refuse storage; the switch still applies to this page.
    }
  }

  return (
    <button
      type="button"
      className="theme-toggle"
      onClick={toggle}
      // Until its script has run, a click would do nothing (the theme is the system's meanwhile).
      disabled={theme === null}
      aria-pressed={theme === null ? undefined : theme === 'dark'}
    >
      <span aria-hidden="true" className="theme-icon" />
      <span className="visually-hidden">Dark theme</span>
    </button>
  )
}
