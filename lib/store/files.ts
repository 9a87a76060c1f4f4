import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

/** The version an editor carries: a hash of the exact bytes it loaded. */
export function versionOf(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex')
}

/**
 * Replaces `file` so that a crash leaves the old or the new content, never a torn file: write a
 * temporary file in the same folder, flush it to disk, rename it over the target, flush the folder.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const dir = path.dirname(file)
  const temporary = path.join(dir, `.${path.basename(file)}.${randomUUID()}.tmp`)
  const handle = await fs.open(temporary, 'wx', 0o644)
  try {
    await handle.writeFile(content, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await fs.rename(temporary, file)
  } catch (error) {
    await fs.rm(temporary, { force: true })
    throw error
  }
  await syncDirectory(dir)
}

export async function removeFile(file: string): Promise<void> {
  await fs.rm(file)
  await syncDirectory(path.dirname(file))
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8')
  } catch (error) {
    const failure = error as NodeJS.ErrnoException
    if (failure.code === 'ENOENT') return undefined
    // Node leaves out which file a failed read was of (EISDIR): `describeFailure` names it.
    failure.path ??= file
    failure.syscall ??= 'read'
    throw error
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operating system does not permit it (is the folder read-only or immutable?)',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'part of its path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'its folder does not exist',
  EEXIST: 'a file of that name already exists',
  EMFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
}
const OPERATIONS: Record<string, string> = {
  open: 'write',
  rename: 'replace',
  rm: 'remove',
  unlink: 'remove',
  fsync: 'flush',
  readdir: 'list',
  read: 'read',
  stat: 'read',
}

/**
 * A file-system failure in words a person can act on, naming the file relative to `root` (the
 * content folder): `could not write publications/x.mdx: permission denied (EACCES)`. Anything
 * else keeps its own message.
 */
export function describeFailure(error: unknown, root: string): string {
  if (!(error instanceof Error)) return String(error)
  const { code, syscall, path: file } = error as NodeJS.ErrnoException
  if (!code || !file) return error.message
  const name = path.relative(root, file) || path.basename(file)
  const what =
    name.includes(`${path.sep}.`) && name.endsWith('.tmp') ? `a temporary file in ${path.dirname(name)}/` : name
  return `could not ${OPERATIONS[syscall ?? ''] ?? syscall ?? 'change'} ${what}: ${REASONS[code] ?? code.toLowerCase()} (${code})`
}
