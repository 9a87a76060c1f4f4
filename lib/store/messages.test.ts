import { describe, expect, it } from 'vitest'
import type { PublicationVersion } from '../domain/field-changes'
import { addMessage, deleteMessage, editMessage, restoreMessage } from './messages'

const paper = (changes: Partial<PublicationVersion['frontmatter']> = {}, slug = 'a-paper') => ({
  slug,
  frontmatter: { title: 'A paper', year: 2021, authors: [{ name: 'Ada Lovelace' }], ...changes },
  body: '',
})
const LONG_TITLE = `Relative stability toward diffeomorphisms ${'indicates performance '.repeat(10)}in deep nets`

describe('commit messages', () => {
  it('names the fields an edit changed, in the editor’s order and words', () => {
    const before = paper()
    expect(editMessage(before, paper({ venue: 'NeurIPS', title: 'A new title' }), 'a-paper')).toBe(
      'Edit title, venue: "A new title"',
    )
    expect(editMessage(before, paper({ doi: '10.1000/x', bibtexKey: 'ada2021' }), 'a-paper')).toBe(
      'Edit DOI, BibTeX key: "A paper"',
    )
    expect(editMessage(before, { ...paper(), body: 'An abstract.' }, 'a-paper')).toBe('Edit abstract: "A paper"')
  })

  it('counts the fields past a few: "and N more"', () => {
    const after = paper({ title: 'Moved on', year: 2022, month: 5, venue: 'ICML', pages: '1–9' })
    expect(editMessage(paper(), after, 'a-paper')).toBe('Edit title, year, month and 2 more: "Moved on"')
  })

  it('says what a flag toggle did', () => {
    expect(editMessage(paper(), paper({ draft: true }), 'a-paper')).toBe('Mark "A paper" as draft')
    expect(editMessage(paper({ draft: true }), paper(), 'a-paper')).toBe('Publish "A paper"')
    expect(editMessage(paper(), paper({ selected: true }), 'a-paper')).toBe('Mark "A paper" as selected')
    expect(editMessage(paper({ selected: true }), paper(), 'a-paper')).toBe('Unmark "A paper" as selected')
    expect(editMessage(paper(), paper({ draft: true, venue: 'ICML' }), 'a-paper')).toBe('Edit venue, draft: "A paper"')
  })

  it('names a rename with its new slug, and the fields it changed besides', () => {
    expect(editMessage(paper(), paper({}, 'a-moved-paper'), 'a-paper')).toBe('Rename "A paper" to a-moved-paper')
    expect(editMessage(paper(), paper({ venue: 'ICML' }, 'moved'), 'a-paper')).toBe(
      'Rename "A paper" to moved; edit venue',
    )
  })

  it('adds, deletes and restores by title', () => {
    expect(addMessage('A paper')).toBe('Add "A paper"')
    expect(deleteMessage('A paper')).toBe('Delete "A paper"')
    expect(restoreMessage('A paper', '0123456789abcdef')).toBe('Restore "A paper" to 0123456')
  })

  it('says only "Edit" when the file it replaced could not be read, and "Reformat" when no value changed', () => {
    expect(editMessage(undefined, paper(), 'a-paper')).toBe('Edit "A paper"')
    expect(editMessage(paper(), paper(), 'a-paper')).toBe('Reformat "A paper"')
  })

  it('keeps the first line to 72 characters, cutting the title with an ellipsis', () => {
    const everything = paper({
      title: LONG_TITLE,
      year: 2022,
      month: 5,
      order: 2,
      venue: 'Supplementary venue',
      venueShort: 'SV',
      supplementary: 'https://example.org/s',
      award: 'Best paper',
    })
    const subjects = [
      addMessage(LONG_TITLE),
      deleteMessage(LONG_TITLE),
      restoreMessage(LONG_TITLE, 'abcdef0123456'),
      editMessage(paper(), everything, 'a-paper'),
      editMessage(paper(), paper({ title: LONG_TITLE, draft: true }), 'a-paper'),
      editMessage(paper(), { ...everything, slug: `${'very-long-slug-'.repeat(6)}end` }, 'a-paper'),
      editMessage(paper(), { ...paper({ title: LONG_TITLE }), slug: 'short' }, 'a-paper'),
    ]
    for (const subject of subjects) {
      expect(Array.from(subject).length, subject).toBeLessThanOrEqual(72)
      expect(subject, 'a cut title ends with an ellipsis').toMatch(/…"/)
    }
    expect(subjects[3]).toMatch(/^Edit title, year, month and 5 more: "Relative stability/)
    expect(subjects[5]).toMatch(/^Rename "Relative.*…" to very-long-slug-very-long-slug-v…; edit 8 fields$/)
  })

  it('never splits a character or lets a line break into the first line', () => {
    const subject = addMessage(`Line one\nline two ${'😀'.repeat(80)}`)
    expect(subject).toMatch(/^Add "Line one line two 😀+…"$/u)
    expect(subject).not.toMatch(/\p{Cs}/u)
  })
})
