#!/usr/bin/env node
// `npm run build`: Contentlayer's check and generation of the content folder
// (scripts/contentlayer.mjs) and Next.js's compile, side by side, then Next.js's prerendering,
// which reads the generated content. Next.js's compile does not read the content (the site reads
// it from disk at run time, lib/content/generated.ts), so it need not wait for it: on two cores
// the two together take about the time of the longer one, not their sum (docs/performance.md).
//
// Next.js's two build modes, `compile` then `generate`, give the same `.next` a plain `next build`
// does, without its type check: `npm run typecheck` (part of `npm test`) is that check.
// Either step failing stops the other and the build.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
const started = performance.now()
/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set()
// The steps run in process groups of their own, which a Ctrl-C in the terminal does not reach.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
  process.on(signal, () => {
    for (const child of running) stopGroup(child)
    process.exit(signal === 'SIGINT' ? 130 : 143)
  })

/** @typedef {{ name: string, done: Promise<number>, stop: () => void }} Step */

/**
 * Runs a step; `buffered` holds its output until it ends, so two steps' lines do not mix.
 * @param {string} name
 * @param {string[]} args
 * @param {{ buffered?: boolean }} [options]
 * @returns {Step}
 */
function step(name, args, { buffered = false } = {}) {
  // Its own process group, so that stopping it stops Next.js's workers too.
  const child = spawn(process.execPath, args, {
    cwd: root,
    detached: true,
    stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  })
  running.add(child)
  /** @type {Buffer[]} */
  const output = []
  child.stdout?.on('data', (chunk) => output.push(chunk))
  child.stderr?.on('data', (chunk) => output.push(chunk))
  const done = new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`${name} could not start: ${error.message}`)
      resolve(1)
    })
    child.on('close', (code, signal) => {
      running.delete(child)
      if (output.length) process.stdout.write(Buffer.concat(output))
      resolve(code ?? (signal ? 128 : 1))
    })
  })
  return { name, done, stop: () => stopGroup(child) }
}

/** @param {import('node:child_process').ChildProcess} child */
function stopGroup(child) {
  if (child.pid === undefined || child.exitCode !== null) return
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    // Already gone.
  }
}

/**
 * Waits for every step; the first to fail stops the others.
 * @param {Step[]} steps
 */
async function all(steps) {
  /** @type {Step | undefined} */
  let failed
  await Promise.all(
    steps.map(async (current) => {
      const code = await current.done
      if (code === 0 || failed) return
      failed = current
      for (const other of steps) if (other !== current) other.stop()
    }),
  )
  if (failed) {
    console.error(`The build stopped: ${failed.name} failed (see above).`)
    process.exit(1)
  }
}

await all([
  step('Contentlayer', [path.join(root, 'scripts', 'contentlayer.mjs')], { buffered: true }),
  step('next build (compile)', [nextBin, 'build', '--experimental-build-mode=compile']),
])
await all([step('next build (prerender)', [nextBin, 'build', '--experimental-build-mode=generate'])])
console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
