import 'server-only'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { PublicationFrontmatter } from '../domain/schema'
import { slugProblem } from '../domain/schema'
import { versionOf } from '../content/version'
import { fileFor, publicationsDir, readIfExists } from './files'
import { parsePublication } from './serialize'

/**
 * The files as the store sees them: what a write is made from and checked against. Pages and the
 * dashboard read publications through lib/content; these are for the writes themselves and for
 * the dashboard's warning about files the site cannot read.
 */

/** A publication file as it is on disk. */
export type StoredPublication = {
  slug: string
  frontmatter: PublicationFrontmatter
  body: string
  /** Hash of the file's bytes; saving against an older one is a conflict. */
  version: string
  source: string
}

export function toStored(slug: string, source: string): StoredPublication {
  const { frontmatter, body } = parsePublication(source)
  return { slug, frontmatter, body, version: versionOf(source), source }
}

export async function readStored(slug: string): Promise<StoredPublication | undefined> {
  if (slugProblem(slug)) return undefined
  const source = await readIfExists(fileFor(slug))
  return source === undefined ? undefined : toStored(slug, source)
}

async function fileNames(): Promise<string[]> {
  return (await fs.readdir(publicationsDir())).filter((name) => name.endsWith('.mdx'))
}

export async function existingSlugs(): Promise<Set<string>> {
  return new Set((await fileNames()).map((name) => name.slice(0, -'.mdx'.length)))
}

/** The files that do not parse (edited by hand): the site leaves them out until they are fixed. */
export async function unreadableFiles(): Promise<{ slug: string; message: string }[]> {
  const dir = publicationsDir()
  const problems = await Promise.all(
    (await fileNames()).map(async (name) => {
      try {
        parsePublication(await fs.readFile(path.join(dir, name), 'utf8'))
        return []
      } catch (error) {
        return [
          { slug: name.slice(0, -'.mdx'.length), message: error instanceof Error ? error.message : String(error) },
        ]
      }
    }),
  )
  return problems.flat()
}
