import { oneLine, type CslItem, type CslName } from './record'

/**
 * RIS records as the RIS specification (Research Information Systems, "RIS Format
 * Specifications") and Zotero's RIS translator write them, made here from our CSL record.
 * `@citation-js/plugin-ris` is not used to write them: it hard-wraps every value at 70
 * characters (readers join the pieces with a space or with nothing, breaking words), and its
 * mapping gives a conference paper no `PY`, drops the DOI and types a talk `SOUND`. Its object
 * output (`format: 'object'`) comes from that same mapping, so there is nothing of it to keep.
 */

const RIS_TYPES: Record<string, string> = {
  'article-journal': 'JOUR',
  'paper-conference': 'CONF',
  thesis: 'THES',
  book: 'BOOK',
  chapter: 'CHAP',
  speech: 'SLIDE',
  // A preprint. Zotero's RIS translator (zotero/translators, RIS.js) has no RIS type for its
  // `preprint` item type and exports it under its default type, GEN, with the repository in PB.
  article: 'GEN',
}
const DEFAULT_TYPE = 'GEN'
/** Types whose SP is not a page: the specification reads it as a book's or thesis's number of pages. */
const SP_IS_PAGE_COUNT = new Set(['BOOK', 'THES'])

/** "Lastname, Firstname, Suffix", as the specification writes an author. */
function risName(name: CslName): string {
  if (name.literal) return name.literal
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ')
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ')
  return [family, given, name.suffix].filter(Boolean).join(', ')
}

/** `1-18` as its first and last page (`toCsl` has made every dash a hyphen). */
function pageRange(page: string): [string, string?] {
  const range = /^([^-]+)-+(.+)$/.exec(page)
  const [first, last] = [range?.[1]?.trim(), range?.[2]?.trim()]
  return first && last ? [first, last] : [page]
}

const digits = (value: number, length: number) => String(value).padStart(length, '0')

/** One RIS record: `TY` first, one tag a line, every value on its line, `ER` last. */
export function risRecord(item: CslItem): string {
  const type = RIS_TYPES[item.type] ?? DEFAULT_TYPE
  const [year, month] = item.issued['date-parts'][0]
  const [firstPage, lastPage] = item.page && !SP_IS_PAGE_COUNT.has(type) ? pageRange(item.page) : []
  const keywords = item.keyword?.split(',') ?? []
  const tags: [string, string | undefined][] = [
    ['TY', type],
    ['ID', item['citation-key']],
    ['TI', item.title],
    ...item.author.map((name): [string, string] => ['AU', risName(name)]),
    ['T2', item['container-title']],
    // A conference paper's T2 names the conference and C3 its proceedings; our venue is both, and
    // Zotero and citation-js take the proceedings (CSL's container) from C3 alone.
    ['C3', type === 'CONF' ? item['container-title'] : undefined],
    ['J2', item['container-title-short']],
    ['PY', digits(year, 4)],
    ['DA', month ? `${digits(year, 4)}/${digits(month, 2)}//` : undefined],
    ['VL', item.volume],
    ['IS', item.issue],
    ['SP', firstPage],
    ['EP', lastPage],
    ['PB', item.publisher],
    // GEN's "Number": a preprint's "arXiv:<id>" (CSL's `number`), which Zotero's RIS leaves out.
    ['M1', item.number],
    ['DO', item.DOI],
    ['UR', item.URL],
    ['N1', item.note],
    ['AB', item.abstract],
    ...keywords.map((keyword): [string, string] => ['KW', keyword]),
  ]
  const lines = tags.flatMap(([tag, value]) => {
    const text = value === undefined ? '' : oneLine(value)
    return text ? [`${tag}  - ${text}`] : []
  })
  return [...lines, 'ER  - '].join('\n')
}
