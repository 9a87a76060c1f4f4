import { bibtexKeyFor } from '../formats/bibtex'
import { normalizeText } from '../domain/format'
import type { PublicationFrontmatter } from '../domain/schema'
import { latexLetters, latexToPlainText } from '../markup/text'
import { cleanArxiv, cleanDoi } from './identifiers'

/** Whether a paper (imported, or saved in the editor) is already on the site, or earlier in the same paste. */

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

/** A publication an entry repeats, and the strongest evidence of it. */
export type DuplicateMatch = { slug: string; reason: DuplicateReason }

/**
 * Every publication an entry repeats, each by its strongest evidence, the strongest first (then
 * in the list's order): same DOI (case-insensitive), same arXiv id (version ignored), same BibTeX
 * key (the existing paper's explicit key or the one `bibtexKeyFor` generates), or same normalized
 * title. The editor's save warns about each; the import names the first.
 */
export function findDuplicates(
  entry: { frontmatter: PublicationFrontmatter },
  existing: readonly ExistingPublication[],
): DuplicateMatch[] {
  const candidate = comparable(entry.frontmatter, false)
  const matches = existing.flatMap((publication) => {
    const fields = comparable(publication, true)
    const reason = REASONS.find((rule) => same(rule, candidate, fields))
    return reason ? [{ slug: publication.slug, reason }] : []
  })
  // Array#sort is stable: papers with equally strong evidence keep the list's order.
  return matches.sort((a, b) => REASONS.indexOf(a.reason) - REASONS.indexOf(b.reason))
}

/** The site publication an imported entry duplicates, by the strongest evidence (`findDuplicates`). */
export function findDuplicate(
  entry: { frontmatter: PublicationFrontmatter },
  existing: readonly ExistingPublication[],
): DuplicateMatch | undefined {
  return findDuplicates(entry, existing)[0]
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
