import path from 'node:path'
import type { StoredPublication } from './read'

/** What the store answers: a typed result for every outcome, and the words of every refusal. */

import type { FieldErrors } from '../domain/validation'

export type { FieldErrors }

export type Failure =
  | { ok: false; kind: 'invalid'; message: string; fieldErrors: FieldErrors }
  | {
      ok: false
      kind: 'conflict'
      message: string
      /** The publication as it now is, or null when it is gone (or the file is not a publication). */
      current: StoredPublication | null
      /** The file as it now is. */
      currentSource?: string
    }
  | { ok: false; kind: 'not-found' | 'error'; message: string }

export type Success = { ok: true; slug: string; version: string; commit?: string; unchanged?: boolean }
export type StoreResult = Success | Failure

/** What a write would have done: a failed one answers "Nothing was saved: …". */
export type Verb = 'saved' | 'deleted' | 'restored'

export function nothingWas(verb: Verb, reason: string): string {
  return `Nothing was ${verb}: ${reason}`
}

/** A refusal of fields: nothing is written while any error stands. */
export function invalidFields(fieldErrors: FieldErrors): Extract<Failure, { kind: 'invalid' }> {
  const count = Object.values(fieldErrors).flat().length
  return {
    ok: false,
    kind: 'invalid',
    message: nothingWas('saved', `${count === 1 ? 'one field needs' : `${count} fields need`} attention.`),
    fieldErrors,
  }
}

export function slugTaken(verb: Verb): Failure {
  return {
    ok: false,
    kind: 'invalid',
    message: nothingWas(verb, 'the slug is taken.'),
    fieldErrors: { slug: ['is already used by another publication'] },
  }
}

/** What each kind of write answers when a file it was made from has changed or is gone. */
export const REFUSALS = {
  save: {
    verb: 'saved',
    changed: 'This publication was changed since you opened it. Choose which version to keep.',
    gone: {
      ok: false,
      kind: 'conflict',
      message:
        'This publication was deleted since you opened it. Save again to create it anew, or discard your changes.',
      current: null,
    },
  },
  delete: {
    verb: 'deleted',
    changed: 'This publication was changed since the list was loaded. Reload and try again.',
    gone: { ok: false, kind: 'not-found', message: 'This publication was already deleted.' },
  },
  restore: {
    verb: 'restored',
    changed: 'This publication was changed since you opened its history. Reload and try again.',
    gone: {
      ok: false,
      kind: 'conflict',
      message: 'This publication was deleted since you opened its history. Reload the list.',
      current: null,
    },
  },
  settings: {
    verb: 'saved',
    changed: 'The settings were changed since you opened them.',
    gone: {
      ok: false,
      kind: 'conflict',
      message: 'The settings file was removed since you opened the settings.',
      current: null,
    },
  },
} as const satisfies Record<string, { verb: Verb; changed: string; gone: Failure }>
export type Operation = keyof typeof REFUSALS

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
 * A failure in words a person can act on. A file-system failure names the file relative to `root`
 * (the content folder): `could not write publications/x.mdx: permission denied (EACCES)`. Anything
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
