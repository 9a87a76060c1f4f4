import { publicationSchema } from '../domain/schema'

/**
 * DOIs and arXiv ids as BibTeX files and people write them (`https://doi.org/…`, `arXiv:…`,
 * `\_` escapes), reduced to the form the schema takes: for the importer and duplicate detection.
 */

/** Verbatim fields (URLs, DOIs) as BibTeX writers escape them: `\_`, `\%`, braces. */
export function unescapeVerbatim(value: string): string {
  return value
    .replace(/\\([_%&#$~])/g, '$1')
    .replace(/[{}]/g, '')
    .trim()
}

/** A DOI written as its address: `https://doi.org/10.…`, `dx.doi.org/10.…`. */
export const DOI_URL = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i

export function cleanDoi(value: string): string {
  const doi = unescapeVerbatim(value)
    .replace(DOI_URL, '')
    .replace(/^doi:\s*/i, '')
    .trim()
  try {
    return decodeURIComponent(doi)
  } catch {
    return doi
  }
}

export function cleanArxiv(value: string): string {
  return value
    .trim()
    .replace(/^arxiv:\s*/i, '')
    .replace(/\.pdf$/i, '')
}

/** An arXiv id the schema accepts: `2105.02468`, `hep-th/9901001`, with or without a version. */
export function isArxivId(value: string): boolean {
  return publicationSchema.shape.arxiv.safeParse(value).success
}

/** The arXiv id a field mentions: `arXiv:2105.02468`, `arxiv.org/abs/2105.02468`. */
export const ARXIV_IN_TEXT = /arxiv(?:\.org\/(?:abs|pdf)\/|\s*:\s*)([^\s,;{}]+)/i
