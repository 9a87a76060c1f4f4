import type { MouseEvent, RefObject } from 'react'
import { fieldLabel } from '@/lib/domain/fields'
import type { FieldErrors } from '@/lib/domain/validation'

/** Every refused field, each a link that moves the focus to its input. */
export function ErrorSummary({
  errors,
  focusRef,
  labelFor = fieldLabel,
}: {
  errors: FieldErrors
  focusRef: RefObject<HTMLDivElement | null>
  /** A field's name for its path: a publication's by default, the settings pass theirs. */
  labelFor?: (path: string) => string
}) {
  const list = Object.entries(errors).flatMap(([path, messages]) => messages.map((message) => ({ path, message })))
  if (list.length === 0) return null
  return (
    <div ref={focusRef} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">Nothing was saved. Please fix:</h2>
      <ul>
        {list.map(({ path, message }) => (
          <li key={`${path}-${message}`}>
            <a href={`#field-${path}`} onClick={(event) => focusField(event, path)}>
              {labelFor(path)}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

function focusField(event: MouseEvent, path: string) {
  event.preventDefault()
  const target = document.querySelector<HTMLElement>(
    `[name="${CSS.escape(path)}"], #field-${CSS.escape(path.split('.')[0] ?? '')}`,
  )
  target?.focus()
}
