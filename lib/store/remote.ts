import 'server-only'
import { authEnv } from '../env.mjs'
import { push } from './git'

export type PushStatus = {
  remote: string
  pending: boolean
  lastError?: string
  lastFailure?: string
  lastSuccess?: string
}

const pushState = globalThis as { __pushStatus?: PushStatus; __pushTimer?: NodeJS.Timeout; __pushing?: boolean }

/** Pushes after a commit when CONTENT_GIT_REMOTE is set; a failure is retried every minute. */
export function schedulePush(root: string): void {
  const remote = authEnv().contentGitRemote
  if (!remote) return
  pushState.__pushStatus = { ...(pushState.__pushStatus ?? {}), remote, pending: true }
  void attemptPush(root, remote)
}

async function attemptPush(root: string, remote: string): Promise<void> {
  if (pushState.__pushing) return
  pushState.__pushing = true
  clearTimeout(pushState.__pushTimer)
  try {
    // Outside the store's lock: a slow remote must not delay saves (git locks its own refs).
    await push(root, remote)
    pushState.__pushStatus = { remote, pending: false, lastSuccess: new Date().toISOString() }
  } catch (error) {
    pushState.__pushStatus = {
      ...(pushState.__pushStatus ?? { remote }),
      remote,
      pending: true,
      lastError: error instanceof Error ? error.message : String(error),
      lastFailure: new Date().toISOString(),
    }
    pushState.__pushTimer = setTimeout(() => void attemptPush(root, remote), 60_000)
    pushState.__pushTimer.unref()
  } finally {
    pushState.__pushing = false
  }
}

export function pushStatus(): PushStatus | undefined {
  return pushState.__pushStatus
}
