// What every deadline worker thread (scripts/body-worker.mjs, lib/import/bibtex-worker.ts) does
// first: step back to the lowest CPU priority, and say which OS thread it is, so that the thread
// that started it can bound the CPU time it uses (lib/server/deadline-worker.ts).
import fs from 'node:fs'
import os from 'node:os'

/**
 * Lowers this thread's priority and returns its OS thread id, both on Linux only: there a nice
 * value belongs to one thread (elsewhere `setPriority` would slow the whole server, for good), and
 * `/proc/thread-self` names the thread whose CPU time `/proc/self/task/<tid>/stat` counts.
 */
export function backgroundThread() {
  if (process.platform !== 'linux') return undefined
  try {
    os.setPriority(19)
  } catch {
    // not permitted here: the budget still bounds the work
  }
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').at(-1))
    return Number.isInteger(tid) && tid > 0 ? tid : undefined
  } catch {
    return undefined
  }
}
