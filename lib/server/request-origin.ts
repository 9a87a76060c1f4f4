import 'server-only'
import { env, serverEnv } from '../env.mjs'
import { assumedOrigin, originOfRequest } from './origin.mjs'

/**
 * The origin the browser is using, from the request's own headers (see `originOfRequest`). Not
 * `new URL(request.url).origin`: behind the server that is its own idea of its host
 * (`localhost`), whatever the browser used.
 */
export function requestOrigin(headers: Headers): string | undefined {
  return originOfRequest((name) => headers.get(name))
}

/**
 * The site's origin for a response made per request (a social card): SITE_URL when set, else
 * the origin the request was sent to, else the one the server assumes for its port.
 */
export function siteOrigin(headers: Headers): URL {
  if (env.configuredSiteUrl) return env.configuredSiteUrl
  return new URL(requestOrigin(headers) ?? assumedOrigin(serverEnv().PORT))
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
  return sent === requestOrigin(request.headers) || sent === env.configuredSiteUrl?.origin
}
