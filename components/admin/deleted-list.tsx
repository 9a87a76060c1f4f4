'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useRef, useState, useTransition } from 'react'
import { restoreDeletedAction } from '@/app/admin/deleted-actions'
import { routes } from '@/lib/domain/routes.mjs'
import type { DeletedPublication, History } from '@/lib/store'
import { ConfirmDialog } from './confirm-dialog'
import { DateTime } from './date-time'

type Outcome = { tone: 'info' | 'error'; text: string; editor?: string }

/**
 * Bringing back one deleted paper: the confirmation, which paper is being restored, and what the
 * server answered, with a link to the restored paper's editor; then the page is read again (the
 * list without the paper, or the history page as the paper's own). The answer takes the focus:
 * the button that asked is gone once the paper is back.
 */
function useRestore() {
  const router = useRouter()
  const [, startTransition] = useTransition()
  const [confirming, setConfirming] = useState<DeletedPublication | null>(null)
  const [restoring, setRestoring] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const statusLine = useRef<HTMLParagraphElement>(null)

  async function restore(entry: DeletedPublication) {
    setRestoring(entry.slug)
    setOutcome(null)
    try {
      const result = await restoreDeletedAction(entry.slug, entry.commit)
      if (result.ok) {
        const text = [`“${entry.title}” was restored as a new commit.`, ...result.notes].join(' ')
        setOutcome({ tone: 'info', text, editor: routes.edit(result.slug) })
        startTransition(() => router.refresh())
      } else setOutcome({ tone: 'error', text: result.message })
    } catch {
      setOutcome({
        tone: 'error',
        text: 'The server could not be reached, or your session has ended. Reload the page.',
      })
    } finally {
      setRestoring(null)
      requestAnimationFrame(() => statusLine.current?.focus())
    }
  }

  const status = (
    <p
      ref={statusLine}
      role="status"
      tabIndex={-1}
      className={outcome?.tone === 'error' ? 'form-error' : 'form-success'}
    >
      {outcome?.text}
      {outcome?.editor ? (
        <>
          {' '}
          <Link href={outcome.editor}>Open it in the editor</Link>
        </>
      ) : null}
    </p>
  )
  const dialog = (
    <ConfirmDialog
      open={confirming !== null}
      title={`Restore “${confirming?.title ?? ''}”?`}
      confirmLabel="Restore"
      onCancel={() => setConfirming(null)}
      onConfirm={() => {
        const entry = confirming
        setConfirming(null)
        if (entry) void restore(entry)
      }}
    >
      <p>
        It comes back as it was just before it was deleted, with the files uploaded for it, as a new commit. Its history
        is kept.
      </p>
    </ConfirmDialog>
  )
  return { ask: setConfirming, restoring, status, dialog }
}

type Restore = ReturnType<typeof useRestore>

function RestoreButton({ entry, restoring, ask }: { entry: DeletedPublication } & Pick<Restore, 'restoring' | 'ask'>) {
  return (
    <button
      type="button"
      className="button"
      aria-label={`Restore ${entry.title}`}
      disabled={restoring !== null}
      onClick={() => ask(entry)}
    >
      {restoring === entry.slug ? 'Restoring…' : 'Restore'}
    </button>
  )
}

/** The papers deleted in the git history, newest first, each with Restore and a link to its history. */
export function DeletedList({ entries }: { entries: DeletedPublication[] }) {
  const restore = useRestore()
  return (
    <>
      {restore.status}
      {entries.length === 0 ? (
        <p className="empty-state">
          No deleted publications. A paper you delete is listed here, and can be restored with its history.
        </p>
      ) : (
        <ul className="deleted-list">
          {entries.map((entry) => (
            <li key={entry.slug} className="deleted-entry" aria-busy={restore.restoring === entry.slug}>
              <div>
                <strong>{entry.title}</strong>
                <p className="muted">
                  Deleted <DateTime value={entry.date} /> by {entry.author} · <code>{entry.commit.slice(0, 7)}</code>
                </p>
              </div>
              <div className="row-actions">
                <RestoreButton entry={entry} restoring={restore.restoring} ask={restore.ask} />
                <Link href={routes.history(entry.slug)} aria-label={`History of ${entry.title}`}>
                  History
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
      {restore.dialog}
    </>
  )
}

/**
 * The history page of a deleted paper: when it was deleted, the way back, and its commits
 * (read-only: a version is brought back by restoring the paper, then from its own history).
 */
export function DeletedHistory({ entry, history }: { entry: DeletedPublication; history: History }) {
  const restore = useRestore()
  return (
    <>
      <p className="breadcrumbs">
        <Link href={routes.admin}>All publications</Link> › <Link href={routes.deleted}>Deleted</Link> › History
      </p>
      <h1>History of “{entry.title}”</h1>
      <section className="banner banner-note deleted-notice" aria-label="Deleted publication">
        <p>
          This publication was deleted <DateTime value={entry.date} /> by {entry.author} and is not on the site.
        </p>
        <RestoreButton entry={entry} restoring={restore.restoring} ask={restore.ask} />
        {restore.status}
      </section>
      {history.available ? (
        <ol className="history">
          {history.entries.map((commit) => (
            <li key={commit.commit} className="history-entry">
              <div className="history-head">
                <strong>{commit.subject}</strong>
                <span className="muted">
                  by {commit.author} · <DateTime value={commit.date} /> · <code>{commit.commit.slice(0, 7)}</code>
                </span>
              </div>
              <details>
                <summary>Show changes</summary>
                <pre className="diff">{commit.diff}</pre>
              </details>
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty-state">{history.reason}</p>
      )}
      {restore.dialog}
    </>
  )
}
