#!/usr/bin/env node
// `npm run content`: runs `contentlayer2 build` for CONTENT_DIR (see contentlayer-paths.mjs).
// Contentlayer takes its working directory from PWD. NODE_ENV=production makes MDX compile for
// React's production JSX runtime, which the server evaluates.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { configPath, contentWorkDir, ensureModulesLink, projectRoot } from './contentlayer-paths.mjs'

const { contentDir, workDir } = contentWorkDir()
ensureModulesLink(workDir)

const cli = path.join(projectRoot, 'node_modules', 'contentlayer2', 'bin', 'cli.cjs')
const result = spawnSync(process.execPath, [cli, 'build', '--config', configPath, ...process.argv.slice(2)], {
  cwd: workDir,
  stdio: 'inherit',
  env: { ...process.env, PWD: workDir, CONTENT_DIR: contentDir, NODE_ENV: 'production' },
})
process.exit(result.status ?? 1)
