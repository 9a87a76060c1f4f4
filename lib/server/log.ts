const logged = new Set<string>()

/**
 * Logs a problem once per `key` (a paper and what failed): outputs made per request would
 * otherwise log it on every request. The memory is bounded; past it, problems log again.
 */
export function logOnce(key: string, message: string, error: unknown): void {
  if (logged.has(key)) return
  if (logged.size >= 1000) logged.clear()
  logged.add(key)
  console.error(`${message}: ${error instanceof Error ? error.message : String(error)}`)
}
