'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { restorePublicationAction } from '@/app/admin/actions'
import type { HistoryEntry } from '@/lib/store/git'
import { ConfirmDialog } from './confirm-dialog'

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

export function HistoryList({ slug, version, entries }: { slug: string; version: string; entries: HistoryEntry[] }) {
  const router = useRouter()
  const [confirming, setConfirming] = useState<HistoryEntry | null>(null)
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string } | null>(null)
  const [pending, setPending] = useState(false)

  async function restore(entry: HistoryEntry) {
    setPending(true)
    setStatus(null)
    try {
      const result = await restorePublicationAction(slug, entry.commit, version)
      if (result.ok) {
        setStatus({
          tone: 'info',
          text: result.unchanged
            ? 'That version is already the current one.'
            : `Restored the version of ${new Date(entry.date).toLocaleString()} as a new commit.`,
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
                  by {entry.author} · <time dateTime={entry.date}>{new Date(entry.date).toLocaleString()}</time> ·{' '}
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
              <details>
                <summary>Show changes</summary>
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
