import 'server-only'
import fs from 'node:fs/promises'
import path from 'node:path'
import { env } from '../env.mjs'
import { MEDIA_DIR, publicationsDir } from './files'
import { repositoryRoot } from './git'

/**
 * After a crash (power loss, SIGKILL), before the first write: remove temporary files of writes
 * that never finished, and a git index lock left by a commit that was cut off. Edited files are
 * left as they are. Run by the start (instrumentation.ts) before the server answers.
 */
export async function recoverAfterCrash(): Promise<void> {
  try {
    const removed = await removeLeftovers()
    if (removed.length) console.log(`Cleaned up after an interrupted write: ${removed.join(', ')}`)
  } catch (error) {
    console.error('Could not clean up after an interrupted write:', error)
  }
}

async function removeLeftovers(): Promise<string[]> {
  const removed: string[] = []
  // Every folder a write puts a temporary file in: the publications, the settings' and the media.
  for (const dir of [publicationsDir(), env.contentDir, path.join(env.contentDir, MEDIA_DIR)]) {
    for (const name of await fs.readdir(dir).catch(() => [])) {
      if (name.startsWith('.') && name.endsWith('.tmp')) {
        await fs.rm(path.join(dir, name), { force: true })
        removed.push(name)
      }
    }
  }
  const root = await repositoryRoot(env.contentDir)
  const lock = root ? path.join(root, '.git', 'index.lock') : undefined
  // The content may live in a repository people also use by hand: a lock is stale only when no
  // git runs in it.
  if (
    root &&
    lock &&
    (await fs.stat(lock).then(
      () => true,
      () => false,
    )) &&
    (await noGitRunningIn(root))
  ) {
    await fs.rm(lock, { force: true })
    removed.push('.git/index.lock')
  }
  return removed
}

/**
 * True when no git process on this machine works in `root` (its working directory is in it; read
 * from /proc). False where that cannot be known: the lock then stays, and a save names it.
 */
async function noGitRunningIn(root: string): Promise<boolean> {
  try {
    const inside = (dir: string) => dir === root || dir.startsWith(`${root}${path.sep}`)
    const pids = (await fs.readdir('/proc')).filter((name) => /^\d+$/.test(name))
    const running = await Promise.all(
      pids.map(async (pid) => {
        const name = await fs.readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')
        if (name.trim() !== 'git') return false
        // A git that ended meanwhile no longer counts; one whose directory cannot be read might be in it.
        const cwd = await fs
          .readlink(`/proc/${pid}/cwd`)
          .catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : root))
        return cwd !== undefined && inside(cwd)
      }),
    )
    return !running.includes(true)
  } catch {
    return false
  }
}
