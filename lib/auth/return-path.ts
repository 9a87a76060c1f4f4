/**
 * Where to send the admin after signing in: a path inside the dashboard, or `/admin`. Never
 * another site (`//evil.example`, `/\evil.example`, which browsers read as `//`), and always
 * re-encoded by the URL parser, so CR, LF, U+2028 or NUL can never reach a `Location` header.
 */
export function safeReturnPath(value: string | undefined): string {
  if (!value) return '/admin'
  const base = 'http://return-path.invalid'
  let url: URL
  try {
    url = new URL(value, base)
  } catch {
    return '/admin'
  }
  if (url.origin !== base || /^[/\\]{2}/.test(value.replace(/[\u0000-\u0020]/g, ''))) return '/admin'
  const path = `${url.pathname}${url.search}${url.hash}`
  return url.pathname === '/admin' || url.pathname.startsWith('/admin/') ? path : '/admin'
}
