import type { DiffLine } from '@/lib/domain/field-changes'

const MARKS: Record<DiffLine['change'], string> = { kept: ' ', removed: '−', added: '+' }

/**
 * Lines of a field as the dashboard compares them: removed ones struck out (`<del>`), added ones
 * marked (`<ins>`), the rest as they were. Long lines wrap. Neither a client nor a server
 * component: the History page and the editor's conflict view show changes the same way.
 */
export function LineDiff({ lines, id }: { lines: DiffLine[]; id?: string }) {
  return (
    <div className="line-diff" id={id}>
      {lines.map(({ change, text }, index) => {
        const Line = change === 'added' ? 'ins' : change === 'removed' ? 'del' : 'span'
        return (
          <Line key={index} className={`line line-${change}`}>
            <span className="line-mark" aria-hidden="true">
              {MARKS[change]}
            </span>
            {text}
          </Line>
        )
      })}
    </div>
  )
}

/** One value of a field, or "(none)" for an empty one. */
export function FieldValue({ value, id }: { value: string | null; id?: string }) {
  return value === null ? (
    <span className="field-value muted" id={id}>
      (none)
    </span>
  ) : (
    <span className="field-value" id={id}>
      {value}
    </span>
  )
}
