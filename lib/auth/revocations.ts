import 'server-only'
import fs from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { authEnv } from '../env.mjs'
import { writeFileAtomic } from '../store/files'

/** The list's file, in the folder of the admin credentials file (git-ignored). */
export const REVOCATIONS_FILE = '.admin-revoked-sessions.json'

const storedSchema = z.object({
  /** A signed-out session's id → when it would have expired anyway (ms since the epoch). */
  revoked: z.record(z.string(), z.number()),
  /** Sessions signed in before this moment are refused: the list they could be on was lost. */
  refuseSignedInBefore: z.number(),
})

export type SessionRef = { sid: string; signedInAt: number }

type FileState = { signature: string; modifiedAt: number } | undefined

/**
 * The sessions ended before their cookie expires. next-auth's JWT session is only an encrypted
 * cookie, valid until it expires: without a list on the server, a copy taken before sign-out
 * keeps working. Kept in memory and in a small JSON file, so a restart does not bring ended
 * sessions back; an entry is dropped once its session would have expired anyway.
 *
 * The file is read again whenever it changes (size, time or inode: one `stat` per check), so a
 * second server process on the same file is heard too. What is read is merged into memory, never
 * put in its place, so a revocation still being written is not forgotten meanwhile.
 */
export class RevocationList {
  private readonly revoked = new Map<string, number>()
  private refuseSignedInBefore = 0
  private readSignature: string | undefined
  private writing: Promise<void> = Promise.resolve()

  constructor(
    readonly file: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a session was signed out, or may have been on a list that was lost. */
  async refuses(session: SessionRef): Promise<boolean> {
    await this.sync()
    return session.signedInAt < this.refuseSignedInBefore || this.revoked.has(session.sid)
  }

  /** Refuses the session from now on; `expires` is when it would have expired anyway. */
  async revoke(sid: string, expires: number): Promise<void> {
    await this.sync()
    this.revoked.set(sid, Math.max(expires, this.revoked.get(sid) ?? 0))
    await this.save()
  }

  /** Takes in the file if it changed since it was last read, and forgets expired sessions. */
  async sync(): Promise<void> {
    const state = await fileState(this.file)
    if (state && state.signature !== this.readSignature) {
      this.readSignature = state.signature
      await this.takeIn(state.modifiedAt)
    }
    const now = this.now()
    for (const [sid, expires] of this.revoked) if (expires <= now) this.revoked.delete(sid)
  }

  private async takeIn(modifiedAt: number): Promise<void> {
    let text: string
    try {
      text = await fs.readFile(this.file, 'utf8')
    } catch (error) {
      return isMissing(error) ? undefined : this.recover(describe(error), modifiedAt)
    }
    const stored = parseStored(text)
    if (!stored) return this.recover('it does not hold a list of revoked sessions', modifiedAt)
    for (const [sid, expires] of Object.entries(stored.revoked))
      this.revoked.set(sid, Math.max(expires, this.revoked.get(sid) ?? 0))
    this.refuseSignedInBefore = Math.max(this.refuseSignedInBefore, stored.refuseSignedInBefore)
  }

  /**
   * A damaged file cannot say which sessions it ended. Every revocation it held was written by
   * the time it was last modified, so the sessions signed in before then are refused (signing in
   * again works), and the file is written anew. A failed rewrite is reported, never thrown: a
   * session check must still answer.
   */
  private async recover(reason: string, modifiedAt: number): Promise<void> {
    // File times come from the kernel's coarse clock, up to a tick behind Date.now(): a second of slack.
    const cutoff = Math.min(modifiedAt + 1000, this.now())
    console.error(
      `${this.file} could not be read (${reason}): it is replaced, and sessions signed in before ` +
        `${new Date(cutoff).toISOString()} must sign in again.`,
    )
    this.refuseSignedInBefore = Math.max(this.refuseSignedInBefore, cutoff)
    try {
      await this.save()
    } catch (failure) {
      console.error(`Could not rewrite ${this.file}: ${describe(failure)}`)
    }
  }

  /** Writes are queued, each with the list as it is when it runs: the last one holds every revocation. */
  private save(): Promise<void> {
    const write = this.writing.then(() => this.write())
    this.writing = write.catch(() => undefined)
    return write
  }

  private async write(): Promise<void> {
    const stored = { revoked: Object.fromEntries(this.revoked), refuseSignedInBefore: this.refuseSignedInBefore }
    await writeFileAtomic(this.file, `${JSON.stringify(stored, null, 2)}\n`)
  }
}

async function fileState(file: string): Promise<FileState> {
  try {
    const stat = await fs.stat(file)
    return { signature: `${stat.ino}:${stat.size}:${stat.mtimeMs}`, modifiedAt: stat.mtimeMs }
  } catch (error) {
    if (isMissing(error)) return undefined
    // Unreadable (permissions): the read reports it, once until it changes; when it was written is unknown.
    return { signature: `unreadable:${describe(error)}`, modifiedAt: Number.POSITIVE_INFINITY }
  }
}

function parseStored(text: string): z.infer<typeof storedSchema> | undefined {
  try {
    return storedSchema.safeParse(JSON.parse(text)).data
  } catch {
    return undefined // not JSON
  }
}

const isMissing = (error: unknown) => error instanceof Error && 'code' in error && error.code === 'ENOENT'

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** The server's one list (globalThis: Next may load this module once per route bundle). */
export function revocationList(): RevocationList {
  const state = globalThis as { __revocationList?: RevocationList }
  state.__revocationList ??= new RevocationList(
    path.join(/* turbopackIgnore: true */ path.dirname(authEnv().credentialsFile), REVOCATIONS_FILE),
  )
  return state.__revocationList
}
