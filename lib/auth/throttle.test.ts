import { describe, expect, it } from 'vitest'
import { LoginThrottle } from './throttle'

function clock(start = 1_000_000) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

describe('LoginThrottle', () => {
  const minute = 60_000

  it('allows four failures and blocks at the fifth, even for a right password', () => {
    const time = clock()
    const throttle = new LoginThrottle(5, 15 * minute, time.now)
    for (let i = 0; i < 4; i++) throttle.recordFailure(['email:a'])
    expect(throttle.retryAfterMs(['email:a'])).toBe(0)
    throttle.recordFailure(['email:a'])
    expect(throttle.retryAfterMs(['email:a'])).toBe(15 * minute)
  })

  it('blocks by either key: the email or the address', () => {
    const time = clock()
    const throttle = new LoginThrottle(5, 15 * minute, time.now)
    for (let i = 0; i < 5; i++) throttle.recordFailure([`email:user${i}`, 'address:1.2.3.4'])
    expect(throttle.retryAfterMs(['email:someone-else', 'address:1.2.3.4'])).toBeGreaterThan(0)
    expect(throttle.retryAfterMs(['email:user0', 'address:5.6.7.8'])).toBe(0)
  })

  it('lets a key try again once the oldest counted failure leaves the window', () => {
    const time = clock()
    const throttle = new LoginThrottle(5, 15 * minute, time.now)
    throttle.recordFailure(['k'])
    time.advance(5 * minute)
    for (let i = 0; i < 4; i++) throttle.recordFailure(['k'])
    expect(throttle.retryAfterMs(['k'])).toBe(10 * minute)
    time.advance(10 * minute)
    expect(throttle.retryAfterMs(['k'])).toBe(0)
  })

  it('forgets failures after a successful sign-in', () => {
    const throttle = new LoginThrottle(5, 15 * minute, clock().now)
    for (let i = 0; i < 4; i++) throttle.recordFailure(['k'])
    throttle.recordSuccess(['k'])
    throttle.recordFailure(['k'])
    expect(throttle.retryAfterMs(['k'])).toBe(0)
  })

  it('stays bounded under a flood of made-up keys', () => {
    const throttle = new LoginThrottle(5, 15 * minute, clock().now, 100)
    throttle.recordFailure(['email:target'])
    for (let i = 0; i < 1000; i++) throttle.recordFailure([`email:flood${i}`])
    expect(throttle.trackedKeys).toBeLessThanOrEqual(100)
  })

  it('cannot be made to forget the admin’s email, nor a blocked address, by a flood of other keys', () => {
    const time = clock()
    const throttle = new LoginThrottle(5, 15 * minute, time.now, 10_000, (key) => key === 'email:admin@example.org')
    for (let i = 0; i < 5; i++) throttle.recordFailure(['email:admin@example.org', 'address:1.2.3.4'])
    expect(throttle.retryAfterMs(['email:admin@example.org'])).toBeGreaterThan(0)
    // 30,000 made-up emails and addresses, a failure each.
    for (let i = 0; i < 15_000; i++)
      throttle.recordFailure([`email:decoy-${i}@example.org`, `address:10.0.${i >> 8}.${i & 255}`])
    expect(throttle.trackedKeys).toBeLessThanOrEqual(10_000)
    expect(throttle.retryAfterMs(['email:admin@example.org']), 'the admin’s email is still blocked').toBeGreaterThan(0)
    expect(throttle.retryAfterMs(['address:1.2.3.4']), 'the blocked address is still blocked').toBeGreaterThan(0)
  })
})
