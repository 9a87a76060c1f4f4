'use client'

import { useRef, useState, type ReactNode } from 'react'

/**
 * "and N more authors": a button that swaps the cut list for the full one in place. Both lists
 * are rendered on the server; this only chooses which one shows.
 */
export function MoreAuthors({ label, collapsed, expanded }: { label: string; collapsed: ReactNode; expanded: ReactNode }) {
  const [open, setOpen] = useState(false)
  const list = useRef<HTMLSpanElement>(null)

  if (open) {
    return (
      <span ref={list} tabIndex={-1} className="authors">
        {expanded}
      </span>
    )
  }
  return (
    <span className="authors">
      {collapsed}
      {', and '}
      <button
        type="button"
        className="link-button more-authors"
        aria-expanded={false}
        onClick={() => {
          setOpen(true)
          // The button goes away with the click; keep keyboard users where they were.
          requestAnimationFrame(() => list.current?.focus())
        }}
      >
        {label}
      </button>
    </span>
  )
}
