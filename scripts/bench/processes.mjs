// Child processes for the benchmark: timed runs with the peak RSS of the whole process tree (Next
// builds in worker processes, so the parent's own RSS says little), long-lived servers, free ports.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'

/**
 * @typedef {object} ProcessOptions
 * @property {string} cwd
 * @property {NodeJS.ProcessEnv} env
 * @property {string} logFile where its output goes
 */
/** @typedef {ReturnType<typeof startProcess>} StartedProcess */

/** @param {number} rootPid */
function descendants(rootPid) {
  /** @type {Map<number, number[]>} */
  const children = new Map()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // exited meanwhile
    }
    // The command name may hold spaces and parentheses: the fields after the last ')' are fixed.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    const siblings = children.get(ppid) ?? []
    siblings.push(Number(entry))
    children.set(ppid, siblings)
  }
  const tree = []
  const queue = [rootPid]
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    tree.push(pid)
    queue.push(...(children.get(pid) ?? []))
  }
  return tree
}

/**
 * Resident memory of `rootPid` and all its descendants, in bytes (Linux /proc).
 * @param {number} rootPid
 */
export function treeRssBytes(rootPid) {
  let total = 0
  for (const pid of descendants(rootPid)) {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (kb) total += Number(kb[1]) * 1024
    } catch {
      // exited meanwhile
    }
  }
  return total
}

/**
 * CPU time used so far by `rootPid` and its living descendants, in seconds (clock ticks of 1/100 s).
 * @param {number} rootPid
 */
function treeCpuSeconds(rootPid) {
  let ticks = 0
  for (const pid of descendants(rootPid)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks += Number(fields[11]) + Number(fields[12]) // utime, stime
    } catch {
      // exited meanwhile
    }
  }
  return ticks / 100
}

/**
 * Resolves once the process tree has been idle (under 5% of a core) for `quietMs`: a server may
 * do work after it starts answering (the content worker's first build), which must not overlap
 * a measurement. Returns how long it waited.
 * @param {number} rootPid
 * @param {{ quietMs?: number, timeoutMs?: number }} [options]
 */
export async function waitForIdle(rootPid, { quietMs = 2000, timeoutMs = 600_000 } = {}) {
  const started = performance.now()
  const stepMs = 250
  let quietFor = 0
  let last = treeCpuSeconds(rootPid)
  while (quietFor < quietMs) {
    if (performance.now() - started > timeoutMs)
      throw new Error(`The server was still busy after ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, stepMs))
    const now = treeCpuSeconds(rootPid)
    quietFor = now - last < 0.05 * (stepMs / 1000) ? quietFor + stepMs : 0
    last = now
  }
  return performance.now() - started - quietMs
}

/**
 * Runs a command to completion, sampling its process tree's RSS every `intervalMs`. Output goes
 * to `logFile` (the figures are what the bench prints). Rejects on a non-zero exit.
 * @param {string} command
 * @param {string[]} args
 * @param {ProcessOptions & { intervalMs?: number }} options
 * @returns {Promise<{ seconds: number, peakRssBytes: number }>}
 */
export function runMeasured(command, args, { cwd, env, logFile, intervalMs = 100 }) {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(logFile, 'a')
    const started = performance.now()
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', log, log] })
    let peak = 0
    const sample = () => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRssBytes(child.pid))
    }
    const timer = setInterval(sample, intervalMs)
    child.on('error', (error) => {
      clearInterval(timer)
      reject(error)
    })
    child.on('exit', (code, signal) => {
      clearInterval(timer)
      fs.closeSync(log)
      const seconds = (performance.now() - started) / 1000
      if (code === 0) resolve({ seconds, peakRssBytes: peak })
      else reject(new Error(`${[command, ...args].join(' ')} exited with ${signal ?? code}; see ${logFile}`))
    })
  })
}

/**
 * Starts a long-lived process; `stop()` ends it and waits for it.
 * @param {string} command
 * @param {string[]} args
 * @param {ProcessOptions} options
 */
export function startProcess(command, args, { cwd, env, logFile }) {
  const log = fs.openSync(logFile, 'a')
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', log, log] })
  const exited = new Promise((resolve) => child.on('exit', resolve))
  let stopped = false
  return {
    child,
    exited,
    async stop() {
      if (stopped) return
      stopped = true
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timeout)
      }
      fs.closeSync(log)
    },
  }
}

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * Resolves once `url` answers (any status below 500), or rejects after `timeoutMs`; at once when
 * `process` exits first.
 * @param {string} url
 * @param {{ timeoutMs?: number, process?: StartedProcess }} [options]
 */
export async function waitForHttp(url, { timeoutMs = 120_000, process } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (process && process.child.exitCode !== null)
      throw new Error(`The server exited with ${process.child.exitCode} before answering ${url}`)
    try {
      const response = await fetch(url, { redirect: 'manual' })
      await response.arrayBuffer()
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`No answer from ${url} within ${timeoutMs / 1000} s`)
}
