'use client'

import { hasFilters } from '@/lib/domain/filter'
import { plural } from '@/lib/domain/format'
import { useFilters } from './filter-context'

export function FilterStatus() {
  const { filters, shown, total, rendered } = useFilters()
  return (
    <>
      <p className="result-count" role="status">
        {hasFilters(filters)
          ? `${plural(shown, 'publication')} of ${total} ${shown === 1 ? 'matches' : 'match'}.`
          : `${plural(total, 'publication')}.`}
      </p>
      {rendered !== undefined && rendered < shown ? (
        <p className="muted">The newest {rendered} are shown here; earlier years are linked below the list.</p>
      ) : null}
      {total === 0 ? (
        <p className="empty-state">No publications yet.</p>
      ) : shown === 0 ? (
        <p className="empty-state">No publication matches these filters. Try fewer filters or another search.</p>
      ) : null}
    </>
  )
}
