import { isDashboardPath, routes } from '../domain/routes.mjs'

/**
 * Where to send the admin after signing in: a path inside the dashboard, or `/admin`. Never
 * another site: the value is read the way a browser reads it, against this site, so `//evil.example`
 * and `/\evil.example` (which browsers read as `//`) name another origin and are refused, and what
 * is kept starts with `/admin`. Always re-encoded by the URL parser, so CR, LF, U+2028 or NUL can
 * never reach a `Location` header.
 */
export function safeReturnPath(value: string | undefined): string {
  if (!value) return routes.admin
  const base = 'http://return-path.invalid'
  let url: URL
  try {
    url = new URL(value, base)
  } catch {
    return routes.admin
  }
  if (url.origin !== base) return routes.admin
  const path = `${url.pathname}${url.search}${url.hash}`
  return isDashboardPath(url.pathname) ? path : routes.admin
}
