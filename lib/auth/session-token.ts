import 'server-only'
import { createHash, randomUUID } from 'node:crypto'
import type { Account, LoggerInstance, User } from 'next-auth'
import type { JWT } from 'next-auth/jwt'
import { z } from 'zod'
import { githubLogin, isAdmittedGithubLogin } from './github'
import type { RevocationList } from './revocations'

/**
 * What makes a session end on the server, not only in the browser. next-auth keeps a JWT
 * session in the cookie alone, so each sign-in gets an id the server can refuse (sign-out puts
 * it on the revocation list) and a fingerprint of the admin's password hash (a new password ends
 * every older session). Every session check goes through next-auth's `jwt` callback, the pages'
 * and actions' `currentAdmin()` as well as `/api/auth/session`: a refused token throws there,
 * which next-auth answers as it answers a broken cookie: no session, and the cookie cleared.
 */

/** A session lasts 8 hours from sign-in, however often it is used. */
export const SESSION_MAX_AGE_S = 8 * 60 * 60
const SESSION_MAX_AGE_MS = SESSION_MAX_AGE_S * 1000

const claimsSchema = z.object({
  /** This sign-in's own id: signing out refuses it, and only it. */
  sid: z.string().min(1),
  /** When the admin signed in (ms): next-auth re-dates the token on each session check. */
  signedInAt: z.number(),
  passwordFingerprint: z.string(),
  /** Set for a GitHub sign-in: the session ends when the login leaves ADMIN_GITHUB_LOGINS. */
  githubLogin: z.string().optional(),
})

type SessionClaims = z.infer<typeof claimsSchema>

export type SessionPolicy = {
  /** Of the admin's password hash now (`passwordFingerprint`). */
  passwordFingerprint: string
  githubLogins: readonly string[]
  revocations: Pick<RevocationList, 'refuses' | 'revoke' | 'sync'>
  now: () => number
}

/** A digest of the hash, so the cookie never carries the hash itself, even encrypted. */
export function passwordFingerprint(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('base64url')
}

const SESSION_REFUSED = 'SessionRefused'

export class SessionRefused extends Error {
  readonly name = SESSION_REFUSED
}

/** Why a session's token is refused, or undefined when it is still the admin's. */
async function refusal(token: JWT, policy: SessionPolicy): Promise<string | undefined> {
  const claims = claimsSchema.safeParse(token)
  if (!claims.success) return 'it was issued before sessions could be ended'
  const { sid, signedInAt, githubLogin: login } = claims.data
  if (policy.now() >= signedInAt + SESSION_MAX_AGE_MS) return 'it is more than 8 hours old'
  if (claims.data.passwordFingerprint !== policy.passwordFingerprint) return 'the admin password changed'
  if (login !== undefined && !isAdmittedGithubLogin({ login }, policy.githubLogins))
    return 'its GitHub login is no longer admitted'
  if (await policy.revocations.refuses({ sid, signedInAt })) return 'it was signed out'
  return undefined
}

/** What next-auth hands its `jwt` callback: `user` and `account` only when the admin has just signed in. */
type JwtParams = { token: JWT; user?: User; account?: Account | null; profile?: unknown }

/** The `jwt` callback and the `signOut` event that give every session its end. */
export function sessionLifecycle(policy: SessionPolicy) {
  return {
    async jwt({ token, user, account, profile }: JwtParams): Promise<JWT> {
      if (user) {
        const githubProfile = account?.provider === 'github' ? profile : undefined
        return { ...token, ...(await newSessionClaims(policy, githubProfile)) }
      }
      const reason = await refusal(token, policy)
      if (reason) throw new SessionRefused(`Session refused: ${reason}.`)
      return token
    },
    async signOut({ token }: { token: JWT }): Promise<void> {
      const claims = claimsSchema.safeParse(token)
      // Kept until the session would have expired anyway; a token without an id is refused already.
      if (claims.success) await policy.revocations.revoke(claims.data.sid, claims.data.signedInAt + SESSION_MAX_AGE_MS)
    },
  }
}

async function newSessionClaims(policy: SessionPolicy, githubProfile: unknown): Promise<SessionClaims> {
  // Read the list first: a damaged one found now refuses the sessions before this one, not this one.
  await policy.revocations.sync()
  const login = githubLogin(githubProfile)
  return {
    sid: randomUUID(),
    signedInAt: policy.now(),
    passwordFingerprint: policy.passwordFingerprint,
    ...(login ? { githubLogin: login } : {}),
  }
}

/** next-auth's error log, less refused sessions: those are signed-out visitors, not faults. */
export const logAuthError: LoggerInstance['error'] = (code, metadata) => {
  if (metadata instanceof Error && metadata.name === SESSION_REFUSED) return
  console.error(`[next-auth][error][${code}]`, metadata)
}
