/** Types of lib/worker-thread.mjs. */
export function backgroundThread(): number | undefined
