import 'server-only'
import { LoginThrottle } from './throttle'

/** One throttle per server process (globalThis: Next may load this module once per route bundle). */
export function loginThrottle(): LoginThrottle {
  const state = globalThis as { __loginThrottle?: LoginThrottle }
  state.__loginThrottle ??= new LoginThrottle()
  return state.__loginThrottle
}

/**
 * The client's address. The production server (scripts/request-guard.mjs) replaces
 * X-Forwarded-For with the one address it trusts: the socket's, or through a proxy listed in
 * TRUST_PROXY the right-most hop that proxy did not add. Should several values get here anyway,
 * the right-most is the one nearest to us.
 */
export function clientAddress(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown'
}
