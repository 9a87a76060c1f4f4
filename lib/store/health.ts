import 'server-only'
import path from 'node:path'
import { env } from '../env.mjs'
import { lastRegenerationFailure, type RegenerationFailure } from '../content/live/regenerate'
import { publicationPath, readIfExists, SITE_FILE } from './files'
import { filesLeftOut, type FileLeftOut } from './read'
import { parseSite } from './site-file'

/**
 * What the dashboard warns about: files in the content folder the site cannot read as they are
 * (edited by hand), and a background regeneration that failed. Each names the file and the
 * field, and what the public site serves meanwhile, so that the owner learns it from the
 * dashboard rather than from the server's log.
 */

/** What the public site serves in place of a broken file. */
export type Serving =
  /** The paper as the site last read it (until Contentlayer next reads the files, then nothing). */
  | 'earlier-version'
  /** Nothing for this paper. */
  | 'nothing'
  /** The settings as the site last read them. */
  | 'earlier-settings'

export type ContentProblem = {
  /** The file's path in the content folder: `publications/x.mdx`, `site.yaml`. */
  file: string
  /** The field at fault (`year`, `authors.0.name`), when the problem is one field's. */
  field?: string
  /** What is wrong, the field first when there is one: `year must be a number`. */
  message: string
  serving: Serving
}

export type ContentHealth = {
  problems: ContentProblem[]
  /** Valid files written outside the dashboard, which the site takes in at the next save or restart. */
  pending: FileLeftOut[]
  regeneration?: RegenerationFailure
}

/**
 * The content folder's health. `shownVersion` gives the version of a paper's file the site shows
 * (lib/content `getVersion`), or undefined when it shows none.
 */
export async function contentHealth(shownVersion: (slug: string) => string | undefined): Promise<ContentHealth> {
  const [leftOut, site] = await Promise.all([filesLeftOut(shownVersion), siteProblem()])
  const broken = leftOut.filter((file) => file.kind === 'broken')
  const regeneration = lastRegenerationFailure()
  return {
    problems: [
      ...broken.map((file): ContentProblem => ({
        file: publicationPath(file.slug),
        ...fieldFirst(file.message),
        serving: shownVersion(file.slug) === undefined ? 'nothing' : 'earlier-version',
      })),
      ...(site ? [site] : []),
    ],
    pending: leftOut.filter((file) => file.kind === 'pending'),
    ...(regeneration ? { regeneration } : {}),
  }
}

/**
 * Why `site.yaml` stops Contentlayer (every regeneration fails on it, lib/content/contentlayer),
 * checked as the store reads it for the settings page, or undefined when it is valid.
 */
async function siteProblem(): Promise<ContentProblem | undefined> {
  const source = await readIfExists(path.join(/* turbopackIgnore: true */ env.contentDir, SITE_FILE))
  const problem = (message: string): ContentProblem => ({
    file: SITE_FILE,
    ...fieldFirst(message),
    serving: 'earlier-settings',
  })
  if (source === undefined) return problem('The file is missing.')
  try {
    parseSite(source)
    return undefined
  } catch (error) {
    return problem(error instanceof Error ? error.message : String(error))
  }
}

/**
 * The store's parsers name a field as `Frontmatter field year must be a number` (a paper) or
 * `site.yaml field maxAuthors must be a number`; the banner already names the file, so it leads
 * with the field. The YAML parser's own message goes on with a picture of the lines around the
 * error, which a banner has no room for: its first line says where.
 */
function fieldFirst(message: string): { field?: string; message: string } {
  const line = (message.split('\n')[0] ?? '').replace(/:$/, '')
  const match = /^(?:Frontmatter|site\.yaml) field (\S+) (.+)$/.exec(line)
  if (match?.[1] && match[2]) return { field: match[1], message: `${match[1]} ${match[2]}` }
  return { message: line.replace(/^site\.yaml /, 'The file ') }
}
