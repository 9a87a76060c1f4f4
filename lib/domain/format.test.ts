import { describe, expect, it } from 'vitest'
import { firstSentence, formatDashboardDate, monthName, normalizeText, plural, yearMonth } from './format'

describe('normalizeText', () => {
  it('lowercases, drops accents and folds punctuation to single spaces', () => {
    expect(normalizeText('  Léonardo  PETRINI ')).toBe('leonardo petrini')
    expect(normalizeText('L. Petrini')).toBe('l petrini')
    expect(normalizeText('Vanden-Eijnden, É.')).toBe('vanden eijnden e')
  })

  it('folds letters that do not decompose, so either spelling matches', () => {
    expect(normalizeText('Jørgensen Straße Łukasz Æsir')).toBe('jorgensen strasse lukasz aesir')
  })
})

describe('firstSentence', () => {
  it('keeps the first sentence', () => {
    expect(firstSentence('One claim. Another one! A third?')).toBe('One claim.')
    expect(firstSentence('Why? Because.')).toBe('Why?')
  })

  it('does not cut inside a number or an abbreviation without a following space', () => {
    expect(firstSentence('Error drops to 0.2 here. Then more.')).toBe('Error drops to 0.2 here.')
  })

  it('returns text without an end mark whole', () => {
    expect(firstSentence('No end mark')).toBe('No end mark')
  })

  it('cuts a long sentence at a word boundary with an ellipsis, within max', () => {
    const cut = firstSentence('alpha beta gamma delta epsilon.', 15)
    expect(cut).toBe('alpha beta…')
    expect(cut.length).toBeLessThanOrEqual(15)
  })
})

describe('plural', () => {
  it('says "1 more author" and "2 more authors"', () => {
    expect(plural(1, 'more author')).toBe('1 more author')
    expect(plural(2, 'more author')).toBe('2 more authors')
    expect(plural(0, 'publication')).toBe('0 publications')
  })

  it('takes an irregular plural', () => {
    expect(plural(3, 'thesis', 'theses')).toBe('3 theses')
    expect(plural(1, 'thesis', 'theses')).toBe('1 thesis')
  })
})

describe('monthName', () => {
  it('names months 1 to 12 and nothing for unknown', () => {
    expect(monthName(1)).toBe('January')
    expect(monthName(12)).toBe('December')
    expect(monthName(undefined)).toBeUndefined()
  })
})

describe('yearMonth', () => {
  it('writes the year and the month in two digits, or the year alone', () => {
    expect(yearMonth(2021, 4)).toBe('2021-04')
    expect(yearMonth(2021, 12, '/')).toBe('2021/12')
    expect(yearMonth(2021, undefined)).toBe('2021')
  })
})

describe('formatDashboardDate', () => {
  it('writes day, short month, year and the time on a 24-hour clock', () => {
    expect(formatDashboardDate('2026-12-01T14:02:00Z')).toBe('1 Dec 2026, 14:02')
    expect(formatDashboardDate('2025-09-30T09:05:59.999Z')).toBe('30 Sep 2025, 09:05')
  })

  it('shows the time at the offset the date was recorded with, whatever the reader’s time zone', () => {
    expect(formatDashboardDate('2026-12-01T23:30:00+02:00')).toBe('1 Dec 2026, 23:30')
    expect(formatDashboardDate('2026-01-01T00:15:00-05:30')).toBe('1 Jan 2026, 00:15')
  })

  it('writes a dash for what is no date', () => {
    expect(formatDashboardDate('')).toBe('—')
    expect(formatDashboardDate('yesterday')).toBe('—')
  })
})
