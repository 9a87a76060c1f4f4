import { useEffect, useRef } from 'react'
import type { EditorValues } from '@/lib/admin/editor-form'
import type { EditorConflict, SaveOptions } from './use-editor-save'

/**
 * Both versions of a file two saves disagree on, as the server sent them (the browser has no
 * serializer), and the ways out: keep mine, take the saved one, or decide later.
 */
export function ConflictPanel({
  conflict,
  values,
  onKeepMine,
  onTakeTheirs,
  onCancel,
}: {
  conflict: EditorConflict
  /** The form as it is now: it may have changed since the save that conflicted. */
  values: EditorValues
  onKeepMine: (options: SaveOptions) => void
  onTakeTheirs: () => void
  onCancel: () => void
}) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const { current } = conflict
  const changedSince = JSON.stringify(values) !== JSON.stringify(conflict.sent)
  return (
    <section className="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" ref={heading} tabIndex={-1}>
        Someone else changed this publication
      </h2>
      <p>{conflict.message}</p>
      <div className="conflict-versions">
        <div>
          <h3>Saved version</h3>
          {current ? (
            <pre aria-label="Saved version">{current.source}</pre>
          ) : (
            <p className="muted">The file was deleted.</p>
          )}
        </div>
        <div>
          <h3>Your version</h3>
          <pre aria-label="Your version">{conflict.mine}</pre>
          {changedSince ? (
            <p className="hint">
              As you tried to save it; the form has changed since, and keeping yours saves the form.
            </p>
          ) : null}
        </div>
      </div>
      <div className="form-actions">
        {current ? (
          <>
            <button
              type="button"
              className="button button-primary"
              onClick={() => onKeepMine({ version: current.version })}
            >
              Keep my version
            </button>
            <button type="button" className="button" onClick={onTakeTheirs}>
              Use the saved version
            </button>
          </>
        ) : (
          <button type="button" className="button button-primary" onClick={() => onKeepMine({ asNew: true })}>
            Save mine as a new publication
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Decide later
        </button>
      </div>
    </section>
  )
}
