'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { removeUnusedMediaAction } from '@/app/admin/media-actions'
import { ConfirmDialog } from './confirm-dialog'

export type MediaItem = {
  name: string
  url: string
  size: string
  image: boolean
  usedBy: { href: string; text: string }[]
}

/** Every uploaded file with what uses it; those nothing uses can be removed, after a confirmation. */
export function MediaLibrary({ items }: { items: MediaItem[] }) {
  const router = useRouter()
  const [confirming, setConfirming] = useState(false)
  const [pending, setPending] = useState(false)
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string } | null>(null)
  const unused = items.filter((item) => item.usedBy.length === 0)

  async function removeUnused() {
    setConfirming(false)
    setPending(true)
    try {
      const result = await removeUnusedMediaAction(unused.map((item) => item.name))
      if (!result.ok) return setStatus({ tone: 'error', text: result.message })
      const kept = result.kept.length ? ` ${result.kept.length} came into use meanwhile and were kept.` : ''
      setStatus({
        tone: 'info',
        text: `Removed ${result.removed.length} unused file${result.removed.length === 1 ? '' : 's'}.${kept}`,
      })
      router.refresh()
    } catch {
      setStatus({
        tone: 'error',
        text: 'The server could not be reached, or your session has ended. Nothing was removed.',
      })
    } finally {
      setPending(false)
    }
  }

  if (items.length === 0) return <p className="empty-state">No files uploaded yet.</p>
  return (
    <>
      <p>
        {items.length} file{items.length === 1 ? '' : 's'}, {unused.length} unused.{' '}
        {unused.length ? (
          <button type="button" className="button button-danger" disabled={pending} onClick={() => setConfirming(true)}>
            {pending ? 'Removing…' : `Remove the ${unused.length} unused`}
          </button>
        ) : null}
      </p>
      <p role="status" className={status?.tone === 'error' ? 'form-error' : 'form-success'}>
        {status?.text}
      </p>
      <ul className="media-list">
        {items.map((item) => (
          <li key={item.name} className="media-item">
            {item.image ? (
              // eslint-disable-next-line @next/next/no-img-element -- stored at the size the pages use
              <img src={item.url} alt="" width={96} height={72} loading="lazy" className="media-thumb" />
            ) : (
              <span className="media-thumb media-thumb-pdf" aria-hidden="true">
                PDF
              </span>
            )}
            <div>
              <a href={item.url} target="_blank" rel="noreferrer">
                <code>{item.name}</code>
              </a>{' '}
              <span className="muted">{item.size}</span>
              <p className="media-users">
                {item.usedBy.length ? (
                  <>
                    Used by{' '}
                    {item.usedBy.map((user, index) => (
                      <span key={user.href}>
                        {index ? ', ' : ''}
                        <Link href={user.href}>{user.text}</Link>
                      </span>
                    ))}
                  </>
                ) : (
                  <span className="badge">Unused</span>
                )}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={confirming}
        title="Remove the unused files?"
        confirmLabel={`Remove ${unused.length}`}
        danger
        onConfirm={() => void removeUnused()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {unused.length} file{unused.length === 1 ? '' : 's'} no paper and no setting uses will be removed, in one
          commit. They stay in the git history.
        </p>
      </ConfirmDialog>
    </>
  )
}
