import { orcidChecksumHolds } from '../domain/schema'
import { cleanDoi, DOI_URL } from './identifiers'

/**
 * A paste of identifiers, one per line, read into what each line names: a DOI (bare, `doi:` or
 * its `https://doi.org/` address), an arXiv id (new `2105.02468v2` or old `hep-th/9901001` form,
 * bare, `arXiv:` or its abs/pdf address; the version is dropped, as the schema stores the paper
 * and not one of its versions) or an ORCID iD (bare or its address, checksum verified). A line that
 * is none of them is answered with why, and the others go on. Issue 15's import by identifier
 * starts here; the lookups come next.
 */

export type PastedIdentifier =
  | { kind: 'doi'; id: string; line: number; input: string }
  | { kind: 'arxiv'; id: string; line: number; input: string }
  | { kind: 'orcid'; id: string; line: number; input: string }

export type PasteProblem = { line: number; input: string; message: string }

/** At most this many lines are read from one paste: each becomes a request to a service. */
export const MAX_IDENTIFIERS = 200

const NEW_ARXIV = /^(\d{4}\.\d{4,5})(?:v\d+)?$/
const OLD_ARXIV = /^([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/
const ARXIV_ADDRESS = /^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/(.+?)(?:\.pdf)?\/?$/i
const ORCID_SHAPE = /^(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])$/i
const ORCID_ADDRESS = /^(?:https?:\/\/)?(?:www\.)?orcid\.org\/(.+?)\/?$/i
const DOI_SHAPE = /^10\.\d{4,9}\/\S+$/

function arxivId(text: string): string | undefined {
  const bare = (ARXIV_ADDRESS.exec(text)?.[1] ?? text.replace(/^arxiv:\s*/i, '')).trim()
  return NEW_ARXIV.exec(bare)?.[1] ?? OLD_ARXIV.exec(bare)?.[1]
}

function looksLikeArxiv(text: string): boolean {
  return (
    /^arxiv:/i.test(text) ||
    ARXIV_ADDRESS.test(text) ||
    /^\d{4}\.\d+/.test(text) ||
    /^[a-z-]+(?:\.[A-Z]{2})?\/\d/.test(text)
  )
}

/** One line: what it names, or why it names nothing this import can look up. */
export function readIdentifier(input: string, line: number): PastedIdentifier | PasteProblem {
  const text = input.trim()
  const orcidText = ORCID_ADDRESS.exec(text)?.[1] ?? text.replace(/^orcid:\s*/i, '')
  const orcid = ORCID_SHAPE.exec(orcidText)
  if (orcid) {
    const id = `${orcid[1]}-${orcid[2]}-${orcid[3]}-${orcid[4]?.toUpperCase()}`
    return orcidChecksumHolds(id)
      ? { kind: 'orcid', id, line, input: text }
      : { line, input: text, message: `ORCID iD ${id} is malformed: its check digit does not match.` }
  }
  if (ORCID_ADDRESS.test(text))
    return {
      line,
      input: text,
      message: `ORCID iD malformed: ${text} does not end in an iD such as 0000-0002-1825-0097.`,
    }
  if (DOI_URL.test(text) || /^doi:/i.test(text) || text.startsWith('10.')) {
    const id = cleanDoi(text)
    return DOI_SHAPE.test(id) && id.length <= 300
      ? { kind: 'doi', id, line, input: text }
      : { line, input: text, message: `DOI malformed: ${text} is not of the form 10.<registrant>/<suffix>.` }
  }
  if (looksLikeArxiv(text)) {
    const id = arxivId(text)
    return id
      ? { kind: 'arxiv', id, line, input: text }
      : { line, input: text, message: `arXiv id malformed: ${text} is neither 2105.02468 nor hep-th/9901001 in form.` }
  }
  return {
    line,
    input: text,
    message: `${text} is not a DOI, an arXiv id or an ORCID iD.`,
  }
}

/**
 * Every identifier of a paste, in order, each once (the same DOI twice, or an arXiv id with and
 * without its version, is one), and the lines that name none, with why. Blank lines and `#`
 * comments are skipped; a line of several identifiers separated by commas or spaces is read as many.
 */
export function readIdentifierPaste(text: string): { identifiers: PastedIdentifier[]; problems: PasteProblem[] } {
  const identifiers: PastedIdentifier[] = []
  const problems: PasteProblem[] = []
  const seen = new Set<string>()
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  for (const [index, raw] of lines.entries()) {
    const content = raw.replace(/\s#.*$|^#.*$/, '').trim()
    if (!content) continue
    for (const part of content.split(/[\s,;]+/).filter(Boolean)) {
      if (identifiers.length >= MAX_IDENTIFIERS) {
        problems.push({
          line: index + 1,
          input: part,
          message: `A paste may hold at most ${MAX_IDENTIFIERS} identifiers; this one and those after it were left out.`,
        })
        return { identifiers, problems }
      }
      const read = readIdentifier(part, index + 1)
      if (!('kind' in read)) {
        problems.push(read)
        continue
      }
      const key = `${read.kind} ${read.kind === 'doi' ? read.id.toLowerCase() : read.id}`
      if (seen.has(key)) continue
      seen.add(key)
      identifiers.push(read)
    }
  }
  return { identifiers, problems }
}
