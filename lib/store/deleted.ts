import 'server-only'
import fs from 'node:fs/promises'
import path from 'node:path'
import { env } from '../env.mjs'
import type { PublicationFrontmatter } from '../domain/schema'
import { mediaNamesIn } from '../media/kinds'
import { contentFile, publicationPath, publicationsDir, slugOfPath } from './files'
import { deletions, filesAtRevisions, repositoryRoot } from './git'
import { mediaPath } from './media'
import { existingSlugs } from './read'
import { parsePublication } from './serialize'
import type { Change } from './transaction'

/**
 * Papers deleted in the content's git history and not back since, and what bringing one back
 * needs: the file as it was just before its deletion, and the media it used that are gone.
 */

export type DeletedPublication = {
  slug: string
  /** As the file said just before it was deleted (its slug when that file does not parse). */
  title: string
  /** When it was deleted (ISO 8601), by whom, and the commit that deleted it. */
  date: string
  author: string
  commit: string
}

export type DeletedList = { available: true; entries: DeletedPublication[] } | { available: false; reason: string }

/** How far back the list looks: the last 200 commits that deleted a paper. */
const LOOK_BACK = 200

const NO_GIT = 'Deleted publications are unavailable: the content folder is not in a git repository.'

/**
 * Each slug's last deletion, newest first, for the slugs that have no file now: one `git log` and
 * one `git cat-file` for the titles, however many there are.
 */
export async function deletedPublications(): Promise<DeletedList> {
  const root = await repositoryRoot(env.contentDir)
  if (!root) return { available: false, reason: NO_GIT }
  const gone = await lastDeletions(root, await existingSlugs())
  const before = await filesAtRevisions(
    root,
    gone.map(({ commit, path: file }) => ({ revision: `${commit}^`, path: file })),
  )
  const entries = gone.map(({ path: _path, ...entry }, index) => ({
    ...entry,
    title: titleOf(before[index]) ?? entry.slug,
  }))
  return { available: true, entries }
}

/** A deletion found in the log, with the file's path in the repository. */
type Deleting = Omit<DeletedPublication, 'title'> & { path: string }

/** The last deletion of each slug not in `present`. */
async function lastDeletions(root: string, present: ReadonlySet<string>): Promise<Deleting[]> {
  const seen = new Set<string>()
  const found: Deleting[] = []
  const contentPrefix = path.relative(root, env.contentDir)
  for (const { commit, author, date, paths } of await deletions(root, publicationsDir(), LOOK_BACK))
    for (const file of paths) {
      const slug = slugOfPath(path.posix.relative(contentPrefix, file))
      if (slug === undefined || seen.has(slug)) continue
      seen.add(slug)
      if (!present.has(slug)) found.push({ slug, date, author, commit, path: file })
    }
  return found
}

/** A paper deleted and not back since, or undefined. */
export async function deletedPublication(slug: string): Promise<DeletedPublication | undefined> {
  const list = await deletedPublications()
  return list.available ? list.entries.find((entry) => entry.slug === slug) : undefined
}

function titleOf(source: Buffer | undefined): string | undefined {
  try {
    return source && parsePublication(source.toString('utf8')).frontmatter.title
  } catch {
    return undefined
  }
}

/** The file `commit` deleted, as it was in the commit before; undefined when that commit did not delete it. */
export async function fileBeforeDeletion(root: string, slug: string, commit: string): Promise<string | undefined> {
  const file = path.relative(root, contentFile(publicationPath(slug)))
  const [before, after] = await filesAtRevisions(root, [
    { revision: `${commit}^`, path: file },
    { revision: commit, path: file },
  ])
  return after === undefined ? before?.toString('utf8') : undefined
}

/**
 * The uploaded media a paper's frontmatter names (`/media/<name>` in its PDF, thumbnail or any
 * link) that are gone now, as changes that write them back as they were before `commit`; and
 * those the history does not hold either.
 */
export async function mediaToRestore(
  root: string,
  frontmatter: PublicationFrontmatter,
  revision: string,
): Promise<{ changes: Change[]; lost: string[] }> {
  const gone = await Promise.all(
    mediaNamesIn(frontmatter).map(async (name) => {
      const present = await fs.access(contentFile(mediaPath(name))).then(
        () => true,
        () => false,
      )
      return present ? [] : [mediaPath(name)]
    }),
  )
  const missing = gone.flat()
  if (missing.length === 0) return { changes: [], lost: [] }
  const bytes = await filesAtRevisions(
    root,
    missing.map((relative) => ({ revision, path: path.relative(root, contentFile(relative)) })),
  )
  return {
    changes: missing.flatMap((relative, index) => {
      const source = bytes[index]
      return source ? [{ path: relative, source, expected: 'same' as const }] : []
    }),
    lost: missing.filter((_, index) => bytes[index] === undefined).map((relative) => `/${relative}`),
  }
}
