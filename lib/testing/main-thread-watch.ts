/**
 * Runs `work` and measures, besides its duration, the longest time the main thread went without
 * running a timer: what every other request of a server would have waited.
 */
export async function withMainThreadWatch<T>(
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; longestStallMs: number }> {
  let longestStallMs = 0
  let last = performance.now()
  const tick = setInterval(() => {
    const now = performance.now()
    longestStallMs = Math.max(longestStallMs, now - last)
    last = now
  }, 5)
  const started = performance.now()
  try {
    const value = await work()
    const ms = performance.now() - started
    longestStallMs = Math.max(longestStallMs, performance.now() - last)
    return { value, ms, longestStallMs }
  } finally {
    clearInterval(tick)
  }
}
