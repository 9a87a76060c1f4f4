'use client'

import { useEffect, useState } from 'react'

type Theme = 'light' | 'dark'
export const THEME_STORAGE_KEY = 'theme'

function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'
}

/** Switches between light and dark and remembers the choice; until then the system decides. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme | null>(null)

  useEffect(() => {
    setTheme(currentTheme())
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const follow = (event: MediaQueryListEvent) => {
      if (localStorage.getItem(THEME_STORAGE_KEY)) return
      document.documentElement.dataset.theme = event.matches ? 'dark' : 'light'
      setTheme(currentTheme())
    }
    media.addEventListener('change', follow)
    return () => media.removeEventListener('change', follow)
  }, [])

  function toggle() {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark'
    document.documentElement.dataset.theme = next
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next)
    } catch {
      // Private browsing may refuse storage; the switch still applies to this page.
    }
    setTheme(next)
  }

  return (
    <button type="button" className="theme-toggle" onClick={toggle} aria-pressed={theme === null ? undefined : theme === 'dark'}>
      <span aria-hidden="true" className="theme-icon" />
      <span className="visually-hidden">Dark theme</span>
    </button>
  )
}
