import { LINK_FIELDS, type LinkField, type PublicationFrontmatter } from './schema'

export type PublicationLink = { field: LinkField; label: string; href: string }

export function arxivUrl(id: string): string {
  return `https://arxiv.org/abs/${encodeURIComponent(id).replace(/%2F/g, '/')}`
}

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`
}

/** One link per identifier present, in the order of the buttons. */
export function publicationLinks(publication: PublicationFrontmatter): PublicationLink[] {
  return LINK_FIELDS.flatMap(([field, label]) => {
    const value = publication[field]
    if (!value) return []
    const href = field === 'arxiv' ? arxivUrl(value) : field === 'doi' ? doiUrl(value) : value
    return [{ field, label, href }]
  })
}
