#!/usr/bin/env node
// `npm run dev`: Contentlayer's watcher beside `next dev` (next-contentlayer2's plugin only hooks
// webpack, and Next 16 builds with Turbopack). Stops both when either stops. A start does what
// every start does (instrumentation.ts); the watcher takes in files edited by hand.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { childEnv } from '../lib/env.mjs'
import { configPath, contentWorkDir, ensureModulesLink, projectRoot } from '../lib/content/contentlayer/paths.mjs'

const { contentDir, workDir } = contentWorkDir()
ensureModulesLink(workDir)

const children = [
  spawn(
    process.execPath,
    [path.join(projectRoot, 'node_modules/contentlayer2/bin/cli.cjs'), 'dev', '--config', configPath],
    {
      cwd: workDir,
      stdio: 'inherit',
      env: childEnv({ PWD: workDir, CONTENT_DIR: contentDir, NODE_ENV: 'production' }),
    },
  ),
  spawn(
    process.execPath,
    [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'dev', ...process.argv.slice(2)],
    { cwd: projectRoot, stdio: 'inherit', env: childEnv({ CONTENT_DIR: contentDir }) },
  ),
]

/** @param {number} code */
function stop(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  process.exit(code)
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0))
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => stop(0))
