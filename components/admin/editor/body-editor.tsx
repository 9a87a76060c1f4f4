import { useEffect, useRef, useState, type ReactNode } from 'react'
import { previewBodyAction } from '@/app/admin/actions'
import { FIELDS } from '@/lib/domain/fields'

/** What the server made of one body: its rendering, or why it has none. */
type Rendered = { body: string; node?: ReactNode; message?: string }

/**
 * The abstract as visitors will see it, rendered on the server by the public pages' renderer
 * after a pause in typing. Only the answer for the latest body is kept; what is shown while it
 * is on its way follows from the body and that answer, so nothing is set while rendering.
 */
function useBodyPreview(body: string) {
  const [rendered, setRendered] = useState<Rendered | null>(null)
  const latest = useRef(0)

  useEffect(() => {
    const request = ++latest.current
    const timer = setTimeout(async () => {
      // An empty body shows no preview, and forgets the last one.
      if (!body.trim()) return setRendered(null)
      try {
        const result = await previewBodyAction(body)
        if (request !== latest.current) return
        setRendered(result.ok ? { body, node: result.preview } : { body, message: result.message })
      } catch {
        if (request === latest.current) setRendered({ body, message: 'The preview could not be loaded.' })
      }
    }, 350)
    return () => clearTimeout(timer)
  }, [body])

  if (!body.trim()) return { state: 'idle' } as const
  if (rendered?.body !== body) return { state: 'loading', node: rendered?.node } as const
  return rendered.message === undefined
    ? ({ state: 'ready', node: rendered.node } as const)
    : ({ state: 'error', message: rendered.message } as const)
}

/**
 * The abstract's text area and, beside it, its preview. `error` is the whole message to show.
 * The site settings' bio, Markdown with math too, uses it under its own name.
 */
export function BodyEditor({
  value,
  onChange,
  error,
  name = 'body',
  label = FIELDS.body.label,
  hint = FIELDS.body.hint,
  rows = 12,
}: {
  value: string
  onChange: (body: string) => void
  error?: string
  name?: string
  label?: string
  hint?: string
  rows?: number
}) {
  const preview = useBodyPreview(value)
  return (
    <div className="body-editor">
      <div className="field">
        <label htmlFor={`field-${name}`}>{label}</label>
        <textarea
          id={`field-${name}`}
          name={name}
          rows={rows}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${name}-hint${error ? ` ${name}-error` : ''}`}
        />
        <p id={`${name}-hint`} className="hint">
          {hint}
        </p>
        {error ? (
          <p id={`${name}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
      <section className="preview" aria-labelledby={`${name}-preview-heading`} aria-busy={preview.state === 'loading'}>
        <h2 id={`${name}-preview-heading`} className="preview-heading">
          Preview
        </h2>
        {preview.state === 'error' ? (
          <p className="form-error">{preview.message}</p>
        ) : preview.state !== 'idle' && preview.node ? (
          <div className="abstract">{preview.node}</div>
        ) : (
          <p className="muted">
            {preview.state === 'loading'
              ? 'Rendering…'
              : `The ${label.toLowerCase()} will appear here as visitors will see it.`}
          </p>
        )}
      </section>
    </div>
  )
}
