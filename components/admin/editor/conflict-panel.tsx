import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { conflictFields, type ConflictField, type Side } from '@/lib/domain/field-changes'
import type { FieldName } from '@/lib/domain/fields'
import { plural } from '@/lib/domain/format'
import { FieldValue, LineDiff } from '../line-diff'
import type { ConflictMine, EditorConflict } from './use-editor-save'

type Choices = Partial<Record<FieldName, Side>>

const SIDES: Record<Side, string> = { theirs: 'Theirs', mine: 'Mine' }

const WHO_CHANGED: Record<Side | 'both' | 'unknown', string> = {
  theirs: 'Only they changed it since you opened it.',
  mine: 'Only you changed it.',
  both: 'You both changed it: choose one.',
  unknown: 'Choose one.',
}

/**
 * The fields two saves disagree on, each with the saved version (theirs) beside mine and a choice
 * between them; a field only one side changed is chosen for that side. The ways out: save the
 * merge over the saved version, take the saved version whole, or decide later. When the file was
 * deleted meanwhile, mine can be saved as a new paper.
 */
export function ConflictPanel({
  conflict,
  mine,
  pending,
  onSaveMerged,
  onSaveAsNew,
  onTakeTheirs,
  onCancel,
}: {
  conflict: EditorConflict
  mine: ConflictMine | undefined
  pending: boolean
  onSaveMerged: (choices: Choices) => void
  onSaveAsNew: () => void
  onTakeTheirs: () => void
  onCancel: () => void
}) {
  const heading = useRef<HTMLHeadingElement>(null)
  const fieldsetIds = useId()
  useEffect(() => heading.current?.focus(), [])
  const { current, base } = conflict
  const fields = useMemo(
    () => (current && mine ? conflictFields(base, current, mine.version) : []),
    [base, current, mine],
  )
  const [chosen, setChosen] = useState<Choices>({})
  const [announcement, setAnnouncement] = useState('')
  const choiceOf = (field: ConflictField) => chosen[field.field] ?? field.suggested
  const undecided = fields.filter((field) => choiceOf(field) === undefined)

  function choose(field: ConflictField, side: Side) {
    const next = { ...chosen, [field.field]: side }
    setChosen(next)
    const left = fields.filter((other) => (next[other.field] ?? other.suggested) === undefined).length
    const rest = left ? `${plural(left, 'field')} still to choose.` : 'Every field is chosen.'
    setAnnouncement(`${field.label}: ${SIDES[side].toLowerCase()} chosen. ${rest}`)
  }

  function saveMerged() {
    const [first] = undecided
    if (first) {
      setAnnouncement(`Choose theirs or mine for ${undecided.map(({ label }) => label).join(', ')} first.`)
      document.getElementById(`${fieldsetIds}-${first.field}`)?.querySelector('input')?.focus()
      return
    }
    onSaveMerged(Object.fromEntries(fields.map((field) => [field.field, choiceOf(field)])))
  }

  return (
    <section className="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" ref={heading} tabIndex={-1}>
        Someone else changed this publication
      </h2>
      <p>{conflict.message}</p>
      {current ? (
        <>
          <p>{summary(fields.length)}</p>
          {mine?.asSent ? (
            <p className="hint">
              The form has changes that do not pass the checks yet: “mine” is the version you tried to save.
            </p>
          ) : null}
          {fields.map((field) => (
            <ConflictChoice
              key={field.field}
              id={`${fieldsetIds}-${field.field}`}
              field={field}
              hint={WHO_CHANGED[field.suggested ?? (base ? 'both' : 'unknown')]}
              choice={choiceOf(field)}
              onChoose={(side) => choose(field, side)}
            />
          ))}
          {/* Not a role="status": the save's own status line is the editor's one status. */}
          <p className="conflict-status" aria-live="polite">
            {announcement}
          </p>
        </>
      ) : (
        <p className="muted">The file was deleted.</p>
      )}
      <div className="form-actions">
        {current ? (
          <>
            <button type="button" className="button button-primary" disabled={pending || !mine} onClick={saveMerged}>
              Save merged version
            </button>
            <button type="button" className="button" onClick={onTakeTheirs}>
              Use the saved version
            </button>
          </>
        ) : (
          <button type="button" className="button button-primary" disabled={pending} onClick={onSaveAsNew}>
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

function summary(differing: number): string {
  if (differing === 0) return 'The saved version and yours hold the same values: saving keeps them as they are.'
  const fields = `${plural(differing, 'field')} ${differing === 1 ? 'differs' : 'differ'}`
  return `${fields} between the saved version (theirs) and yours (mine). Choose which to keep for each; the rest of the paper is the same in both.`
}

/** One field's choice: a radio group of theirs and mine, each beside its value. */
function ConflictChoice({
  id,
  field,
  hint,
  choice,
  onChoose,
}: {
  id: string
  field: ConflictField
  hint: string
  choice: Side | undefined
  onChoose: (side: Side) => void
}) {
  return (
    <fieldset className="conflict-field" id={id}>
      <legend>{field.label}</legend>
      <p className="hint">{hint}</p>
      <div className="conflict-sides">
        {(['theirs', 'mine'] as const).map((side) => (
          <div key={side} className={`conflict-side${choice === side ? ' is-chosen' : ''}`}>
            <label className="conflict-choice">
              <input
                type="radio"
                name={id}
                value={side}
                checked={choice === side}
                onChange={() => onChoose(side)}
                aria-describedby={`${id}-${side}`}
              />
              {SIDES[side]}
            </label>
            <SideValue id={`${id}-${side}`} field={field} side={side} />
          </div>
        ))}
      </div>
    </fieldset>
  )
}

/** A side's value: a field of several lines with the lines the other side lacks marked. */
function SideValue({ id, field, side }: { id: string; field: ConflictField; side: Side }) {
  if (field.lines) {
    const hidden = side === 'theirs' ? 'added' : 'removed'
    return <LineDiff id={id} lines={field.lines.filter(({ change }) => change !== hidden)} />
  }
  return (
    <div className="conflict-value">
      <FieldValue id={id} value={side === 'theirs' ? field.before : field.after} />
    </div>
  )
}
