import 'server-only'
import { LoginThrottle } from './throttle'

/** One throttle per server process (globalThis: Next may load this module once per route bundle). */
export function loginThrottle(): LoginThrottle {
  const state = globalThis as { __loginThrottle?: LoginThrottle }
  state.__loginThrottle ??= new LoginThrottle()
  return state.__loginThrottle
}

/**
 * The client's address. Next's server fills X-Forwarded-For from the socket when the request has
 * none; behind a reverse proxy, the proxy must set it (README, "Security").
 */
export function clientAddress(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip')?.trim() || 'unknown'
}
