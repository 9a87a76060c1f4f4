import { describe, expect, it } from 'vitest'
import { MAX_IDENTIFIERS, readIdentifierPaste } from './identifier-paste'

const ids = (text: string) => readIdentifierPaste(text).identifiers.map(({ kind, id }) => `${kind} ${id}`)
const problems = (text: string) => readIdentifierPaste(text).problems.map(({ line, message }) => `${line}: ${message}`)

describe('a paste of identifiers', () => {
  it('reads DOIs bare, prefixed and as addresses', () => {
    expect(
      ids(
        [
          '10.1016/j.physrep.2021.04.001',
          'doi:10.1088/1742-5468/abfbd6',
          'https://doi.org/10.48550/arXiv.2206.12314',
          'http://dx.doi.org/10.1000/a%2Fb',
        ].join('\n'),
      ),
    ).toEqual([
      'doi 10.1016/j.physrep.2021.04.001',
      'doi 10.1088/1742-5468/abfbd6',
      'doi 10.48550/arXiv.2206.12314',
      'doi 10.1000/a/b',
    ])
  })

  it('reads arXiv ids in the new and the old form, dropping the version', () => {
    expect(
      ids(
        [
          '2105.02468v2',
          'arXiv:2206.12314',
          'https://arxiv.org/abs/2210.01506v1',
          'https://arxiv.org/pdf/1906.08034.pdf',
          'hep-th/9901001',
          'math.GT/0309136v3',
        ].join('\n'),
      ),
    ).toEqual([
      'arxiv 2105.02468',
      'arxiv 2206.12314',
      'arxiv 2210.01506',
      'arxiv 1906.08034',
      'arxiv hep-th/9901001',
      'arxiv math.GT/0309136',
    ])
  })

  it('reads ORCID iDs bare or as addresses, verifying the check digit', () => {
    expect(ids('0000-0002-1825-0097\nhttps://orcid.org/0000-0002-1694-233x\n000000021825009 7')).toEqual([
      'orcid 0000-0002-1825-0097',
      'orcid 0000-0002-1694-233X',
    ])
    expect(problems('0000-0002-1825-0098')).toEqual([
      '1: ORCID iD 0000-0002-1825-0098 is malformed: its check digit does not match.',
    ])
  })

  it('names every line it cannot read, and goes on with the others', () => {
    const paste = ['2105.024', '10.1016', 'not an identifier', '2105.02468', 'https://orcid.org/someone'].join('\n')
    expect(ids(paste)).toEqual(['arxiv 2105.02468'])
    expect(problems(paste)).toEqual([
      '1: arXiv id malformed: 2105.024 is neither 2105.02468 nor hep-th/9901001 in form.',
      '2: DOI malformed: 10.1016 is not of the form 10.<registrant>/<suffix>.',
      '3: not is not a DOI, an arXiv id or an ORCID iD.',
      '3: an is not a DOI, an arXiv id or an ORCID iD.',
      '3: identifier is not a DOI, an arXiv id or an ORCID iD.',
      '5: ORCID iD malformed: https://orcid.org/someone does not end in an iD such as 0000-0002-1825-0097.',
    ])
  })

  it('reads each identifier once, skips blank lines and comments, and splits lists', () => {
    expect(
      ids(
        '# my papers\n\n2105.02468, 2105.02468v3\n10.1016/J.PHYSREP.2021.04.001 10.1016/j.physrep.2021.04.001 # twice\n',
      ),
    ).toEqual(['arxiv 2105.02468', 'doi 10.1016/J.PHYSREP.2021.04.001'])
  })

  it(`stops at ${MAX_IDENTIFIERS} identifiers, saying so`, () => {
    const paste = Array.from({ length: MAX_IDENTIFIERS + 5 }, (_, n) => `10.1000/paper.${n}`).join('\n')
    const { identifiers, problems: left } = readIdentifierPaste(paste)
    expect(identifiers).toHaveLength(MAX_IDENTIFIERS)
    expect(left).toEqual([
      expect.objectContaining({ line: MAX_IDENTIFIERS + 1, message: expect.stringMatching(/at most 200 identifiers/) }),
    ])
  })
})
