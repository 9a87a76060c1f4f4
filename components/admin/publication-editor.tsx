'use client'

import type { EditorValues } from '@/lib/admin/editor-form'
import { routes } from '@/lib/domain/routes.mjs'
import { ConflictPanel } from './editor/conflict-panel'
import { DuplicateWarningPanel } from './editor/duplicate-warning'
import { ErrorSummary } from './editor/error-summary'
import { PublicationFields } from './editor/publication-fields'
import { SaveBar } from './editor/save-bar'
import { useErrorsFollowAuthors } from './editor/use-author-errors'
import { useEditorKeys } from './editor/use-editor-keys'
import { useEditorSave } from './editor/use-editor-save'
import { useUnsavedGuard } from './editor/use-unsaved-guard'

type Props = { initial: EditorValues; originalSlug?: string; version?: string; justSaved?: boolean }

/** The form for one publication: its fields, the save and what a save answers. */
export function PublicationEditor({ initial, originalSlug, version, justSaved = false }: Props) {
  const editor = useEditorSave({ initial, originalSlug, version, justSaved })
  const guard = useUnsavedGuard(editor.dirty)
  // Every save goes through the guard: it takes its history entry off first (see useUnsavedGuard).
  const keys = useEditorKeys(() => guard.whileSaving(() => editor.save()))
  const errors = useErrorsFollowAuthors(editor.errors, editor.values.authors)
  const { status, conflict } = editor

  return (
    <form className="admin-form editor" noValidate onSubmit={keys.onSubmit} onKeyDown={keys.onKeyDown}>
      <ErrorSummary errors={errors.errors} focusRef={editor.summary} />
      {conflict ? (
        <ConflictPanel
          key={conflict.current?.version ?? 'deleted'}
          conflict={conflict}
          mine={editor.conflictMine}
          pending={editor.pending}
          onSaveMerged={(choices) => void guard.whileSaving(() => editor.saveMerged(choices))}
          onSaveAsNew={() => void guard.whileSaving(() => editor.save({ asNew: true }))}
          onTakeTheirs={editor.takeTheirs}
          onCancel={editor.dismissConflict}
        />
      ) : null}
      {editor.duplicate ? (
        <DuplicateWarningPanel
          warning={editor.duplicate}
          pending={editor.pending}
          onSaveAnyway={() => void guard.whileSaving(() => editor.save({ allowDuplicate: true }))}
          onCancel={editor.dismissDuplicate}
        />
      ) : null}
      <PublicationFields
        values={editor.values}
        set={editor.set}
        errorFor={errors.errorFor}
        onSlugTyped={editor.slugTyped}
        slugFollowsTitle={editor.slugFollowsTitle}
      />
      <SaveBar
        pending={editor.pending}
        dirty={editor.dirty}
        backHref={routes.admin}
        status={
          status && {
            tone: status.tone,
            text: status.text,
            ...(status.view ? { link: { href: status.view, text: 'View on the site' } } : {}),
          }
        }
      />
    </form>
  )
}
