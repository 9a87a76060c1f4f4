'use client'

import { useMemo, useState } from 'react'
import { keyAuthorErrors, placeAuthorErrors, type AuthorRow } from '@/lib/admin/editor-form'
import type { FieldErrors } from '@/lib/domain/validation'

/**
 * The form's errors with each author's error on the author it is about: errors name authors by
 * position (`authors.1.name`), and the owner may move or remove authors after the check. Errors
 * are tied to the rows as they are when they arrive, and shown wherever those rows are now.
 */
export function useErrorsFollowAuthors(errors: FieldErrors, authors: readonly AuthorRow[]) {
  const [arrived, setArrived] = useState(() => ({ errors, keyed: keyAuthorErrors(errors, authors) }))
  let current = arrived
  if (arrived.errors !== errors) {
    // New errors: tie them to the rows now, during this render (React's way to adjust state to a prop).
    current = { errors, keyed: keyAuthorErrors(errors, authors) }
    setArrived(current)
  }
  const placed = useMemo(() => placeAuthorErrors(current.keyed, authors), [current.keyed, authors])
  return { errors: placed, errorFor: (path: string) => placed[path]?.join('; ') }
}
