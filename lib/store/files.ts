import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { env } from '../env.mjs'
import { MEDIA_NAME } from '../media/kinds'

export const publicationsDir = () => path.join(/* turbopackIgnore: true */ env.contentDir, 'publications')

/** The file of the site settings. */
export const SITE_FILE = 'site.yaml'
/** The folder of uploaded media (lib/media), committed with the content. */
export const MEDIA_DIR = 'media'

/** A publication's path in the content folder, as a transaction's change names it. */
export const publicationPath = (slug: string) => `publications/${slug}.mdx`

/** The slug of a publication path, or undefined for any other file. */
export function slugOfPath(relative: string): string | undefined {
  return /^publications\/([a-z0-9-]+)\.mdx$/.exec(relative)?.[1]
}

/**
 * The file a path in the content folder names: a publication, the site settings or an uploaded
 * medium, and nothing else, so a write can never reach outside the files the dashboard owns.
 */
export function contentFile(relative: string): string {
  const slug = slugOfPath(relative)
  if (slug !== undefined) return fileFor(slug)
  const [folder, name = '', ...deeper] = relative.split('/')
  if (relative === SITE_FILE || (folder === MEDIA_DIR && deeper.length === 0 && MEDIA_NAME.test(name)))
    return path.join(/* turbopackIgnore: true */ env.contentDir, relative)
  throw new Error(`Refusing a path the dashboard does not write: ${relative}`)
}

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
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file)
  const temporary = path.join(dir, `.${path.basename(file)}.${randomUUID()}.tmp`)
  const handle = await fs.open(temporary, 'wx', 0o644)
  try {
    await handle.writeFile(content)
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
  const bytes = await readBytesIfExists(file)
  return bytes?.toString('utf8')
}

export async function readBytesIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file)
  } catch (error) {
    const failure = error as NodeJS.ErrnoException
    if (failure.code === 'ENOENT') return undefined
    // Node leaves out which file a failed read was of (EISDIR): `describeFailure` names it.
    failure.path ??= file
    failure.syscall ??= 'read'
    throw error
  }
}
