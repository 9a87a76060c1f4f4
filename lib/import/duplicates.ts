import { bibtexKeyFor } from '../formats/bibtex'
import { normalizeText } from '../domain/format'
import type { PublicationFrontmatter } from '../domain/schema'
import { latexLetters, latexToPlainText } from '../markup/text'
import { cleanArxiv, cleanDoi } from './identifiers'

/** Whether an imported entry is already on the site, or earlier in the same paste. */

export type DuplicateReason = 'doi' | 'arxiv' | 'bibtexKey' | 'title'

/** What duplicate detection needs of a publication already on the site. */
export type ExistingPublication = { slug: string } & Pick<PublicationFrontmatter, 'title'> &
  Partial<Pick<PublicationFrontmatter, 'doi' | 'arxiv' | 'bibtexKey' | 'authors' | 'year'>>

/** A title reduced for comparison: lowercase, no accents, LaTeX, math markup or punctuation, single spaces. */
export function normalizeTitleForMatch(title: string): string {
  return normalizeText(latexLetters(latexToPlainText(title)))
}

type Comparable = { doi?: string; arxiv?: string; keys: string[]; title: string }

const REASONS: readonly DuplicateReason[] = ['doi', 'arxiv', 'bibtexKey', 'title']

function comparable(
  fields: Pick<PublicationFrontmatter, 'title'> & Partial<PublicationFrontmatter>,
  generatedKey: boolean,
): Comparable {
  const keys = new Set<string>()
  if (fields.bibtexKey) keys.add(fields.bibtexKey.toLowerCase())
  if (generatedKey && fields.authors && fields.year !== undefined) {
    keys.add(bibtexKeyFor({ title: fields.title, authors: fields.authors, year: fields.year }).toLowerCase())
  }
  return {
    ...(fields.doi ? { doi: cleanDoi(fields.doi).toLowerCase() } : {}),
    ...(fields.arxiv ? { arxiv: cleanArxiv(fields.arxiv).replace(/v\d+$/, '').toLowerCase() } : {}),
    keys: [...keys],
    title: normalizeTitleForMatch(fields.title),
  }
}

function same(reason: DuplicateReason, a: Comparable, b: Comparable): boolean {
  switch (reason) {
    case 'doi':
      return a.doi !== undefined && a.doi === b.doi
    case 'arxiv':
      return a.arxiv !== undefined && a.arxiv === b.arxiv
    case 'bibtexKey':
      return a.keys.some((key) => b.keys.includes(key))
    case 'title':
      return a.title !== '' && a.title === b.title
  }
}

/**
 * The site publication an imported entry duplicates, by the strongest evidence: same DOI
 * (case-insensitive), same arXiv id (version ignored), same BibTeX key (the existing paper's
 * explicit key or the one `bibtexKeyFor` generates), or same normalized title.
 */
export function findDuplicate(
  entry: { frontmatter: PublicationFrontmatter },
  existing: readonly ExistingPublication[],
): { slug: string; reason: DuplicateReason } | undefined {
  const candidate = comparable(entry.frontmatter, false)
  const others = existing.map((publication) => ({ slug: publication.slug, fields: comparable(publication, true) }))
  for (const reason of REASONS) {
    const match = others.find((other) => same(reason, candidate, other.fields))
    if (match) return { slug: match.slug, reason }
  }
  return undefined
}

/**
 * Duplicates inside one paste: for each entry, the index of the first earlier entry it repeats
 * (same rules as `findDuplicate`, keys compared as written), or `undefined`. The result is
 * parallel to `entries`.
 */
export function findDuplicatesInPaste(
  entries: readonly { frontmatter: PublicationFrontmatter }[],
): ({ index: number; reason: DuplicateReason } | undefined)[] {
  const fields = entries.map((entry) => comparable(entry.frontmatter, false))
  return fields.map((candidate, i) => {
    for (const reason of REASONS) {
      const index = fields.findIndex((other, j) => j < i && same(reason, candidate, other))
      if (index !== -1) return { index, reason }
    }
    return undefined
  })
}
