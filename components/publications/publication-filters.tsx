'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react'
import { filtersToQuery, hasFilters, parseFilters, type Facets, type Filters } from '@/lib/filter'
import { PUBLICATION_TYPE_LABELS } from '@/lib/schema'

/**
 * Survives the remount that happens when the query string changes (Next keys the page by it), so
 * typing in the search box never loses focus or the caret.
 */
let searchFocus: { start: number; end: number } | null = null

type Values = { q: string; type: string; tag: string; year: string }

function toValues(filters: Filters): Values {
  return { q: filters.q ?? '', type: filters.type ?? '', tag: filters.tag ?? '', year: filters.year ? String(filters.year) : '' }
}

/**
 * A plain GET form, so filtering works without JavaScript; with it, changes navigate in place
 * (the server still filters) and the URL stays shareable.
 */
export function PublicationFilters({ facets, filters }: { facets: Facets; filters: Filters }) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [values, setValues] = useState<Values>(() => toValues(filters))
  const search = useRef<HTMLInputElement>(null)
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined)
  const applied = filtersToQuery(filters)

  // Back/forward and shared links change the filters from outside: follow them, but never
  // overwrite what is being typed.
  useEffect(() => {
    setValues((current) => {
      const next = toValues(filters)
      return document.activeElement === search.current ? { ...next, q: current.q } : next
    })
    // `applied` is the serialized form of `filters`.
  }, [applied])

  useEffect(() => {
    if (!searchFocus || !search.current) return
    search.current.focus()
    search.current.setSelectionRange(searchFocus.start, searchFocus.end)
    searchFocus = null
  }, [])

  useEffect(() => () => clearTimeout(typing.current), [])

  function navigate(next: Values) {
    const query = filtersToQuery(parseFilters(new URLSearchParams(next)))
    if (query === applied) return
    const input = search.current
    searchFocus = input && document.activeElement === input ? { start: input.selectionStart ?? 0, end: input.selectionEnd ?? 0 } : null
    startTransition(() => router.push(`/publications${query}`, { scroll: false }))
  }

  function change(field: keyof Values, value: string) {
    const next = { ...values, [field]: value }
    setValues(next)
    clearTimeout(typing.current)
    if (field === 'q') typing.current = setTimeout(() => navigate(next), 300)
    else navigate(next)
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    clearTimeout(typing.current)
    navigate(values)
  }

  return (
    <form className="filters" role="search" method="get" action="/publications" onSubmit={submit} aria-busy={pending}>
      <div className="filter-field filter-search">
        <label htmlFor="filter-q">Search</label>
        <input
          ref={search}
          id="filter-q"
          name="q"
          type="search"
          placeholder="Title, author or venue"
          value={values.q}
          onChange={(event) => change('q', event.target.value)}
          autoComplete="off"
        />
      </div>
      <div className="filter-field">
        <label htmlFor="filter-type">Type</label>
        <select id="filter-type" name="type" value={values.type} onChange={(event) => change('type', event.target.value)}>
          <option value="">All types</option>
          {facets.types.map((type) => (
            <option key={type} value={type}>
              {PUBLICATION_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor="filter-tag">Topic</label>
        <select id="filter-tag" name="tag" value={values.tag} onChange={(event) => change('tag', event.target.value)}>
          <option value="">All topics</option>
          {facets.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor="filter-year">Year</label>
        <select id="filter-year" name="year" value={values.year} onChange={(event) => change('year', event.target.value)}>
          <option value="">All years</option>
          {facets.years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-actions">
        <button type="submit" className="button">
          Apply
        </button>
        {hasFilters(filters) ? (
          <Link className="button button-quiet" href="/publications" scroll={false}>
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  )
}
