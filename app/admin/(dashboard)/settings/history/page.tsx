import Link from 'next/link'
import { requireAdminPage } from '@/lib/auth/session'
import { formatDashboardDate } from '@/lib/domain/format'
import { routes } from '@/lib/domain/routes.mjs'
import { settingsHistory } from '@/lib/store/settings'

export const metadata = { title: 'History of the site settings' }

/** Every commit that changed `site.yaml`: who, when, and each field from its old value to its new one. */
export default async function SettingsHistoryPage() {
  await requireAdminPage(routes.settingsHistory)
  const entries = await settingsHistory()
  return (
    <>
      <p className="breadcrumbs">
        <Link href={routes.admin}>All publications</Link> › <Link href={routes.settings}>Site settings</Link> › History
      </p>
      <h1>History of the site settings</h1>
      {entries === undefined ? (
        <p className="empty-state">History is unavailable: the content folder is not in a git repository.</p>
      ) : entries.length === 0 ? (
        <p className="empty-state">The settings have not been committed yet.</p>
      ) : (
        <ol className="history">
          {entries.map((entry) => (
            <li key={entry.commit} className="history-entry">
              <p className="history-meta">
                <strong>{entry.subject}</strong>
                <br />
                <span className="muted">
                  {entry.author} · <time dateTime={entry.date}>{formatDashboardDate(entry.date)}</time> ·{' '}
                  <code>{entry.commit.slice(0, 7)}</code>
                </span>
              </p>
              {entry.changes?.length ? (
                <ul className="field-changes">
                  {entry.changes.map((change) => (
                    <li key={change.label}>
                      <span className="field-label">{change.label}:</span>{' '}
                      {change.before === null ? <span className="muted">(not set)</span> : <del>{change.before}</del>} →{' '}
                      {change.after === null ? <span className="muted">(not set)</span> : <ins>{change.after}</ins>}
                    </li>
                  ))}
                </ul>
              ) : entry.changes ? (
                <p className="muted">No setting changed (the file was reformatted).</p>
              ) : (
                <p className="muted">This version of the file could not be read field by field.</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
