import { describe, expect, it } from 'vitest'
import { addressKey } from './throttle-store'

describe('the address a sign-in is counted under', () => {
  it('is an IPv4 address as it is, also when written IPv4-mapped', () => {
    expect(addressKey('203.0.113.7')).toBe('address:203.0.113.7')
    expect(addressKey('::ffff:203.0.113.7')).toBe('address:203.0.113.7')
  })

  it('is the /64 of an IPv6 address, which one client can rotate through', () => {
    const key = addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')
    expect(key).toBe('address:2001:db8:1:2::/64')
    expect(addressKey('2001:db8:1:2::1')).toBe(key)
    expect(addressKey('2001:db8:1:3::1')).not.toBe(key)
  })

  it('keeps anything else as it came', () => {
    expect(addressKey('unknown')).toBe('address:unknown')
  })
})
