'use client'

import Link from 'next/link'
import type { EditorValues } from '@/lib/admin/editor-form'
import { routes } from '@/lib/domain/routes.mjs'
import { ConflictPanel } from './editor/conflict-panel'
import { ErrorSummary } from './editor/error-summary'
import { PublicationFields } from './editor/publication-fields'
import { useEditorSave } from './editor/use-editor-save'
import { useUnsavedGuard } from './use-unsaved-guard'

type Props = { initial: EditorValues; originalSlug?: string; version?: string; justSaved?: boolean }

/** The form for one publication: its fields, the save and what a save answers. */
export function PublicationEditor({ initial, originalSlug, version, justSaved = false }: Props) {
  const editor = useEditorSave({ initial, originalSlug, version, justSaved })
  useUnsavedGuard(editor.dirty)
  const { status, conflict } = editor

  return (
    <form
      className="admin-form editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void editor.save()
      }}
    >
      <ErrorSummary errors={editor.errors} focusRef={editor.summary} />
      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          values={editor.values}
          onKeepMine={(options) => void editor.save(options)}
          onTakeTheirs={editor.takeTheirs}
          onCancel={editor.dismissConflict}
        />
      ) : null}
      <PublicationFields
        values={editor.values}
        set={editor.set}
        errorFor={editor.errorFor}
        onSlugTyped={editor.slugTyped}
        slugFollowsTitle={editor.slugFollowsTitle}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={editor.pending}>
          {editor.pending ? 'Saving…' : 'Save'}
        </button>
        <Link href={routes.admin} className="button button-quiet">
          Back to the list
        </Link>
        <span className="muted">{editor.dirty ? 'Unsaved changes' : ''}</span>
      </div>
      <div role="status" className={status?.tone === 'error' ? 'form-error' : 'form-success'}>
        {status?.text}
        {status?.view ? (
          <>
            {' '}
            <Link href={status.view}>View on the site</Link>
          </>
        ) : null}
      </div>
    </form>
  )
}
