import 'server-only'
import ipaddr from 'ipaddr.js'
import { adminCredentials } from './credentials'
import { LoginThrottle } from './throttle'

/** The throttle's key for an email, as `authorize` compares it (lib/auth/options.ts). */
export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`

/**
 * One throttle per server process (globalThis: Next may load this module once per route bundle).
 * The admin's email is pinned: no flood of other keys can push its failures out.
 */
export function loginThrottle(): LoginThrottle {
  const state = globalThis as { __loginThrottle?: LoginThrottle }
  const adminKey = emailKey(adminCredentials().email)
  state.__loginThrottle ??= new LoginThrottle(5, 15 * 60 * 1000, Date.now, 10_000, (key) => key === adminKey)
  return state.__loginThrottle
}

/**
 * The throttle's key for a client address. An IPv6 client holds a whole /64 (2^64 addresses it
 * can rotate through), so it is counted by its /64; an IPv4-mapped address as the IPv4 one.
 */
export function addressKey(address: string): string {
  if (!ipaddr.isValid(address)) return `address:${address}`
  const parsed = ipaddr.process(address)
  if (parsed.kind() === 'ipv4') return `address:${parsed.toString()}`
  const prefix = ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`)
  return `address:${prefix.toString()}/64`
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
