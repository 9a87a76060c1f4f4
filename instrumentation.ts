/**
 * The one start-up path: what every start of the server does before it answers (Next.js awaits
 * `register()` before it handles a request, under `npm start`, `next start` and `next dev` alike).
 * It makes the admin credentials now (printing a generated password to the log on the very first
 * start) rather than on the first sign-in, cleans up after an interrupted write, and regenerates
 * Contentlayer's output so the site starts with exactly what the files hold (lib/content/live).
 * The modules are imported here, not at the top: Next loads this file in every runtime, and these
 * belong to the Node.js server.
 */
export async function register() {
  const [{ adminCredentials }, { recoverAfterCrash }, { regenerateAtStart }] = await Promise.all([
    import('./lib/auth/credentials'),
    import('./lib/store'),
    import('./lib/content/live'),
  ])
  adminCredentials()
  await recoverAfterCrash()
  await regenerateAtStart()
}
