import 'server-only'
import { randomBytes } from 'node:crypto'
import bcrypt from 'bcrypt'

/**
 * Password checks, off the main thread and one at a time. bcrypt costs about 0.3 s of CPU per
 * check by design; native bcrypt runs it on libuv's thread pool, so the event loop keeps serving
 * pages, and one lane means sign-in attempts, however many arrive, use at most one of the
 * machine's cores. Attempts beyond `MAX_WAITING` are refused at once (`PasswordLaneFull`) rather
 * than queued for minutes.
 */

export const MAX_WAITING = 16

export class PasswordLaneFull extends Error {
  constructor() {
    super('Too many sign-in attempts are being checked; try again in a few seconds.')
  }
}

/** True when a check asked for now would be refused: the route answers 503 before next-auth runs. */
export function passwordLaneFull(): boolean {
  return lane.running && lane.waiting.length >= MAX_WAITING
}

type LaneState = { running: boolean; waiting: (() => void)[] }
const state = globalThis as { __passwordLane?: LaneState; __dummyHashes?: Map<number, Promise<string>> }
const lane: LaneState = (state.__passwordLane ??= { running: false, waiting: [] })

async function inLane<T>(task: () => Promise<T>): Promise<T> {
  if (lane.running) {
    if (lane.waiting.length >= MAX_WAITING) throw new PasswordLaneFull()
    await new Promise<void>((resolve) => lane.waiting.push(resolve))
  }
  lane.running = true
  try {
    return await task()
  } finally {
    const next = lane.waiting.shift()
    if (next) next()
    else lane.running = false
  }
}

// `$2y$` (PHP's name) is the same algorithm as `$2b$`, which native bcrypt reads.
const normalize = (hash: string) => hash.replace(/^\$2y\$/, '$2b$')

/** A hash of a random secret with the same cost as `hash`, made once per cost. */
export function dummyHashLike(hash: string): Promise<string> {
  const rounds = bcrypt.getRounds(normalize(hash))
  const hashes = (state.__dummyHashes ??= new Map())
  let dummy = hashes.get(rounds)
  if (!dummy) {
    dummy = bcrypt.hash(randomBytes(16).toString('hex'), rounds)
    hashes.set(rounds, dummy)
  }
  return dummy
}

/** Makes the dummy hash ahead of the first unknown email, so that attempt is not slower either. */
export function warmPasswordChecks(costOf: string): void {
  void dummyHashLike(costOf).catch(() => undefined)
}

/**
 * Whether `password` matches `hash`. With no `hash` (an unknown email) the password is checked
 * against a dummy hash of the same cost as `costOf`, so both answers take as long and the timing
 * does not tell which emails exist.
 */
export function verifyPassword(password: string, hash: string | undefined, costOf: string): Promise<boolean> {
  return inLane(async () => {
    if (hash === undefined) {
      await bcrypt.compare(password, await dummyHashLike(costOf))
      return false
    }
    return bcrypt.compare(password, normalize(hash))
  })
}
