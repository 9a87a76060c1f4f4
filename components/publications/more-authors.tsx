'use client'

import { useRef, useState, type ReactNode } from 'react'

/**
 * "and N more authors": a button that shows the rest of the list in place. The authors are
 * rendered on the server, the shown ones once (`rest` carries its own separators); this only
 * chooses whether the rest shows.
 */
export function MoreAuthors({ label, shown, rest }: { label: string; shown: ReactNode; rest: ReactNode }) {
  const [open, setOpen] = useState(false)
  const list = useRef<HTMLSpanElement>(null)

  if (open) {
    return (
      <span ref={list} tabIndex={-1} className="authors">
        {shown}
        {rest}
      </span>
    )
  }
  return (
    <span className="authors">
      {shown}
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
