/**
 * Text as people read it and as the site compares it: counts, months and dates, sentences, and
 * text folded for matching. Safe in the browser (the dashboard's search and filters use it).
 */

// Letters that do not decompose into a base letter and marks.
const SPECIAL_LETTERS: Record<string, string> = {
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
}

/**
 * Lowercase, accents removed (`é` → `e`, `ø` → `o`, `ß` → `ss`), punctuation folded to single
 * spaces: for matching names, titles and search terms.
 */
export function normalizeText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øßæœłđðþı]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** English plural for counts shown to people ("1 more author", "2 more authors"). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

export function monthName(month: number | undefined): string | undefined {
  return month === undefined ? undefined : MONTHS[month - 1]
}

/** A paper's date as machines read it: `2021-04` (or `2021/04`), or `2021` without a month. */
export function yearMonth(year: number, month: number | undefined, separator: '-' | '/' = '-'): string {
  return month ? `${year}${separator}${String(month).padStart(2, '0')}` : String(year)
}

/** The first sentence, cut to `max` characters at a word boundary. */
export function firstSentence(text: string, max = 300): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text)
  const sentence = match?.[1] ?? text
  if (sentence.length <= max) return sentence
  const cut = sentence.slice(0, max - 1)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/**
 * A moment as the dashboard writes it everywhere: `1 Dec 2026, 14:02`, at the UTC offset the ISO
 * text carries (git's dates carry the committer's, as `git log` shows them), or `—` when it is no
 * date. Spelled out by hand rather than with `Intl`: the server renders it and the browser
 * hydrates it, and their time zones and ICU data differ (`Sep` is `Sept` in newer en-GB).
 */
export function formatDashboardDate(iso: string): string {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return '—'
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(iso)
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0
  const wall = new Date(time + minutes * 60_000)
  const two = (value: number) => String(value).padStart(2, '0')
  const day = `${wall.getUTCDate()} ${SHORT_MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()}`
  return `${day}, ${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`
}
