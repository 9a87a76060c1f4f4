import 'server-only'
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import GitHubProvider from 'next-auth/providers/github'
import { getSite } from '../content'
import { authEnv, env } from '../env.mjs'
import { adminCredentials } from './credentials'
import { isAdmittedGithubLogin } from './github'
import { verifyPassword, warmPasswordChecks } from './password'
import { revocationList } from './revocations'
import { logAuthError, passwordFingerprint, SESSION_MAX_AGE_S, sessionLifecycle } from './session-token'
import { routes } from '../domain/routes.mjs'

let options: NextAuthOptions | undefined

/** next-auth's options, made on first use (every session check asks for them). */
export function authOptions(): NextAuthOptions {
  return (options ??= makeOptions())
}

function makeOptions(): NextAuthOptions {
  const admin = adminCredentials()
  const config = authEnv()
  warmPasswordChecks(admin.passwordHash)
  const sessions = sessionLifecycle({
    passwordFingerprint: passwordFingerprint(admin.passwordHash),
    githubLogins: config.githubLogins,
    revocations: revocationList(),
    now: Date.now,
  })
  return {
    secret: admin.secret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: routes.signIn, error: routes.signIn },
    // Without SITE_URL, next-auth chooses per request, from the origin it was sent to.
    ...(env.configuredSiteUrl ? { useSecureCookies: env.configuredSiteUrl.protocol === 'https:' } : {}),
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials) {
          const email = credentials?.email?.trim().toLowerCase() ?? ''
          const password = credentials?.password ?? ''
          const emailMatches = email === admin.email.toLowerCase()
          // A wrong email is checked against a hash of the admin's cost: it takes as long as a wrong password.
          const passwordMatches = await verifyPassword(
            password,
            emailMatches ? admin.passwordHash : undefined,
            admin.passwordHash,
          )
          // The owner's name signs the commits made from the dashboard.
          return emailMatches && passwordMatches ? { id: 'admin', email: admin.email, name: getSite().owner } : null
        },
      }),
      ...(config.github
        ? [GitHubProvider({ clientId: config.github.clientId, clientSecret: config.github.clientSecret })]
        : []),
    ],
    callbacks: {
      signIn({ account, profile }) {
        return account?.provider !== 'github' || isAdmittedGithubLogin(profile, config.githubLogins)
      },
      jwt: sessions.jwt,
    },
    events: { signOut: sessions.signOut },
    logger: { error: logAuthError },
  }
}
