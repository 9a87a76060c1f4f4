import type { PublicationFrontmatter } from '../domain/schema'
import { comparePublications } from '../domain/sort'
import type { Publication } from '../domain/types'

/** The part of Contentlayer's generated document this site reads (see `contentlayer/config.ts`). */
export type GeneratedDocument = Record<string, unknown> & {
  _id: string
  _raw: { sourceFilePath: string }
  documentType: string
  slug: string
  version: string
  lastModified: string
  body: { raw: string }
  authors: (Record<string, unknown> & { _raw?: unknown; documentType?: string })[]
}

/** A document as Contentlayer generated it, without Contentlayer's own keys (nor the file's version). */
/**
 * A publication as Contentlayer generated it, dated by its file's last commit when `commitDates`
 * (by path in the content folder) has one, else by the file's modification time.
 */
export function fromGenerated(doc: GeneratedDocument, commitDates: Record<string, string> = {}): Publication {
  const { _id, _raw, documentType, body, slug, version, authors, ...fields } = doc
  return {
    ...(fields as Omit<Publication, 'slug' | 'authors' | 'body'>),
    lastModified:
      (Object.hasOwn(commitDates, _raw.sourceFilePath) && commitDates[_raw.sourceFilePath]) || fields.lastModified,
    slug,
    authors: authors.map(
      ({ _raw: _authorRaw, documentType: _authorType, ...author }) => author,
    ) as Publication['authors'],
    // Without the blank lines around it, as the store reads a file (`parsePublication`).
    body: body.raw.trim(),
  }
}

/**
 * The same publication from a file the store has just written and validated: what Contentlayer
 * will generate from it, so the site can show a save before Contentlayer has run.
 */
export function fromSaved(
  slug: string,
  frontmatter: PublicationFrontmatter,
  body: string,
  lastModified: Date,
): Publication {
  return { ...frontmatter, slug, body: body.trim(), lastModified: lastModified.toISOString() }
}

/** The fields a publication's file holds in its frontmatter. */
export function frontmatterOf(publication: Publication): PublicationFrontmatter {
  const { slug: _slug, body: _body, lastModified: _lastModified, ...frontmatter } = publication
  return frontmatter
}

/** A publication with the version of the file it was read from (what the editor's conflict check compares). */
export type Versioned = { publication: Publication; version: string }

/** The list in the shapes the content module answers from. */
export type PublicationData = {
  /** Every paper, drafts included, newest first. */
  all: Publication[]
  /** The public list: no drafts, newest first. */
  published: Publication[]
  bySlug: Map<string, Versioned>
}

export function indexPublications(entries: Iterable<Versioned>): PublicationData {
  const bySlug = new Map<string, Versioned>()
  for (const entry of entries) bySlug.set(entry.publication.slug, entry)
  const all = [...bySlug.values()].map(({ publication }) => publication).sort(comparePublications)
  return { all, published: all.filter((publication) => !publication.draft), bySlug }
}
