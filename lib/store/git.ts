import 'server-only'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { childEnv } from '../env.mjs'
import { parseCommitDates } from '../content/contentlayer/commit-dates.mjs'

const run = promisify(execFile)

export type GitAuthor = { name: string; email: string }
export type HistoryEntry = {
  commit: string
  author: string
  email: string
  date: string
  subject: string
  path: string
  diff: string
}

/** How every git here runs: bounded in time and output, never asking anyone anything. */
const RUN_OPTIONS = {
  maxBuffer: 64 * 1024 * 1024,
  // A git that waits (a network push, an SSH prompt) must never hold the store's lock forever.
  timeout: 60_000,
  killSignal: 'SIGKILL',
} as const
const runEnv = () => ({
  GIT_SSH_COMMAND: 'ssh -oBatchMode=yes',
  ...childEnv({ GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }),
})

async function git(cwd: string, args: string[], options: { allowFailure?: boolean } = {}): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, ...RUN_OPTIONS, env: runEnv() })
    return stdout
  } catch (error) {
    if (options.allowFailure) return ''
    throw gitFailure(args, error)
  }
}

/** A failed git in one line: the command (`git commit`, not the options before it) and what it said. */
function gitFailure(args: string[], error: unknown): Error {
  const command = args.find((arg, index) => !arg.startsWith('-') && args[index - 1] !== '-c') ?? 'command'
  const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim()
  const reason = stderr || (error instanceof Error ? error.message : String(error))
  return new Error(
    `git ${command} failed: ${reason
      .split('\n')
      .filter((line) => line.trim())
      .slice(0, 3)
      .join(' ')}`,
  )
}

/** A git that reads `input` and answers bytes (the `git()` above decodes its answer as text). */
function gitBytes(cwd: string, args: string[], input: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, { cwd, ...RUN_OPTIONS, env: runEnv(), encoding: 'buffer' }, (error, stdout) =>
      error ? reject(gitFailure(args, error)) : resolve(stdout),
    )
    child.stdin?.end(input)
  })
}

/** The top of the git work tree holding `dir`, or undefined when it is not in one. */
export async function repositoryRoot(dir: string): Promise<string | undefined> {
  const top = (await git(dir, ['rev-parse', '--show-toplevel'], { allowFailure: true })).trim()
  return top || undefined
}

/**
 * Commits exactly these paths (added, changed or removed) as one commit, whatever else is staged
 * or changed in the work tree. Returns the new commit, or undefined when there was nothing to record. The admin is both author and committer, so a machine without a
 * git identity can still commit.
 */
export async function commitPaths(
  root: string,
  paths: string[],
  message: string,
  author: GitAuthor,
): Promise<string | undefined> {
  const tracked = new Set(
    (await git(root, ['ls-files', '-z', '--', ...paths.map((file) => path.relative(root, file))]))
      .split('\0')
      .filter(Boolean),
  )
  // A file git never knew that is now gone (an uncommitted paper deleted) has nothing to record.
  const relative = paths
    .map((file) => path.relative(root, file))
    .filter((file) => tracked.has(file) || fs.existsSync(path.join(root, file)))
  if (relative.length === 0) return undefined
  await git(root, ['add', '-A', '--', ...relative])
  // Saving a file back to what was last committed leaves nothing to commit: that is not an error.
  const hasHead = (await git(root, ['rev-parse', '--verify', '-q', 'HEAD'], { allowFailure: true })).trim() !== ''
  if (hasHead && (await git(root, ['diff', '--cached', '--name-only', 'HEAD', '--', ...relative])).trim() === '')
    return undefined
  await git(root, [
    '-c',
    `user.name=${author.name}`,
    '-c',
    `user.email=${author.email}`,
    'commit',
    '--quiet',
    '--no-verify',
    '--only',
    '-m',
    message,
    '--',
    ...relative,
  ])
  return (await git(root, ['rev-parse', 'HEAD'])).trim()
}

/** Takes these paths out of the index again (after a commit that failed), leaving the files alone. */
export async function unstage(root: string, paths: string[]): Promise<void> {
  await git(root, ['reset', '-q', '--', ...paths.map((file) => path.relative(root, file))], { allowFailure: true })
}

const RECORD = '\x1e'
const FIELD = '\x1f'

