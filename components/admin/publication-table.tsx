'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useMemo, useRef, useState, useTransition } from 'react'
import { deletePublicationAction, duplicatePublicationAction, setFlagAction } from '@/app/admin/actions'
import { fieldLabel } from '@/lib/domain/fields'
import type { StoreResult } from '@/lib/store'
import { formatDashboardDate, normalizeText, plural } from '@/lib/domain/format'
import { ConfirmDialog } from './confirm-dialog'
import { routes } from '@/lib/domain/routes.mjs'

export type PublicationRow = {
  slug: string
  version: string
  title: string
  year: number
  venue: string
  authors: string
  draft: boolean
  selected: boolean
  lastChange: string
  /** Files uploaded for it (`/media/…` names), which deleting it may remove too. */
  media: string[]
}

type SortKey = 'year' | 'title' | 'lastChange'
const SORTS: Record<SortKey, { label: string; compare: (a: PublicationRow, b: PublicationRow) => number }> = {
  year: { label: 'Year', compare: (a, b) => b.year - a.year || a.title.localeCompare(b.title) },
  title: { label: 'Title', compare: (a, b) => a.title.localeCompare(b.title) },
  lastChange: { label: 'Last change', compare: (a, b) => b.lastChange.localeCompare(a.lastChange) },
}

const FLAG_DONE: Record<'draft' | 'selected', (title: string, value: boolean) => string> = {
  draft: (title, value) =>
    value ? `“${title}” is now a draft, hidden from the public site.` : `“${title}” is now public.`,
  selected: (title, value) =>
    value ? `“${title}” is now on the home page.` : `“${title}” is no longer on the home page.`,
}

