'use client'

import { useRef, useState } from 'react'
import { newAuthorKey, type AuthorRow } from '@/lib/admin/editor-form'
import { AUTHOR_FIELDS, labelText } from '@/lib/domain/fields'
import { CheckboxField, TextField } from './editor/inputs'

type Props = {
  authors: AuthorRow[]
  onChange: (authors: AuthorRow[]) => void
  errorFor: (path: string) => string | undefined
}

/**
 * Ordered authors with roles; every control is a labelled button or input, so it works from the
 * keyboard, and a move or a removal is announced, since it happens away from the focused control.
 */
export function AuthorsEditor({ authors, onChange, errorFor }: Props) {
  const list = useRef<HTMLOListElement>(null)
  const [announcement, setAnnouncement] = useState<{ id: number; text: string } | null>(null)
  const announce = (text: string) => setAnnouncement((last) => ({ id: (last?.id ?? 0) + 1, text }))

  const focusLater = (selector: string) =>
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(selector)?.focus())

  function update(index: number, patch: Partial<AuthorRow>) {
    onChange(authors.map((author, i) => (i === index ? { ...author, ...patch } : author)))
  }

  function move(index: number, by: -1 | 1) {
    const target = index + by
    if (target < 0 || target >= authors.length) return
    const next = [...authors]
    const [moved] = next.splice(index, 1)
    if (!moved) return
    next.splice(target, 0, moved)
    onChange(next)
    announce(`Moved ${nameOf(moved, index)} to position ${target + 1} of ${next.length}`)
    // Keep focus on the same button of the moved author, so repeated presses keep moving it; at
    // the top or bottom that button is disabled, so the other one takes the focus.
    const atEnd = target === 0 || target === next.length - 1
    focusLater(`[data-author="${moved.key}"] [data-move="${atEnd ? -by : by}"]`)
  }

  function remove(index: number) {
    const removed = authors[index]
    if (!removed) return
    const next = authors.filter((_, i) => i !== index)
    onChange(next)
    announce(`Removed ${nameOf(removed, index)}`)
    const neighbour = next[Math.min(index, next.length - 1)]
    if (neighbour) focusLater(`[data-author="${neighbour.key}"] input`)
    else requestAnimationFrame(() => document.getElementById('add-author')?.focus())
  }

  function add() {
    const author: AuthorRow = { key: newAuthorKey(), name: '', equalContribution: false, corresponding: false, url: '' }
    onChange([...authors, author])
    focusLater(`[data-author="${author.key}"] input`)
  }

  return (
    <>
      <ol ref={list} className="authors-editor">
        {authors.map((author, index) => {
          const n = index + 1
          return (
            <li key={author.key} data-author={author.key} className="author-row">
              <fieldset>
                <legend>Author {n}</legend>
                <TextField
                  id={`author-${author.key}-name`}
                  name={`authors.${index}.name`}
                  label={labelText(AUTHOR_FIELDS.name)}
                  value={author.name}
                  onChange={(name) => update(index, { name })}
                  error={errorFor(`authors.${index}.name`)}
                  autoComplete="off"
                />
                <TextField
                  id={`author-${author.key}-url`}
                  name={`authors.${index}.url`}
                  label={labelText(AUTHOR_FIELDS.url)}
                  type="url"
                  value={author.url}
                  onChange={(url) => update(index, { url })}
                  error={errorFor(`authors.${index}.url`)}
                  placeholder={AUTHOR_FIELDS.url.placeholder}
                />
                <div className="checks">
                  <CheckboxField
                    label={labelText(AUTHOR_FIELDS.equalContribution)}
                    checked={author.equalContribution}
                    onChange={(equalContribution) => update(index, { equalContribution })}
                  />
                  <CheckboxField
                    label={labelText(AUTHOR_FIELDS.corresponding)}
                    checked={author.corresponding}
                    onChange={(corresponding) => update(index, { corresponding })}
                  />
                </div>
                <div className="row-buttons">
                  <button
                    type="button"
                    className="button button-small"
                    data-move="-1"
                    onClick={() => move(index, -1)}
                    disabled={index === 0}
                    aria-label={`Move author ${n} up`}
                  >
                    ↑ Up
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    data-move="1"
                    onClick={() => move(index, 1)}
                    disabled={index === authors.length - 1}
                    aria-label={`Move author ${n} down`}
                  >
                    ↓ Down
                  </button>
                  <button
                    type="button"
                    className="button button-small button-danger"
                    onClick={() => remove(index)}
                    aria-label={`Remove author ${n}`}
                  >
                    Remove
                  </button>
                </div>
              </fieldset>
            </li>
          )
        })}
      </ol>
      <button type="button" id="add-author" className="button" onClick={add}>
        Add author
      </button>
      <p className="visually-hidden" aria-live="polite">
        {/* A new node each time, so the same words twice are announced twice. */}
        {announcement ? <span key={announcement.id}>{announcement.text}</span> : null}
      </p>
    </>
  )
}

/** How an announcement names an author: by name, or by position while the name is empty. */
function nameOf(author: AuthorRow, index: number): string {
  return author.name.trim() || `author ${index + 1}`
}
