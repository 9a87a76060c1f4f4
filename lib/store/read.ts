import 'server-only'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { PublicationFrontmatter } from '../domain/schema'
import { bodyCharacterProblem, slugProblem } from '../domain/schema'
import { checkHandWrittenBody } from '../markup/mdx-check'
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

/** A file on disk the site does not show as it is. */
export type FileLeftOut = {
  slug: string
  message: string
  /**
   * `broken`: it breaks a rule (its YAML, a field, its name, its abstract) and stays off the site
   * until fixed by hand. `pending`: it is valid but was written outside the dashboard after the
   * site last read the files; the next save or restart takes it in.
   */
  kind: 'broken' | 'pending'
}

/**
 * The files the site leaves out, each with its reason. `shownVersion` gives, for a slug, the
 * version of the file the site shows (lib/content), or undefined when it shows none. A file
 * shown as it is on disk costs one read and a hash; any other is held to every rule Contentlayer
 * applies, so that a file it rejected is named here instead of silently missing.
 */
export async function filesLeftOut(shownVersion: (slug: string) => string | undefined): Promise<FileLeftOut[]> {
  const dir = publicationsDir()
  const found = await Promise.all(
    (await fileNames()).map(async (name): Promise<FileLeftOut[]> => {
      const slug = name.slice(0, -'.mdx'.length)
      const source = await readIfExists(path.join(dir, name))
      if (source === undefined) return [] // removed since the listing
      if (shownVersion(slug) === versionOf(source)) return []
      const broken = await fileProblem(slug, source)
      if (broken) return [{ slug, message: broken, kind: 'broken' }]
      return [
        {
          slug,
          kind: 'pending',
          message:
            shownVersion(slug) === undefined
              ? 'added outside the dashboard; it is on the site after the next save or restart.'
              : 'changed outside the dashboard; the site shows the earlier text until the next save or restart.',
        },
      ]
    }),
  )
  return found.flat().sort((a, b) => a.slug.localeCompare(b.slug))
}

/** Why Contentlayer would refuse this file, or undefined when it would take it in. */
async function fileProblem(slug: string, source: string): Promise<string | undefined> {
  const nameProblem = slugProblem(slug)
  if (nameProblem) return `The file name ${nameProblem}.`
  try {
    const { body } = parsePublication(source)
    return bodyCharacterProblem(body) ?? (await checkHandWrittenBody(body, `${slug}.mdx`))
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
