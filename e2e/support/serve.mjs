#!/usr/bin/env node
// Builds and starts the production server for the end-to-end tests on a temporary,
// git-initialised copy of content/, never the repository's own. The build goes to .next-e2e so
// it cannot replace the build `npm start` serves.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import bcrypt from 'bcrypt'
import { childEnv, toolEnv } from '../../lib/env.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { E2E_ROOT: workDir, E2E_PORT: port, E2E_ADMIN_EMAIL: adminEmail, E2E_ADMIN_PASSWORD: adminPassword } = toolEnv()
if (!workDir || !adminEmail || !adminPassword)
  throw new Error('serve.mjs is started by playwright.config.ts, which sets E2E_ROOT, E2E_PORT and the admin')
const contentDir = path.join(workDir, 'content')

fs.rmSync(workDir, { recursive: true, force: true })
fs.mkdirSync(workDir, { recursive: true })
fs.cpSync(path.join(root, 'content'), contentDir, { recursive: true })
const git = (/** @type {string[]} */ ...args) => execFileSync('git', args, { cwd: contentDir, stdio: 'pipe' })
git('init', '-q', '-b', 'main')
git('add', '-A')
git('-c', 'user.name=Seed', '-c', 'user.email=seed@example.org', 'commit', '-qm', 'Seed content')
const remote = path.join(workDir, 'remote.git')
execFileSync('git', ['init', '-q', '--bare', remote])

const origin = `http://127.0.0.1:${port}`
const env = childEnv({
  CONTENT_DIR: contentDir,
  NEXT_DIST_DIR: '.next-e2e',
  PORT: String(port),
  SITE_URL: origin,
  NEXTAUTH_URL: origin,
  NEXTAUTH_SECRET: 'e2e-secret-that-is-long-enough-for-next-auth-jwt',
  ADMIN_EMAIL: adminEmail,
  ADMIN_PASSWORD_HASH: bcrypt.hashSync(adminPassword, 10),
  ADMIN_CREDENTIALS_FILE: path.join(workDir, 'admin-credentials.json'),
  CONTENT_GIT_REMOTE: remote,
  // As behind a reverse proxy on this machine: tests stand for many clients by sending
  // X-Forwarded-For (e2e/admin-throttle.spec.ts checks a server that trusts no proxy).
  TRUST_PROXY: 'loopback',
})
const run = (/** @type {string} */ command, /** @type {string[]} */ args) =>
  execFileSync(command, args, { cwd: root, env, stdio: 'inherit' })
// `npm run build`, on the test's copy of the content.
run(process.execPath, [path.join(root, 'scripts/build.mjs')])

// The server `npm start` runs, so the tests see the production headers (the CSP above all).
const server = spawn(process.execPath, [path.join(root, 'scripts/server.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
  cwd: root,
  env,
  stdio: 'inherit',
})
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
