import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { env } from '../env.mjs'

export const publicationsDir = () => path.join(/* turbopackIgnore: true */ env.contentDir, 'publications')

/** The file of a publication; never a path outside the publications folder. */
export function fileFor(slug: string): string {
  const dir = publicationsDir()
  const file = path.resolve(dir, `${slug}.mdx`)
  if (path.dirname(file) !== dir) throw new Error('Refusing a path outside the publications folder')
  return file
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
