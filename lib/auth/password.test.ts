import bcrypt from 'bcrypt'
import { describe, expect, it } from 'vitest'
import { dummyHashLike, MAX_WAITING, PasswordLaneFull, passwordLaneFull, verifyPassword } from './password'

async function median(times: number, run: () => Promise<unknown>): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const start = performance.now()
    await run()
    samples.push(performance.now() - start)
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)] ?? 0
}

describe('password checks', () => {
  it('accept the right password and refuse a wrong one; read $2y$ hashes too', async () => {
    const hash = await bcrypt.hash('right', 4)
    expect(await verifyPassword('right', hash, hash)).toBe(true)
    expect(await verifyPassword('wrong', hash, hash)).toBe(false)
    expect(await verifyPassword('right', hash.replace(/^\$2b\$/, '$2y$'), hash)).toBe(true)
    expect(await verifyPassword('right', undefined, hash), 'an unknown email never signs in').toBe(false)
  })

  it('check an unknown email against a hash of the admin’s own cost', async () => {
    for (const cost of [4, 10, 12]) {
      const hash = await bcrypt.hash('right', cost)
      expect(bcrypt.getRounds(await dummyHashLike(hash)), `cost ${cost}`).toBe(cost)
    }
  })

  it('take as long for an unknown email as for a wrong password', async () => {
    for (const cost of [10]) {
      const hash = await bcrypt.hash('right', cost)
      await verifyPassword('warm-up', undefined, hash)
      const wrongPassword = await median(5, () => verifyPassword('wrong', hash, hash))
      const unknownEmail = await median(5, () => verifyPassword('wrong', undefined, hash))
      expect(
        unknownEmail / wrongPassword,
        `cost ${cost}: ${unknownEmail.toFixed(1)} ms against ${wrongPassword.toFixed(1)} ms`,
      ).toBeGreaterThan(0.5)
      expect(
        unknownEmail / wrongPassword,
        `cost ${cost}: ${unknownEmail.toFixed(1)} ms against ${wrongPassword.toFixed(1)} ms`,
      ).toBeLessThan(2)
    }
  })

  it('run one at a time, off the event loop, and refuse at once when too many wait', async () => {
    const hash = await bcrypt.hash('right', 8)
    let ticks = 0
    const ticker = setInterval(() => ticks++, 5)
    const checks = Array.from({ length: MAX_WAITING + 1 }, () => verifyPassword('wrong', hash, hash))
    expect(passwordLaneFull()).toBe(true)
    await expect(verifyPassword('wrong', hash, hash)).rejects.toBeInstanceOf(PasswordLaneFull)
    expect(await Promise.all(checks)).toEqual(checks.map(() => false))
    clearInterval(ticker)
    expect(passwordLaneFull()).toBe(false)
    // 17 hashes of cost 8 take a few hundred ms; the event loop kept ticking all along.
    expect(ticks).toBeGreaterThan(10)
  })
})
