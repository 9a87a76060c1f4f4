import type { PublicationFrontmatter } from './schema'
import { normalizeText } from './text'

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'and', 'to', 'with', 'how', 'what', 'why', 'when'])

function lastName(name: string): string {
  const parts = name.trim().split(/\s+/)
  return parts.at(-1) ?? name
}

/** `tomasini2022deep`: first author's last name, year, first significant title word. */
export function bibtexKeyFor(publication: Pick<PublicationFrontmatter, 'bibtexKey' | 'authors' | 'year' | 'title'>): string {
  if (publication.bibtexKey) return publication.bibtexKey
  const author = normalizeText(lastName(publication.authors[0]?.name ?? 'anonymous')).replace(/\s+/g, '')
  const words = normalizeText(publication.title).split(' ')
  const word = words.find((w) => !STOP_WORDS.has(w)) ?? words[0] ?? ''
  return `${author || 'anonymous'}${publication.year}${word}`
}
