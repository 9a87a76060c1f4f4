import type { PublicationFrontmatter } from '@/lib/domain/schema'
import { monthName } from '@/lib/domain/format'

/** "Physics Reports, 2021" or "Journal …, 2021(4), 044001, April 2021" with the date last. */
export function VenueLine({
  publication,
  withMonth = false,
}: {
  publication: PublicationFrontmatter
  withMonth?: boolean
}) {
  const date = [withMonth ? monthName(publication.month) : undefined, publication.year].filter(Boolean).join(' ')
  return (
    <>
      {publication.venue ? <em className="venue">{publication.venue}</em> : null}
      {publication.venue ? ' ' : null}
      <span className="year">{date}</span>
    </>
  )
}
