import type { PublicationFrontmatter, SiteSettings } from './schema'

/** A publication as the site uses it: validated frontmatter plus where it lives and its body. */
export type Publication = PublicationFrontmatter & {
  slug: string
  /** The MDX source of the body (the abstract and any notes), rendered by `lib/markup/abstract-html.ts`. */
  body: string
  /** When the file last changed (ISO 8601). */
  lastModified: string
}

export type Site = SiteSettings & { maxAuthors: number; nameVariants: string[] }
