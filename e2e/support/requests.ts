import http from 'node:http'

/**
 * One credentials sign-in POST with a fresh CSRF token, as a client at `from` (sent as
 * X-Forwarded-For, which a server believes only from a proxy it trusts). `body` makes the request
 * body from the token; the default is next-auth's own form.
 */
export async function postSignIn(
  origin: string,
  {
    from,
    body,
    contentType = 'application/x-www-form-urlencoded',
  }: { from: string; body: (csrfToken: string) => string; contentType?: string },
): Promise<{ status: number; text: string; ms: number; session: boolean }> {
  const csrf = await fetch(`${origin}/api/auth/csrf`, { headers: { 'x-forwarded-for': from } })
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const cookie = csrf.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ')
  const start = performance.now()
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': contentType, 'x-forwarded-for': from },
    body: body(csrfToken),
  })
  const text = await response.text()
  const session = response.headers
    .getSetCookie()
    .some((value) => /^(__Secure-)?next-auth\.session-token=[^;]/.test(value))
  return { status: response.status, text, ms: performance.now() - start, session }
}

/** The sign-in form next-auth's client sends, with these fields (in order; repeats allowed). */
export const signInForm = (fields: [string, string][]) => (csrfToken: string) =>
  new URLSearchParams([['csrfToken', csrfToken], ...fields, ['json', 'true']]).toString()

/** Announces a body in `headers` (a Content-Length, or chunked), sends a little of it, and returns the answer's status. */
export function postAnnouncing(origin: string, pathname: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${origin}${pathname}`,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } },
      (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      },
    )
    // The server answers and closes without reading the rest: that is what is being tested.
    request.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error),
    )
    request.write('email=a%40b.org&password=')
    request.write('x'.repeat(64 * 1024))
  })
}
