'use client'

import Link from 'next/link'
import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react'
import { hasFilters, parseFilters, type Facets, type Filters } from '@/lib/domain/filter'
import { PUBLICATION_TYPE_LABELS } from '@/lib/domain/publication-types'
import { useFilters } from './filter-context'
import { filtersToQuery, routes } from '@/lib/domain/routes.mjs'
import { SelectOptions } from '@/components/ui/select-options'

type Values = { q: string; type: string; tag: string; year: string }

function toValues(filters: Filters): Values {
  return {
    q: filters.q ?? '',
    type: filters.type ?? '',
    tag: filters.tag ?? '',
    year: filters.year ? String(filters.year) : '',
  }
}

/**
 * A plain GET form, so filtering works without JavaScript (the server filters the first render);
 * with it, choices apply at once and typing after a short pause, in place (on a list cut to its
 * newest years, a choice loads the filtered page and a search applies on Enter).
 */
export function PublicationFilters({ facets }: { facets: Facets }) {
  const { filters, setFilters, rendered } = useFilters()
  // On a list cut to its newest years every change loads a page: typing applies on Enter only.
  const applyWhileTyping = rendered === undefined
  const [values, setValues] = useState<Values>(() => toValues(filters))
  const search = useRef<HTMLInputElement>(null)
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined)
  const applied = filtersToQuery(filters)

  // Back/Forward change the filters from outside: follow them, but never overwrite what is being typed.
  useEffect(() => {
    setValues((current) => {
      const next = toValues(parseFilters(new URLSearchParams(applied)))
      return document.activeElement === search.current ? { ...next, q: current.q } : next
    })
  }, [applied])

  useEffect(() => () => clearTimeout(typing.current), [])

  function apply(next: Values) {
    const parsed = parseFilters(new URLSearchParams(next))
    if (filtersToQuery(parsed) !== applied) setFilters(parsed)
  }

  function change(field: keyof Values, value: string) {
    const next = { ...values, [field]: value }
    setValues(next)
    clearTimeout(typing.current)
    if (field === 'q') {
      if (applyWhileTyping) typing.current = setTimeout(() => apply(next), 300)
    } else apply(next)
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    clearTimeout(typing.current)
    apply(values)
  }

  function clear(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault()
    clearTimeout(typing.current)
    setValues(toValues({}))
    setFilters({})
  }

  return (
    <form className="filters" role="search" method="get" action={routes.publications()} onSubmit={submit}>
      <div className="filter-field filter-search">
        <label htmlFor="filter-q">Search</label>
        <input
          ref={search}
          id="filter-q"
          name="q"
          type="search"
          placeholder="Title, author, venue, topic or abstract"
          value={values.q}
          onChange={(event) => change('q', event.target.value)}
          autoComplete="off"
        />
      </div>
      <FilterSelect
        name="type"
        label="Type"
        all="All types"
        value={values.type}
        onChange={change}
        options={facets.types.map((type) => [type, PUBLICATION_TYPE_LABELS[type]])}
      />
      <FilterSelect
        name="tag"
        label="Topic"
        all="All topics"
        value={values.tag}
        onChange={change}
        options={facets.tags.map((tag) => [tag, tag])}
      />
      <FilterSelect
        name="year"
        label="Year"
        all="All years"
        value={values.year}
        onChange={change}
        options={facets.years.map((year) => [String(year), String(year)])}
      />
      <div className="filter-actions">
        <button type="submit" className="button">
          Apply
        </button>
        {hasFilters(filters) ? (
          <Link className="button button-quiet" href={routes.publications()} prefetch={false} onClick={clear}>
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  )
}

function FilterSelect({
  name,
  label,
  all,
  value,
  options,
  onChange,
}: {
  name: Exclude<keyof Values, 'q'>
  label: string
  all: string
  value: string
  options: [value: string, label: string][]
  onChange: (field: keyof Values, value: string) => void
}) {
  return (
    <div className="filter-field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} value={value} onChange={(event) => onChange(name, event.target.value)}>
        <SelectOptions none={all} options={options} />
      </select>
    </div>
  )
}
