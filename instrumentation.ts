/**
 * The one start-up path: what every start of the server does before it answers (Next.js awaits
 * `register()` before it handles a request, under `npm start`, `next start` and `next dev` alike,
 * and does not call it during `next build`). It makes the admin credentials now (printing a
 * generated password to the log on the very first start) rather than on the first sign-in, cleans
 * up after an interrupted write, and regenerates Contentlayer's output so the site starts with
 * exactly what the files hold (lib/content/live); then it compiles the citation styles and, in
 * the background, reads the abstracts for the search.
 */
export async function register() {
  // Not an environment read: Next.js replaces NEXT_RUNTIME when it compiles this file, once per
  // runtime, and Turbopack compiles it for the edge runtime too. The check leaves the server's
  // modules out of that bundle (nothing here runs at the edge). No other test does: through the
  // env module, or with `typeof EdgeRuntime`, the edge bundle grows from 0.5 kB to 1.4 MB of
  // the store, git and zod.
  // eslint-disable-next-line no-restricted-properties -- a compile-time constant, see above
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const [{ adminCredentials }, { recoverAfterCrash }, { regenerateAtStart }, { warmCitationStyles }, { warmSearch }] =
    await Promise.all([
      import('./lib/auth/credentials'),
      import('./lib/store'),
      import('./lib/content/live'),
      import('./lib/formats/citations'),
      import('./lib/content'),
    ])
  adminCredentials()
  await recoverAfterCrash()
  await regenerateAtStart()
  warmCitationStyles()
  void warmSearch().catch((error) => console.error('Reading the abstracts for the search failed:', error))
}
