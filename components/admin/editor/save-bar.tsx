import Link from 'next/link'

export type SaveBarStatus = {
  tone: 'info' | 'error'
  text: string
  /** A link after the text, such as the page just saved. */
  link?: { href: string; text: string }
}

/**
 * An editing form's actions and what its last save answered, kept at the bottom of the window
 * while the form scrolls (CSS `position: sticky`), so Save is always at hand, on a phone too. Put
 * it last in the form: at the end of the form it settles below the last field instead of over it.
 */
export function SaveBar({
  pending,
  dirty,
  status,
  backHref,
  backText = 'Back to the list',
}: {
  pending: boolean
  dirty: boolean
  status: SaveBarStatus | null
  backHref: string
  backText?: string
}) {
  return (
    <div className="save-bar">
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? 'Saving…' : 'Save'}
      </button>
      <Link href={backHref} className="button button-quiet">
        {backText}
      </Link>
      <span className="muted">{dirty ? 'Unsaved changes' : ''}</span>
      <p
        role="status"
        className={status?.tone === 'error' ? 'save-bar-status form-error' : 'save-bar-status form-success'}
      >
        {status?.text}
        {status?.link ? (
          <>
            {' '}
            <Link href={status.link.href}>{status.link.text}</Link>
          </>
        ) : null}
      </p>
    </div>
  )
}
