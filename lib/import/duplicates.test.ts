import { describe, expect, it } from 'vitest'
import type { PublicationFrontmatter } from '../domain/schema'
import { parseBibtexImport } from './bibtex/parse'
import {
  findDuplicate,
  findDuplicates,
  findDuplicatesInPaste,
  normalizeTitleForMatch,
  type ExistingPublication,
} from './duplicates'

describe('duplicates', () => {
  const existing: ExistingPublication[] = [
    {
      slug: 'landscape',
      title: 'Landscape and training regimes in deep learning',
      doi: '10.1016/j.physrep.2021.04.001',
      arxiv: '2012.15110',
      authors: [{ name: 'Mario Geiger' }],
      year: 2021,
    },
    {
      slug: 'relative',
      title: 'Relative stability toward diffeomorphisms indicates performance in deep nets',
      arxiv: '2105.02468',
      authors: [{ name: 'Leonardo Petrini' }],
      year: 2021,
    },
    { slug: 'keyed', title: 'Something else', bibtexKey: 'Smith2020Keyed' },
    { slug: 'schoelkopf', title: 'Kernel methods à la Schölkopf: the $\\epsilon$-insensitive loss' },
  ]
  const frontmatter = (fields: Partial<PublicationFrontmatter>): { frontmatter: PublicationFrontmatter } => ({
    frontmatter: { title: 'A new paper', year: 2024, authors: [{ name: 'A B' }], ...fields },
  })

  it('matches the same DOI, ignoring case', () => {
    expect(findDuplicate(frontmatter({ doi: '10.1016/J.PHYSREP.2021.04.001' }), existing)).toEqual({
      slug: 'landscape',
      reason: 'doi',
    })
  })

  it('matches the same arXiv id, ignoring the version', () => {
    expect(findDuplicate(frontmatter({ arxiv: '2105.02468v3' }), existing)).toEqual({
      slug: 'relative',
      reason: 'arxiv',
    })
  })

  it('matches an explicit key, or the key bibtexKeyFor generates for a paper that has none', () => {
    expect(findDuplicate(frontmatter({ bibtexKey: 'smith2020keyed' }), existing)).toEqual({
      slug: 'keyed',
      reason: 'bibtexKey',
    })
    expect(findDuplicate(frontmatter({ bibtexKey: 'geiger2021landscape' }), existing)).toEqual({
      slug: 'landscape',
      reason: 'bibtexKey',
    })
  })

  it('matches the same title up to case, accents, LaTeX and punctuation', () => {
    const { entries } = parseBibtexImport(
      String.raw`@article{x, title = {{K}ernel Methods \`a la Sch{\"o}lkopf -- the {$\epsilon$}-Insensitive Loss}, author = {A B}, year = 2001}`,
    )
    expect(entries).toHaveLength(1)
    expect(findDuplicate(entries[0] ?? frontmatter({}), existing)).toEqual({ slug: 'schoelkopf', reason: 'title' })
  })

  it('prefers the strongest evidence and finds nothing for a new paper', () => {
    const both = frontmatter({ title: 'Something else', arxiv: '2012.15110' })
    expect(findDuplicate(both, existing)).toEqual({ slug: 'landscape', reason: 'arxiv' })
    expect(findDuplicate(frontmatter({ bibtexKey: 'new2024paper' }), existing)).toBeUndefined()
  })

  it('names every paper a save repeats, each by its strongest evidence, the strongest first', () => {
    const entry = frontmatter({
      title: 'Landscape and training regimes in deep learning',
      arxiv: '2105.02468',
      bibtexKey: 'smith2020keyed',
    })
    expect(findDuplicates(entry, existing)).toEqual([
      { slug: 'relative', reason: 'arxiv' },
      { slug: 'keyed', reason: 'bibtexKey' },
      { slug: 'landscape', reason: 'title' },
    ])
    expect(findDuplicate(entry, existing), 'the import names the first').toEqual({ slug: 'relative', reason: 'arxiv' })
    expect(findDuplicates(frontmatter({ doi: '10.1000/new' }), existing)).toEqual([])
  })

  it('finds duplicates within one paste', () => {
    const { entries } = parseBibtexImport(`
@article{a, title = {Paper One}, author = {A B}, year = 2020, doi = {10.1000/one}}
@misc{b, title = {Paper one (preprint)}, author = {A B}, year = 2019, eprint = {2001.00001}, archivePrefix = {arXiv}}
@article{c, title = {Paper One, journal version}, author = {A B}, year = 2021, doi = {10.1000/ONE}}
@misc{d, title = {Paper two}, author = {A B}, year = 2020, eprint = {2001.00001v2}, archivePrefix = {arXiv}}
@article{e, title = {{P}aper {T}wo}, author = {A B}, year = 2022}
@article{b, title = {Other}, author = {A B}, year = 2022}`)
    expect(findDuplicatesInPaste(entries)).toEqual([
      undefined,
      undefined,
      { index: 0, reason: 'doi' },
      { index: 1, reason: 'arxiv' },
      { index: 3, reason: 'title' },
      { index: 1, reason: 'bibtexKey' },
    ])
  })
})

describe('normalizeTitleForMatch', () => {
  it.each([
    ['  The {NTK}:  Deep   Nets! ', 'the ntk deep nets'],
    [String.raw`Sch{\"o}lkopf and Sch\"olkopf and Schölkopf`, 'scholkopf and scholkopf and scholkopf'],
    [String.raw`Fran{\c c}ois, \emph{Ørsted} and Straße`, 'francois orsted and strasse'],
    [String.raw`$\epsilon$-greedy`, 'ε greedy'],
  ])('%j → %j', (title, expected) => {
    expect(normalizeTitleForMatch(title)).toBe(expected)
  })

  it('reads LaTeX and Unicode spellings alike', () => {
    expect(normalizeTitleForMatch(String.raw`{\'E}tude of $\epsilon$`)).toBe(normalizeTitleForMatch('Étude of ε'))
  })
})
