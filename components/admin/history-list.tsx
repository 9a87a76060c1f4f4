'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { restorePublicationAction } from '@/app/admin/actions'
import type { FieldChange } from '@/lib/domain/field-changes'
import { formatDashboardDate } from '@/lib/domain/format'
import type { CommitChange, HistoryItem } from '@/lib/store/history'
import { ConfirmDialog } from './confirm-dialog'
import { FieldValue, LineDiff } from './line-diff'

function DiffView({ diff }: { diff: string }) {
  const lines = diff.split('\n').filter((line) => !/^(diff --git|index |similarity index)/.test(line))
  return (
    <pre className="diff">
      {lines.map((line, index) => {
        const kind =
          line.startsWith('+++') || line.startsWith('---')
            ? 'meta'
            : line.startsWith('+')
              ? 'add'
              : line.startsWith('-')
                ? 'del'
                : line.startsWith('@@')
                  ? 'hunk'
                  : 'ctx'
        return (
          <span key={index} className={`diff-${kind}`}>
            {line}
            {'\n'}
          </span>
        )
      })}
    </pre>
  )
}

/** A value a commit replaced or wrote, marked as such unless there was none. */
function Marked({ value, as: Mark }: { value: string | null; as: 'del' | 'ins' }) {
  return value === null ? (
    <FieldValue value={null} />
  ) : (
    <Mark>
      <FieldValue value={value} />
    </Mark>
  )
}

/** "Title: old → new"; a field of several lines as a line diff. */
function FieldChangeItem({ change, added }: { change: FieldChange; added: boolean }) {
  const label = <span className="field-label">{change.label}:</span>
  if (change.lines && !added)
    return (
      <li>
        {label}
        <LineDiff lines={change.lines} />
      </li>
    )
  return (
    <li>
      {label}{' '}
      {added ? (
        <FieldValue value={change.after} />
      ) : (
        <>
          <Marked value={change.before} as="del" /> → <Marked value={change.after} as="ins" />
        </>
      )}
    </li>
  )
}

/** What a commit changed, field by field. */
function CommitChanges({ change }: { change: CommitChange }) {
  if (change.kind === 'deleted') return <p className="muted">Deleted the file.</p>
  if (change.kind === 'unreadable')
    return (
      <p className="muted">This version does not read as a publication (it was edited by hand): see the raw diff.</p>
    )
  if (change.fields.length === 0) return <p className="muted">No field changed: only the file’s layout.</p>
  const added = change.kind === 'added'
  return (
    <>
      {added ? <p className="muted">Created with:</p> : null}
      <ul className="field-changes">
        {change.fields.map((field) => (
          <FieldChangeItem key={field.field} change={field} added={added} />
        ))}
      </ul>
    </>
  )
}

export function HistoryList({ slug, version, entries }: { slug: string; version: string; entries: HistoryItem[] }) {
  const router = useRouter()
  const [confirming, setConfirming] = useState<HistoryItem | null>(null)
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string } | null>(null)
  const [pending, setPending] = useState(false)

  async function restore(entry: HistoryItem) {
    setPending(true)
    setStatus(null)
    try {
      const result = await restorePublicationAction(slug, entry.commit, version)
      if (result.ok) {
        setStatus({
          tone: 'info',
          text: result.unchanged
            ? 'That version is already the current one.'
            : `Restored the version of ${formatDashboardDate(entry.date)} as a new commit.`,
        })
        router.refresh()
      } else setStatus({ tone: 'error', text: result.message })
    } catch {
      setStatus({ tone: 'error', text: 'The server could not be reached, or your session has ended. Reload the page.' })
    } finally {
      setPending(false)
    }
  }

  return (
    <>
      <p role="status" className={status?.tone === 'error' ? 'form-error' : 'form-success'}>
        {status?.text}
      </p>
      <ol className="history">
        {entries.map((entry, index) => {
          const deleted = /^\+\+\+ \/dev\/null$/m.test(entry.diff)
          return (
            <li key={entry.commit} className="history-entry">
              <div className="history-head">
                <strong>{entry.subject}</strong>
                <span className="muted">
                  {' '}
                  by {entry.author} · <time dateTime={entry.date}>{formatDashboardDate(entry.date)}</time> ·{' '}
                  <code>{entry.commit.slice(0, 7)}</code>
                </span>
                {index === 0 ? (
                  <span className="pill">current</span>
                ) : deleted ? null : (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={pending}
                    onClick={() => setConfirming(entry)}
                  >
                    Restore this version
                  </button>
                )}
              </div>
              <CommitChanges change={entry.change} />
              <details>
                <summary>Show the raw diff</summary>
                <DiffView diff={entry.diff} />
              </details>
            </li>
          )
        })}
      </ol>
      <ConfirmDialog
        open={confirming !== null}
        title="Restore this version?"
        confirmLabel="Restore"
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const entry = confirming
          setConfirming(null)
          if (entry) void restore(entry)
        }}
      >
        <p>
          The publication goes back to how it was at <code>{confirming?.commit.slice(0, 7)}</code> (
          {confirming?.subject}). This is saved as a new commit; nothing in the history is lost.
        </p>
      </ConfirmDialog>
    </>
  )
}
