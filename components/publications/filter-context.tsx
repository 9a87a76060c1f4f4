'use client'

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { filterPublications, filtersToQuery, parseFilters, type Filters } from '@/lib/filter'
import type { PublicationFrontmatter } from '@/lib/schema'

/** What filtering needs to know of a paper: a few fields, not the rendered entry. */
export type FilterIndexEntry = { slug: string } & Pick<PublicationFrontmatter, 'title' | 'year' | 'type' | 'tags' | 'venue' | 'venueShort'> & {
    authors: { name: string }[]
  }

type FilterState = {
  filters: Filters
  setFilters: (filters: Filters) => void
  shown: number
  total: number
}

const FilterContext = createContext<FilterState | null>(null)

export function useFilters(): FilterState {
  const state = useContext(FilterContext)
  if (!state) throw new Error('useFilters() needs a <FilterProvider>')
  return state
}

/**
 * Holds the filters of the publications page. Every entry is in the page; those that do not match
 * are hidden by a generated style rule, so the server's first render is already filtered (no
 * JavaScript needed) and, with JavaScript, a change filters in place: no reload, no fetch, and the
 * page stays the prerendered one. The address bar follows (pushState), so Back works and the URL
 * can be shared.
 */
export function FilterProvider({ index, initialFilters, children }: { index: FilterIndexEntry[]; initialFilters: Filters; children: ReactNode }) {
  const [filters, setState] = useState(initialFilters)

  // The prerendered page may be shown for a filtered address (client navigations ignore the
  // server's rewrite), and Back/Forward move between our own entries: the address is the truth.
  useEffect(() => {
    const follow = () => setState(parseFilters(new URLSearchParams(window.location.search)))
    if (window.location.pathname === '/publications') follow()
    window.addEventListener('popstate', follow)
    return () => window.removeEventListener('popstate', follow)
  }, [])

  const setFilters = useCallback((next: Filters) => {
    setState(next)
    const url = `/publications${filtersToQuery(next)}`
    if (`${window.location.pathname}${window.location.search}` !== url) window.history.pushState(null, '', url)
  }, [])

  const visible = useMemo(() => new Set(filterPublications(index, filters).map((entry) => entry.slug)), [index, filters])
  const hiddenRule = useMemo(() => {
    const hiddenSlugs = index.filter((entry) => !visible.has(entry.slug)).map((entry) => `[data-pub="${entry.slug}"]`)
    const years = new Set(index.map((entry) => entry.year))
    for (const entry of index) if (visible.has(entry.slug)) years.delete(entry.year)
    const hiddenYears = [...years].map((year) => `[data-year-group="${year}"]`)
    const selectors = [...hiddenSlugs, ...hiddenYears]
    return selectors.length ? `${selectors.join(',')}{display:none}` : ''
  }, [index, visible])

  const state = useMemo(() => ({ filters, setFilters, shown: visible.size, total: index.length }), [filters, setFilters, visible, index.length])

  return (
    <FilterContext.Provider value={state}>
      {/* Slugs are a-z0-9 and hyphens, years digits: nothing here can break out of the rule. */}
      <style>{hiddenRule}</style>
      {children}
    </FilterContext.Provider>
  )
}
