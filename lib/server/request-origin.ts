import 'server-only'
import { env } from '../env.mjs'

/**
 * The origin the browser is using, from the request's own headers: `x-forwarded-proto` and
 * `x-forwarded-host`, which the production server sets from the socket or a proxy listed in
 * TRUST_PROXY (scripts/request-guard.mjs), else `host`. Not `new URL(request.url).origin`: behind
 * the server that is its own idea of its host (`localhost`), whatever the browser used.
 */
export function requestOrigin(headers: Headers): string | undefined {
  const host = headers.get('x-forwarded-host') ?? headers.get('host')
  if (!host) return undefined
  const protocol = headers.get('x-forwarded-proto') === 'https' ? 'https' : 'http'
  return originOf(`${protocol}://${host}`)
}

function originOf(value: string): string | undefined {
  try {
    return new URL(value).origin
  } catch {
    return undefined
  }
}

/**
 * Whether a write comes from a page of this site: no Origin (not a browser, or a same-origin GET),
 * or the origin the request was sent to, or the configured SITE_URL.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin')
  if (origin === null) return true
  const sent = originOf(origin)
  if (sent === undefined) return false
  return sent === requestOrigin(request.headers) || (env.siteUrlConfigured && sent === env.siteUrl.origin)
}
