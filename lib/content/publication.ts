import type { PublicationFrontmatter } from '../domain/schema'
import type { Publication } from '../domain/types'

/** The part of Contentlayer's generated document this site reads (see `contentlayer.config.ts`). */
export type GeneratedDocument = Record<string, unknown> & {
  _id: string
  _raw: unknown
  documentType: string
  slug: string
  body: { raw: string }
  authors: (Record<string, unknown> & { _raw?: unknown; documentType?: string })[]
}

/** A document as Contentlayer generated it, without Contentlayer's own keys. */
export function fromGenerated(doc: GeneratedDocument): Publication {
  const { _id, _raw, documentType, body, slug, authors, ...fields } = doc
  return {
    ...(fields as Omit<Publication, 'slug' | 'authors' | 'body'>),
    slug,
    authors: authors.map(({ _raw: _authorRaw, documentType: _authorType, ...author }) => author) as Publication['authors'],
    // Without the blank lines around it, as the store reads a file (`parsePublication`).
    body: body.raw.trim(),
  }
}

/**
 * The same publication from a file the store has just written and validated: what Contentlayer
 * will generate from it, so the site can show a save before Contentlayer has run.
 */
export function fromSaved(slug: string, frontmatter: PublicationFrontmatter, body: string, lastModified: Date): Publication {
  return { ...frontmatter, slug, body: body.trim(), lastModified: lastModified.toISOString() }
}
