import { Fragment, type ReactNode } from 'react'
import { MARKS, splitAuthors, type AuthorView } from '@/lib/domain/authors'
import type { Author } from '@/lib/domain/schema'
import { plural } from '@/lib/domain/format'

function AuthorName({ author }: { author: AuthorView }) {
  const name = author.url ? <a href={author.url}>{author.name}</a> : author.name
  return (
    <span className={author.isOwner ? 'author author-owner' : 'author'}>
      {author.isOwner ? <strong>{name}</strong> : name}
      {author.marks ? (
        <sup className="author-marks" title={markTitle(author.marks)}>
          {author.marks}
        </sup>
      ) : null}
    </span>
  )
}

function markTitle(marks: string): string {
  return Object.values(MARKS)
    .filter((mark) => marks.includes(mark.glyph))
    .map((mark) => mark.legend.replace(/^indicates /, ''))
    .join(', ')
}

/** "A, B, and C" in the al-folio style (or "A and B"); `endsList: false` leaves the list open. */
function joinNames(authors: AuthorView[], { endsList }: { endsList: boolean }): ReactNode[] {
  return authors.map((author, index) => {
    let separator = ''
    if (index < authors.length - 1) {
      const beforeLast = index === authors.length - 2 && endsList
      separator = beforeLast ? (authors.length === 2 ? ' and ' : ', and ') : ', '
    }
    return (
      <Fragment key={`${index}-${author.name}`}>
        <AuthorName author={author} />
        {separator}
      </Fragment>
    )
  })
}

/** The hidden authors, each with the separator before it, to follow `shown` (left open). */
function joinRest(shown: AuthorView[], hidden: AuthorView[]): ReactNode[] {
  const total = shown.length + hidden.length
  return hidden.map((author, index) => {
    const last = index === hidden.length - 1
    const separator = !last ? ', ' : total === 2 ? ' and ' : ', and '
    return (
      <Fragment key={`${shown.length + index}-${author.name}`}>
        {separator}
        <AuthorName author={author} />
      </Fragment>
    )
  })
}

/**
 * The one author-list renderer. With `max`, authors past it hide behind "and N more authors": a
 * native disclosure, so it reveals them in place with JavaScript off too (the names are small).
 * Opened, the control and its "and" give way to the rest of the list; the list takes focus
 * (`EntryPanels`). Without `max`, all are shown (paper pages).
 */
export function AuthorList({
  authors,
  ownerNames,
  max,
}: {
  authors: readonly Author[]
  ownerNames: readonly string[]
  max?: number
}) {
  const { shown, hidden } = splitAuthors(authors, { ownerNames, max: max ?? Number.POSITIVE_INFINITY })
  if (hidden.length === 0) return <span className="authors">{joinNames(shown, { endsList: true })}</span>
  return (
    <span className="authors" tabIndex={-1}>
      {joinNames(shown, { endsList: false })}
      <span className="more-authors-and">, and </span>
      <details className="more-authors">
        <summary>{plural(hidden.length, 'more author')}</summary>
        {joinRest(shown, hidden)}
      </details>
    </span>
  )
}
