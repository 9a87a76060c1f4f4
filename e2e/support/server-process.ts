import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import bcrypt from 'bcrypt'
import { E2E_ADMIN } from './paths'
import { childEnv, toolEnv } from '../../lib/env.mjs'

const root = path.resolve(__dirname, '../..')

/** When the content copy of each server is committed: long before its files' own times. */
export const SEED_COMMIT_DATE = '2024-06-01T09:00:00.000Z'

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * A production server of its own, for tests that must kill it: a copy of the e2e build (so its
 * page cache never mixes with the shared server's) over its own git-initialised content copy.
 */
export class ServerProcess {
  readonly origin: string
  private child: ChildProcess | undefined
  private cookies = new Map<string, string>()

  constructor(
    readonly port: number,
    readonly workDir: string,
    readonly distDir: string,
    /** More environment for the server (settings under test). */
    private readonly extraEnv: Record<string, string | undefined> = {},
  ) {
    this.origin = `http://127.0.0.1:${port}`
  }

  get contentDir() {
    return path.join(this.workDir, 'content')
  }

  /** Makes the content copy (git-initialised) and the build copy. */
  prepare() {
    fs.rmSync(this.workDir, { recursive: true, force: true })
    fs.mkdirSync(this.workDir, { recursive: true })
    fs.cpSync(path.join(root, 'content'), this.contentDir, { recursive: true })
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: this.contentDir,
        stdio: 'pipe',
        env: childEnv({ GIT_AUTHOR_DATE: SEED_COMMIT_DATE, GIT_COMMITTER_DATE: SEED_COMMIT_DATE }),
      })
    git('init', '-q', '-b', 'main')
    git('add', '-A')
    git('-c', 'user.name=Seed', '-c', 'user.email=seed@example.org', 'commit', '-qm', 'Seed content')
    execFileSync(process.execPath, [path.join(root, 'scripts/contentlayer.mjs')], {
      env: childEnv({ CONTENT_DIR: this.contentDir }),
      stdio: 'pipe',
    })
    fs.rmSync(path.join(root, this.distDir), { recursive: true, force: true })
    fs.cpSync(path.join(root, '.next-e2e'), path.join(root, this.distDir), {
      recursive: true,
      filter: (source) => path.basename(source) !== 'cache',
    })
  }

  async start() {
    this.child = spawn(
      process.execPath,
      [path.join(root, 'scripts/server.mjs'), '-p', String(this.port), '-H', '127.0.0.1'],
      {
        cwd: root,
        // Its own process group, so a kill takes the server, its Contentlayer worker and any git with it.
        detached: true,
        stdio: toolEnv().E2E_SERVER_LOG ? 'inherit' : 'ignore',
        env: childEnv({
          CONTENT_DIR: this.contentDir,
          NEXT_DIST_DIR: this.distDir,
          SITE_URL: this.origin,
          NEXTAUTH_URL: this.origin,
          NEXTAUTH_SECRET: 'e2e-secret-that-is-long-enough-for-next-auth-jwt',
          ADMIN_EMAIL: E2E_ADMIN.email,
          ADMIN_PASSWORD_HASH: bcrypt.hashSync(E2E_ADMIN.password, 4),
          ADMIN_CREDENTIALS_FILE: path.join(this.workDir, 'admin-credentials.json'),
          CONTENT_GIT_REMOTE: '',
          ...this.extraEnv,
        }),
      },
    )
    const deadline = Date.now() + 60_000
    for (;;) {
      try {
        if ((await fetch(`${this.origin}/api/auth/csrf`)).ok) break
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('the server did not start')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await this.signIn()
  }

  /** SIGKILL to the whole process group: nothing gets to clean up. */
  crash() {
    if (this.child?.pid) process.kill(-this.child.pid, 'SIGKILL')
    this.child = undefined
  }

  /** SIGTERM, then waits until the whole group (server, worker, git) is gone; SIGKILL after 10 s. */
  async stop() {
    const pid = this.child?.pid
    this.child = undefined
    if (!pid) return
    process.kill(-pid, 'SIGTERM')
    const deadline = Date.now() + 10_000
    while (groupAlive(pid)) {
      if (Date.now() > deadline) {
        process.kill(-pid, 'SIGKILL')
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  private keep(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      const index = pair.indexOf('=')
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1))
    }
  }

  private get cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  private async signIn() {
    this.cookies.clear()
    const csrf = await fetch(`${this.origin}/api/auth/csrf`)
    this.keep(csrf)
    const { csrfToken } = (await csrf.json()) as { csrfToken: string }
    const response = await fetch(`${this.origin}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, email: E2E_ADMIN.email, password: E2E_ADMIN.password, json: 'true' }),
    })
    this.keep(response)
    if (![...this.cookies.keys()].some((name) => name.endsWith('session-token')))
      throw new Error(`sign-in failed: ${response.status} ${await response.text()}`)
  }

  /** A call to the admin JSON API with the session. */
  api(pathname: string, init: { method?: string; body?: unknown } = {}) {
    return fetch(`${this.origin}${pathname}`, {
      method: init.method ?? 'GET',
      headers: {
        cookie: this.cookieHeader,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
  }
}
