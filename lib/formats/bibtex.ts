import { BIBTEX_KEY_PATTERN, type PublicationFrontmatter } from '../domain/schema'
import { normalizeText } from '../domain/format'

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'and',
  'to',
  'with',
  'how',
  'what',
  'why',
  'when',
])

type Keyed = Pick<PublicationFrontmatter, 'bibtexKey' | 'authors' | 'year' | 'title'>

/** Lowercase ASCII letters and digits only: what every BibTeX tool takes in a key. */
function keyWord(text: string): string {
  return normalizeText(text).replace(/[^a-z0-9]/g, '')
}

function lastName(name: string): string {
  const parts = name.trim().split(/\s+/)
  return parts.at(-1) ?? name
}

/**
 * `tomasini2022deep`: first author's last name, year, first significant title word; or the
 * paper's own `bibtexKey` when it is one BibTeX can read (a hand-edited file may hold any text).
 */
export function bibtexKeyFor(publication: Keyed): string {
  if (publication.bibtexKey && BIBTEX_KEY_PATTERN.test(publication.bibtexKey)) return publication.bibtexKey
  const author = keyWord(lastName(publication.authors[0]?.name ?? ''))
  const words = normalizeText(publication.title).split(' ').map(keyWord).filter(Boolean)
  const word = words.find((w) => !STOP_WORDS.has(w)) ?? words[0] ?? ''
  return `${author || 'anonymous'}${publication.year}${word}`
}

/** `b`…`z` for the 2nd to 26th paper with the same key, then numbers. */
function suffix(n: number): string {
  return n < 26 ? String.fromCharCode(97 + n) : String(n + 1)
}

type Citable = Keyed & { slug: string; month?: number | undefined }

/**
 * The BibTeX key of every paper in `publications`, by slug, unique across them (compared without
 * case, as BibTeX does): the one function that gives a paper its key, for `/publications.bib`, the
 * paper's own citation files and its Cite panel alike. Papers with their own key claim it first;
 * then the oldest paper keeps a made-up key and later ones get `b`, `c`, …, so adding a paper
 * never changes the key of one published before it.
 */
export function citationKeys(publications: readonly Citable[]): Map<string, string> {
  const chronological = [...publications].sort(
    (a, b) =>
      Number(!(a.bibtexKey && BIBTEX_KEY_PATTERN.test(a.bibtexKey))) -
        Number(!(b.bibtexKey && BIBTEX_KEY_PATTERN.test(b.bibtexKey))) ||
      a.year - b.year ||
      (a.month ?? 0) - (b.month ?? 0) ||
      (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  )
  const taken = new Set<string>()
  const keys = new Map<string, string>()
  for (const publication of chronological) {
    const base = bibtexKeyFor(publication)
    let key = base
    for (let n = 1; taken.has(key.toLowerCase()); n++) key = `${base}${suffix(n)}`
    taken.add(key.toLowerCase())
    keys.set(publication.slug, key)
  }
  return keys
}
