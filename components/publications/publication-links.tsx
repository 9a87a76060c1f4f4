import { publicationLinks } from '@/lib/domain/links'
import type { PublicationFrontmatter } from '@/lib/domain/schema'

export function PublicationLinks({ publication, title }: { publication: PublicationFrontmatter; title: string }) {
  return publicationLinks(publication).map((link) => (
    <a key={link.field} className="button button-small" href={link.href} aria-label={`${link.label}: ${title}`}>
      {link.label}
    </a>
  ))
}
