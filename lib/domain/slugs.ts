import { normalizeText } from './format'
import { isWindowsReserved, SLUG_PATTERN } from './schema'
import { splitMath } from '../markup/math'
import { latexLetters } from '../markup/text'

/** Slugs made from titles, for new papers (the editor, the import) and their copies. */

const SLUG_MAX = 80

/**
 * A URL slug from a title: lowercase `a-z0-9` words joined by `-`, accents folded, LaTeX and math
 * dropped, at most 80 characters (cut between words when possible); `untitled` if nothing is left.
 */
export function slugify(title: string): string {
  const words = splitMath(title, { latexDelimiters: true })
    .map((segment) => (segment.math ? ' ' : segment.text))
    .join('')
  const slug = normalizeText(latexLetters(words))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  // A title such as "Con" or "Aux" must not make a name Windows reserves (`con.mdx`).
  if (isWindowsReserved(slug)) return `${slug}-paper`
  if (slug.length <= SLUG_MAX) return slug || 'untitled'
  const cut = slug.slice(0, SLUG_MAX)
  const boundary = slug.charAt(SLUG_MAX) === '-' ? SLUG_MAX : cut.lastIndexOf('-')
  const result = (boundary > 0 ? cut.slice(0, boundary) : cut).replace(/-+$/, '')
  return SLUG_PATTERN.test(result) ? result : 'untitled'
}

/** `base` if free, else `base-2`, `base-3`, … — the first not in `taken`. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}
