import { isArxivId } from '../../import/identifiers'
import { withoutControls } from '../../markup/text'

/**
 * The CSL-JSON record every citation format is made from (`toCsl`), and what the formats read
 * from it alike: its text as one line, and the arXiv id it carries.
 */

export type CslName = {
  given?: string
  family?: string
  literal?: string
  'non-dropping-particle'?: string
  'dropping-particle'?: string
  suffix?: string
}
export type CslItem = {
  id: string
  'citation-key': string
  type: string
  title: string
  author: CslName[]
  issued: { 'date-parts': [[number] | [number, number]] }
  'container-title'?: string
  'container-title-short'?: string
  volume?: string
  issue?: string
  page?: string
  DOI?: string
  URL?: string
  abstract?: string
  keyword?: string
  publisher?: string
  number?: string
  note?: string
  genre?: string
}

/**
 * Text as every citation format carries it: one line (line breaks, U+2028/U+2029 and tabs are
 * spaces), no control characters or lone surrogates. Schema-valid text is already so; a
 * hand-edited file may hold anything, and RIS (one field a line) and BibTeX would break on it.
 */
export function oneLine(value: string): string {
  return withoutControls(value.replace(/[\s\p{Cc}]+/gu, ' ')).trim()
}

export const ARXIV = 'arXiv'
const ARXIV_NUMBER = /^arXiv:(\S+)$/

/**
 * The arXiv id in CSL, as Zotero writes it: a preprint on arXiv (`publisher` "arXiv", Zotero's
 * "Repository") has `number` "arXiv:<id>" (Zotero's "Archive ID"; APA then reads "(arXiv:<id>).
 * arXiv."); any other paper has the line "arXiv:<id>" in `note`, where Zotero's CSL export puts
 * the "arXiv:<id>" its arXiv translator writes into Extra. No CSL style we use prints `note`.
 */
export function arxivFields(id: string | undefined, publisher: string | undefined): Pick<CslItem, 'number' | 'note'> {
  if (!id || !isArxivId(id)) return {}
  return publisher === ARXIV ? { number: `arXiv:${id}` } : { note: `arXiv:${id}` }
}

/** The arXiv id `arxivFields` put into `item`, if any. */
export function arxivIdOf(item: CslItem): string | undefined {
  const field = item.publisher === ARXIV ? item.number : item.note
  const id = field && ARXIV_NUMBER.exec(field)?.[1]
  return id && isArxivId(id) ? id : undefined
}
