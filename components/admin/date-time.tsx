import { formatDashboardDate } from '@/lib/domain/format'

/**
 * A moment in the dashboard's one format (`formatDashboardDate`), in a `<time>` element that
 * keeps the exact value. Neither a client nor a server component, so that both kinds show dates
 * alike. A `Date` is written at this machine's UTC offset, as git dates the commits it makes here.
 */
export function DateTime({ value }: { value: string | Date }) {
  const iso = typeof value === 'string' ? value : withLocalOffset(value)
  return <time dateTime={iso}>{formatDashboardDate(iso)}</time>
}

/** `2026-12-01T14:02:00+01:00`: the wall-clock time here and its offset, which `toISOString` (UTC) drops. */
function withLocalOffset(date: Date): string {
  const offset = -date.getTimezoneOffset()
  const wall = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19)
  const two = (value: number) => String(Math.floor(value)).padStart(2, '0')
  return `${wall}${offset < 0 ? '-' : '+'}${two(Math.abs(offset) / 60)}:${two(Math.abs(offset) % 60)}`
}