/** The commits that touched a file, newest first, following renames, each with its diff. */
export async function fileHistory(root: string, file: string, limit = 100): Promise<HistoryEntry[]> {
  const relative = path.relative(root, file)
  const output = await git(root, [
    'log',
    '--follow',
    `-n${limit}`,
    '--no-color',
    '--patch',
    '--find-renames',
    `--format=${RECORD}%H${FIELD}%an${FIELD}%ae${FIELD}%aI${FIELD}%s${FIELD}`,
    '--',
    relative,
  ])
  const entries = output
    .split(RECORD)
    .filter(Boolean)
    .map((record) => {
      const [commit = '', author = '', email = '', date = '', subject = '', rest = ''] = record.split(FIELD)
      const diff = rest.replace(/^\n+/, '')
      // The file's path in that commit (it may have been renamed since).
      const pathAtCommit =
        /^\+\+\+ b\/(.+)$/m.exec(diff)?.[1] ??
        /^--- a\/(.+)$/m.exec(diff)?.[1] ??
        /^rename to (.+)$/m.exec(diff)?.[1] ??
        relative
      return { commit, author, email, date, subject, path: pathAtCommit, diff }
    })
  // `--follow` follows copies too: a new file at least half like another one (a duplicate, a paper
  // started from a similar one) would list that other paper's history, and offer to restore it.
  // History ends where the file was created; that commit shows the whole file as added.
  const copied = entries.findIndex((entry) => /^copy to /m.test(entry.diff))
  const created = entries[copied]
  if (!created) return entries
  const diff = await git(root, [
    'show',
    '--format=',
    '--no-color',
    '--patch',
    '--no-renames',
    created.commit,
    '--',
    created.path,
  ])
  return [...entries.slice(0, copied), { ...created, diff: diff.replace(/^\n+/, '') }]
}

/** A file's content at a commit, or undefined when it did not exist there. */
export async function fileAt(root: string, commit: string, relativePath: string): Promise<string | undefined> {
  if (!/^[0-9a-f]{7,64}$/.test(commit)) return undefined
  const output = await git(root, ['show', `${commit}:${relativePath}`], { allowFailure: true })
  return output || undefined
}

/** The last commit date of every file under `dir`, from one `git log`. */
export async function lastCommitDates(root: string, dir: string): Promise<Map<string, string>> {
  const output = await git(
    root,
    ['log', `--format=${RECORD}%cI`, '--name-only', '--', path.relative(root, dir) || '.'],
    { allowFailure: true },
  )
  return parseCommitDates(output, root)
}

export async function push(root: string, remote: string): Promise<void> {
  await git(root, ['push', '--quiet', remote, 'HEAD'])
}

/** A commit that removed files, and the files (relative to the repository's top). */
export type Deletion = { commit: string; author: string; email: string; date: string; paths: string[] }

/**
 * The last `limit` commits that removed a file under `dir`, newest first, from one `git log`.
 * Renames are found (`--find-renames`, whatever the configuration says), so a paper moved to a
 * new slug is not taken for a deleted one.
 */
export async function deletions(root: string, dir: string, limit: number): Promise<Deletion[]> {
  const output = await git(
    root,
    [
      'log',
      `-n${limit}`,
      '--diff-filter=D',
      '--find-renames',
      '--name-only',
      `--format=${RECORD}%H${FIELD}%an${FIELD}%ae${FIELD}%aI${FIELD}`,
      '--',
      path.relative(root, dir) || '.',
    ],
    { allowFailure: true },
  )
  return output
    .split(RECORD)
    .filter(Boolean)
    .map((record) => {
      const [commit = '', author = '', email = '', date = '', names = ''] = record.split(FIELD)
      return { commit, author, email, date, paths: names.split('\n').filter(Boolean) }
    })
}

/** A file in a revision: a commit, or the commit before it (`<hash>^`). */
export type FileAtRevision = { revision: string; path: string }

/**
 * Files as they were in revisions, as bytes (a medium is no text), from one `git cat-file
 * --batch`; undefined where the file was not there. Paths are relative to the repository's top.
 */
export async function filesAtRevisions(root: string, wanted: FileAtRevision[]): Promise<(Buffer | undefined)[]> {
  // The batch reads one name a line: a revision or a path with a line break could ask for another file.
  const askable = wanted.map(
    ({ revision, path: file }) => /^[0-9a-f]{7,64}\^?$/.test(revision) && /^[^\n\r]+$/.test(file),
  )
  if (!askable.some(Boolean)) return wanted.map(() => undefined)
  const input = wanted.flatMap(({ revision, path: file }, index) => (askable[index] ? [`${revision}:${file}\n`] : []))
  const output = await gitBytes(root, ['cat-file', '--batch'], input.join(''))
  let offset = 0
  const answers = input.map(() => {
    // `<id> <type> <size>` and the bytes, or `<name> missing`, each ended by a line break.
    const lineEnd = output.indexOf(0x0a, offset)
    const header = /^[0-9a-f]+ (\w+) (\d+)$/.exec(output.subarray(offset, lineEnd).toString('utf8'))
    offset = lineEnd + 1
    if (!header) return undefined
    const size = Number(header[2])
    const bytes = output.subarray(offset, offset + size)
    offset += size + 1
    return header[1] === 'blob' ? Buffer.from(bytes) : undefined
  })
  let next = 0
  return askable.map((asked) => (asked ? answers[next++] : undefined))
}
