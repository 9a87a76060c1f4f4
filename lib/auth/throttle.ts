/**
 * Failed sign-in attempts per key (an email, a client address) in a sliding window. After
 * `limit` failures within `windowMs`, the key is refused, even with the right password, until
 * the oldest failure leaves the window. In memory: right for one server process.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
    /** Keys never forgotten to make room (the admin's email: the one worth guessing). */
    private readonly pinned: (key: string) => boolean = () => false,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs
    const kept = (this.failures.get(key) ?? []).filter((time) => time > cutoff)
    if (kept.length) this.failures.set(key, kept)
    else this.failures.delete(key)
    return kept
  }

  /** Milliseconds until these keys may try again, or 0 when none is blocked. */
  retryAfterMs(keys: readonly string[]): number {
    let wait = 0
    for (const key of keys) {
      const recent = this.recent(key)
      if (recent.length >= this.limit) {
        const oldestThatCounts = recent[recent.length - this.limit] ?? this.now()
        wait = Math.max(wait, oldestThatCounts + this.windowMs - this.now())
      }
    }
    return wait
  }

  recordFailure(keys: readonly string[]): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key), this.now()])
    if (this.failures.size > this.maxKeys) this.prune()
  }

  /** How many emails and addresses are being counted (memory stays bounded by `maxKeys`). */
  get trackedKeys(): number {
    return this.failures.size
  }

  /**
   * Bounds memory under a flood of made-up emails and addresses: forget expired keys, then the
   * keys with the fewest failures, the least recent first, down to 90% of the bound (so this runs
   * once per many failures, not on each). A blocked key goes last and a pinned one never: a
   * flood must not be a way to make the throttle forget the key it protects.
   */
  private prune(): void {
    for (const key of [...this.failures.keys()]) this.recent(key)
    const excess = this.failures.size - Math.floor(this.maxKeys * 0.9)
    if (excess <= 0) return
    const candidates = [...this.failures.entries()]
      .filter(([key]) => !this.pinned(key))
      .sort(([, a], [, b]) => a.length - b.length || (a.at(-1) ?? 0) - (b.at(-1) ?? 0))
    for (const [key] of candidates.slice(0, excess)) this.failures.delete(key)
  }

  recordSuccess(keys: readonly string[]): void {
    for (const key of keys) this.failures.delete(key)
  }
}
