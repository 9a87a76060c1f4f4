'use client'

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { filterPublications, parseFilters, type Filters } from '@/lib/domain/filter'
import type { PublicationFrontmatter } from '@/lib/domain/schema'
import { filtersToQuery, routes } from '@/lib/domain/routes.mjs'

/** What filtering needs to know of a paper: a few fields, not the rendered entry. */
export type FilterIndexEntry = { slug: string } & Pick<
  PublicationFrontmatter,
  'title' | 'year' | 'type' | 'tags' | 'venue' | 'venueShort'
> & {
    authors: { name: string }[]
  }

type FilterState = {
  filters: Filters
  setFilters: (filters: Filters) => void
  /** How many papers match. */
  shown: number
  total: number
  /** On a list cut to its newest years: how many of the matches the page holds. */
  rendered?: number
}

/** A list too long for one page: the server filtered it and rendered the newest years. */
export type PartialList = { total: number; matching: number; shown: number }

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
 *
 * The search reads abstracts too. They are not in the page: the server passes the papers its
 * search matched (`initialMatches`), and the browser fetches the abstracts the first time the
 * filters hold a search, typed or in the address (`routes.searchIndex`); until they arrive, a
 * search matches the other fields.
 */
export function FilterProvider({
  index,
  initialFilters,
  initialMatches,
  partial,
  children,
}: {
  index: FilterIndexEntry[]
  initialFilters: Filters
  /** With a search in `initialFilters`: the slugs the server found for them, abstracts included. */
  initialMatches?: string[]
  partial?: PartialList
  children: ReactNode
}) {
  const [filters, setState] = useState(initialFilters)
  const [abstracts, setAbstracts] = useState<Record<string, string>>()
  const abstractsAsked = useRef(false)
  const searching = !partial && Boolean(filters.q)

  useEffect(() => {
    if (!searching || abstractsAsked.current) return
    abstractsAsked.current = true
    fetch(routes.searchIndex)
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((data: Record<string, string>) => setAbstracts(data))
      // Without them the search still matches titles, authors, venues and topics; the next page load asks again.
      .catch(() => undefined)
  }, [searching])

  // The prerendered page may be shown for a filtered address (client navigations ignore the
  // server's rewrite), and Back/Forward move between our own entries: the address is the truth.
  useEffect(() => {
    // A cut list was filtered on the server: when it was reached by a client navigation that
    // skipped the rewrite, load the address for real.
    if (
      partial &&
      window.location.pathname === routes.publications() &&
      filtersToQuery(parseFilters(new URLSearchParams(window.location.search))) !== filtersToQuery(initialFilters)
    ) {
      window.location.replace(window.location.href)
      return
    }
    const follow = () => setState(parseFilters(new URLSearchParams(window.location.search)))
    if (window.location.pathname === routes.publications()) follow()
    window.addEventListener('popstate', follow)
    return () => window.removeEventListener('popstate', follow)
    // Once, on hydration: the filters of the address the page was served for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const setFilters = useCallback(
    (next: Filters) => {
      const url = routes.publications(next)
      // A cut list holds only some of the papers: the server filters (a page load, as without JavaScript).
      if (partial) {
        if (`${window.location.pathname}${window.location.search}` !== url) window.location.assign(url)
        return
      }
      setState(next)
      if (`${window.location.pathname}${window.location.search}` !== url) window.history.pushState(null, '', url)
    },
    [partial],
  )

  const visible = useMemo(() => {
    if (!abstracts && initialMatches && filtersToQuery(filters) === filtersToQuery(initialFilters))
      return new Set(initialMatches)
    const entries = abstracts ? index.map((entry) => ({ ...entry, abstract: abstracts[entry.slug] })) : index
    return new Set(filterPublications(entries, filters).map((entry) => entry.slug))
  }, [index, filters, abstracts, initialMatches, initialFilters])
  const hiddenRule = useMemo(() => {
    if (partial) return ''
    const hiddenSlugs = index.filter((entry) => !visible.has(entry.slug)).map((entry) => `[data-pub="${entry.slug}"]`)
    const years = new Set(index.map((entry) => entry.year))
    for (const entry of index) if (visible.has(entry.slug)) years.delete(entry.year)
    const hiddenYears = [...years].map((year) => `[data-year-group="${year}"]`)
    const selectors = [...hiddenSlugs, ...hiddenYears]
    return selectors.length ? `${selectors.join(',')}{display:none}` : ''
  }, [index, visible, partial])

  const state = useMemo(
    () =>
      partial
        ? { filters, setFilters, shown: partial.matching, total: partial.total, rendered: partial.shown }
        : { filters, setFilters, shown: visible.size, total: index.length },
    [filters, setFilters, visible, index.length, partial],
  )

  return (
    <FilterContext.Provider value={state}>
      {/* Slugs are a-z0-9 and hyphens, years digits: nothing here can break out of the rule. */}
      <style>{hiddenRule}</style>
      {children}
    </FilterContext.Provider>
  )
}
