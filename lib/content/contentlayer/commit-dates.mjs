// When each publication last changed: its file's last commit in git. A file's modification time
// is no date of the paper: a clone, a copy or a checkout sets it to the moment it ran. Read with
// one `git log` each time Contentlayer regenerates (the runner), so once per content version, and
// kept beside Contentlayer's output for the site to read (lib/content/generated.ts).
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { childEnv } from '../../env.mjs'

const run = promisify(execFile)
const RECORD = '\x1e'

/** The file, beside Contentlayer's output, that holds the dates. */
export const COMMIT_DATES_FILE = 'commit-dates.json'

/**
 * @param {string} cwd
 * @param {string[]} args
 * @returns {Promise<string | undefined>} its output, or undefined when git fails (or is missing)
 */
async function git(cwd, args) {
  try {
    // `--no-optional-locks`: `git status` would otherwise take the index's lock to refresh it,
    // and a save's `git add` running meanwhile would fail on that lock.
    const { stdout } = await run('git', ['--no-optional-locks', '-c', 'core.quotePath=false', ...args], {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
      env: childEnv({ GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }),
    })
    return stdout
  } catch {
    return undefined
  }
}

/**
 * The last commit date of each file named in `git log --format=<RECORD>%cI --name-only` output
 * (newest commit first, so the first date seen for a file is its last), by absolute path.
 * @param {string} output
 * @param {string} root the repository's top level, which the names are relative to
 * @returns {Map<string, string>}
 */
export function parseCommitDates(output, root) {
  /** @type {Map<string, string>} */
  const dates = new Map()
  for (const record of output.split(RECORD).filter(Boolean)) {
    const [date = '', ...files] = record.split('\n').filter(Boolean)
    for (const file of files) {
      const absolute = path.join(root, file)
      if (!dates.has(absolute)) dates.set(absolute, date)
    }
  }
  return dates
}

/**
 * When each file in `dir` was last committed, as an ISO date in UTC, by path relative to
 * `relativeTo`. A file changed since its last commit, or never committed, is left out: its own
 * modification time is the better date then. Empty outside a git repository.
 * @param {string} dir
 * @param {string} relativeTo
 * @returns {Promise<Record<string, string>>}
 */
export async function commitDates(dir, relativeTo) {
  const root = (await git(dir, ['rev-parse', '--show-toplevel']))?.trim()
  if (!root) return {}
  const inRepository = path.relative(root, dir) || '.'
  const [log, status] = await Promise.all([
    git(root, ['log', `--format=${RECORD}%cI`, '--name-only', '--', inRepository]),
    git(root, ['status', '--porcelain', '-z', '--untracked-files=all', '--', inRepository]),
  ])
  const dates = parseCommitDates(log ?? '', root)
  // `XY name` entries, NUL-separated; a rename's or copy's old name follows, without `XY `.
  const entries = (status ?? '').split('\0')
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index] ?? ''
    if (entry.length > 3) dates.delete(path.join(root, entry.slice(3)))
    if (/^[RC]|^.[RC]/.test(entry)) index += 1
  }
  /** @type {Record<string, string>} */
  const byFile = {}
  for (const [file, date] of dates) {
    const when = new Date(date)
    if (!Number.isNaN(when.getTime())) byFile[path.relative(relativeTo, file)] = when.toISOString()
  }
  return byFile
}

/**
 * Writes the commit dates of the content's files (see `commitDates`) beside Contentlayer's output,
 * whole or not at all. Never fails: without the file, the site uses the files' own dates.
 * @param {string} contentDir
 * @param {string} contentlayerDir
 */
export async function writeCommitDates(contentDir, contentlayerDir) {
  const file = path.join(contentlayerDir, COMMIT_DATES_FILE)
  try {
    const dates = await commitDates(path.join(contentDir, 'publications'), contentDir)
    await fs.mkdir(contentlayerDir, { recursive: true })
    const temporary = `${file}.${process.pid}.tmp`
    await fs.writeFile(temporary, JSON.stringify(dates))
    await fs.rename(temporary, file)
  } catch (error) {
    console.warn(`Could not record the papers' commit dates (the files' own dates are used): ${String(error)}`)
  }
}
