'use client'

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'

const FOCUSABLE = 'button:not(:disabled), a[href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled)'

/**
 * A modal confirmation; Escape or Cancel closes it, and focus returns to what opened it. The
 * page behind is inert while it is open, and Tab cycles through its controls (the WAI-ARIA
 * dialog pattern) instead of leaving for the browser's toolbar, as a native modal dialog lets it.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  danger = false,
}: {
  open: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
  danger?: boolean
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const opener = useRef<Element | null>(null)

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) {
      opener.current = document.activeElement
      element.showModal()
    } else if (!open && element.open) {
      element.close()
    }
  }, [open])

  function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== 'Tab') return
    const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)]
    const first = controls[0]
    const last = controls.at(-1)
    const wrapTo = event.shiftKey ? document.activeElement === first && last : document.activeElement === last && first
    if (!wrapTo) return
    event.preventDefault()
    wrapTo.focus()
  }

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="confirm-title"
      onKeyDown={keepFocusInside}
      onClose={() => {
        if (opener.current instanceof HTMLElement) opener.current.focus()
        // Closed by the browser (Escape), not by the parent: tell it, as Cancel would.
        if (open) onCancel()
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className={danger ? 'button button-danger' : 'button button-primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
