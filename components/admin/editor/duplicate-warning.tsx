import Link from 'next/link'
import { useEffect, useRef } from 'react'
import { fieldInSentence } from '@/lib/domain/fields'
import { routes } from '@/lib/domain/routes.mjs'
import type { DuplicateWarning } from '@/lib/store'

/**
 * A save held back because the paper repeats others: each one named, with a link to its editor
 * and the field the two share, and the ways out: save anyway (another paper after all), or not.
 */
export function DuplicateWarningPanel({
  warning,
  pending,
  onSaveAnyway,
  onCancel,
}: {
  warning: DuplicateWarning
  pending: boolean
  onSaveAnyway: () => void
  onCancel: () => void
}) {
  const panel = useRef<HTMLDivElement>(null)
  // Each new warning takes the focus, as the error summary does, so it is read out and acted on.
  useEffect(() => panel.current?.focus(), [warning])
  return (
    <div ref={panel} className="duplicate-warning" role="alert" tabIndex={-1} aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading">This paper may already be in your list</h2>
      <p>Nothing was saved. It shares a detail with:</p>
      <ul>
        {warning.duplicates.map(({ slug, title, reason }) => (
          <li key={slug}>
            <Link href={routes.edit(slug)}>{title}</Link> <span className="muted">({slug})</span>: same{' '}
            {fieldInSentence(reason)}
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={pending} onClick={onSaveAnyway}>
          Save anyway
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}
