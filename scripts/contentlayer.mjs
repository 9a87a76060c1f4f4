#!/usr/bin/env node
// Runs `contentlayer2 build` from the parent of CONTENT_DIR, so its `.contentlayer/` output sits
// beside the content it was built from (a temporary copy gets its own). Contentlayer takes its
// working directory from PWD. NODE_ENV=production makes MDX compile for React's production runtime.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const contentDir = path.resolve(root, process.env.CONTENT_DIR || 'content')
const workDir = path.dirname(contentDir)
const cli = path.join(root, 'node_modules', 'contentlayer2', 'bin', 'cli.cjs')

// Contentlayer compiles its config into `.contentlayer/.cache` beside the output; that module
// imports contentlayer2 and the MDX plugins, which must resolve from there.
const modules = path.join(workDir, 'node_modules')
if (workDir !== root && !fs.existsSync(modules)) fs.symlinkSync(path.join(root, 'node_modules'), modules, 'dir')

const result = spawnSync(process.execPath, [cli, 'build', '--config', path.join(root, 'contentlayer.config.ts'), ...process.argv.slice(2)], {
  cwd: workDir,
  stdio: 'inherit',
  env: { ...process.env, PWD: workDir, CONTENT_DIR: contentDir, NODE_ENV: 'production' },
})
process.exit(result.status ?? 1)