export function PublicationTable({ rows }: { rows: PublicationRow[] }) {
  const router = useRouter()
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<SortKey>('year')
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string } | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<PublicationRow | null>(null)
  const [withMedia, setWithMedia] = useState(false)
  const [, startTransition] = useTransition()
  const statusLine = useRef<HTMLParagraphElement>(null)

  const shown = useMemo(() => {
    const words = normalizeText(query).split(' ').filter(Boolean)
    return rows
      .filter((row) => {
        const haystack = normalizeText(`${row.title} ${row.venue} ${row.authors} ${row.year} ${row.slug}`)
        return words.every((word) => haystack.includes(word))
      })
      .sort(SORTS[sort].compare)
  }, [rows, query, sort])

  const drafts = rows.filter((row) => row.draft).length
  const selected = rows.filter((row) => row.selected).length

  /** Runs a change of one row and says how it went; resolves to whether it was made. */
  async function act(row: PublicationRow, work: () => Promise<StoreResult>, done: string): Promise<boolean> {
    setBusy(row.slug)
    setStatus(null)
    try {
      const result = await work()
      if (result.ok) setStatus({ tone: 'info', text: done })
      else if (result.kind === 'invalid') {
        const fields = Object.entries(result.fieldErrors).map(
          ([field, messages]) => `${fieldLabel(field)} ${messages.join(', ')}`,
        )
        setStatus({
          tone: 'error',
          text: `“${row.title}” was not changed: ${fields.join('; ')}. Open it in the editor to fix it.`,
        })
      } else setStatus({ tone: 'error', text: result.message })
      startTransition(() => router.refresh())
      return result.ok
    } catch {
      setStatus({ tone: 'error', text: 'The server could not be reached, or your session has ended. Reload the page.' })
      return false
    } finally {
      setBusy(null)
    }
  }

  /**
   * The quick Draft and Selected toggles of a row: an ordinary versioned save each. The word
   * beside the box is for the narrow layout, where no column header says what the box is.
   */
  const flagBox = (row: PublicationRow, flag: 'draft' | 'selected') => (
    <label className="flag">
      <input
        type="checkbox"
        aria-label={`${fieldLabel(flag)}: ${row.title}`}
        checked={row[flag]}
        disabled={busy !== null}
        onChange={(event) => {
          const value = event.target.checked
          void act(row, () => setFlagAction(row.slug, row.version, flag, value), FLAG_DONE[flag](row.title, value))
        }}
      />
      <span className="card-only">{fieldLabel(flag)}</span>
    </label>
  )

  return (
    <>
      <div className="table-tools">
        <div className="field">
          <label htmlFor="admin-search">Search publications</label>
          <input
            id="admin-search"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="Title, author, venue, year"
          />
        </div>
        <div className="field">
          <label htmlFor="admin-sort">Sort by</label>
          <select id="admin-sort" value={sort} onChange={(event) => setSort(event.target.value as SortKey)}>
            {(Object.keys(SORTS) as SortKey[]).map((key) => (
              <option key={key} value={key}>
                {SORTS[key].label}
              </option>
            ))}
          </select>
        </div>
        <div className="table-actions">
          <Link className="button button-primary" href={routes.newPublication}>
            New publication
          </Link>
          <Link className="button" href={routes.importBibtex}>
            Import BibTeX
          </Link>
        </div>
      </div>
      <p className="counts" aria-live="polite">
        {plural(rows.length, 'publication')} · {plural(drafts, 'draft')} · {selected} selected
        {query ? ` · showing ${shown.length}` : ''}
      </p>
      <p
        role="status"
        ref={statusLine}
        tabIndex={-1}
        className={status?.tone === 'error' ? 'form-error' : 'form-success'}
      >
        {status?.text}
      </p>
      {rows.length === 0 ? (
        <p className="empty-state">
          No publications yet. <Link href={routes.newPublication}>Add one</Link> or{' '}
          <Link href={routes.importBibtex}>import BibTeX</Link>.
        </p>
      ) : shown.length === 0 ? (
        <p className="empty-state">No publication matches “{query}”.</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <caption className="visually-hidden">All publications, drafts included</caption>
            <thead>
              <tr>
                <th scope="col" aria-sort={sort === 'title' ? 'ascending' : undefined}>
                  Title
                </th>
                <th scope="col" aria-sort={sort === 'year' ? 'descending' : undefined}>
                  Year
                </th>
                <th scope="col">Venue</th>
                <th scope="col">Authors</th>
                <th scope="col">Draft</th>
                <th scope="col">Selected</th>
                <th scope="col" aria-sort={sort === 'lastChange' ? 'descending' : undefined}>
                  Last change
                </th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.slug} aria-busy={busy === row.slug}>
                  <th scope="row" className="title-cell">
                    {row.title}
                    {row.draft ? <span className="pill">draft</span> : null}
                  </th>
                  <td className="year-cell">{row.year}</td>
                  <td className="venue-cell">{row.venue}</td>
                  <td className="authors-cell">
                    <span className="clamped">{row.authors}</span>
                  </td>
                  <td className="flag-cell">{flagBox(row, 'draft')}</td>
                  <td className="flag-cell">{flagBox(row, 'selected')}</td>
                  <td className="changed-cell">
                    <span className="card-only">Changed </span>
                    <time dateTime={row.lastChange}>{formatDashboardDate(row.lastChange)}</time>
                  </td>
                  <td className="row-actions">
                    <Link href={routes.edit(row.slug)} aria-label={`Edit ${row.title}`}>
                      Edit
                    </Link>
                    <Link href={routes.history(row.slug)} aria-label={`History of ${row.title}`}>
                      History
                    </Link>
                    {!row.draft ? (
                      <Link href={routes.publication(row.slug)} aria-label={`View ${row.title} on the site`}>
                        View
                      </Link>
                    ) : null}
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Duplicate ${row.title}`}
                      disabled={busy !== null}
                      onClick={() =>
                        void act(
                          row,
                          () => duplicatePublicationAction(row.slug),
                          `A draft copy of “${row.title}” was created.`,
                        )
                      }
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      className="link-button danger"
                      aria-label={`Delete ${row.title}`}
                      disabled={busy !== null}
                      onClick={() => {
                        setWithMedia(false)
                        setConfirming(row)
                      }}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={`Delete “${confirming?.title ?? ''}”?`}
        confirmLabel="Delete publication"
        danger
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const row = confirming
          setConfirming(null)
          if (!row) return
          // The row goes, and the Delete button that had the focus with it: the focus goes to the
          // status line, which says what happened, rather than to the page's start.
          const media = withMedia && row.media.length > 0
          void act(
            row,
            () => deletePublicationAction(row.slug, row.version, { withMedia: media }),
            `“${row.title}” was deleted${media ? ', with the files only it used' : ''}.`,
          ).then((deleted) => deleted && statusLine.current?.focus())
        }}
      >
        <p>The file is removed and the deletion committed. You can restore it from Deleted.</p>
        {confirming?.media.length ? (
          <label>
            <input type="checkbox" checked={withMedia} onChange={(event) => setWithMedia(event.target.checked)} /> Also
            delete its {confirming.media.length === 1 ? 'uploaded file' : `${confirming.media.length} uploaded files`}{' '}
            (PDF, thumbnail); files another paper or the settings use are kept, and a restore brings them back
          </label>
        ) : null}
      </ConfirmDialog>
    </>
  )
}
