/**
 * Runs once when the server starts: makes the admin credentials now
 * (printing a generated password to the log on the very first start) rather than on the first
 * sign-in, and regenerates Contentlayer's output through the worker the store uses, so the site
 * starts with exactly what the files hold (saves are published from memory and regenerated in
 * the background: a stop can come before that caught up).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // `next build` loads this file too; the password belongs in the log of the server that uses it.
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  const { adminCredentials } = await import('./lib/auth/credentials')
  adminCredentials()
  const { recoverOnce } = await import('./lib/store')
  await recoverOnce()
  // `npm start` (scripts/server.mjs) has regenerated before listening; `next start` has not.
  if (process.env.CONTENT_REGENERATED_AT_START === '1') return
  const { regenerateContent } = await import('./lib/store/regenerate')
  try {
    const { documents, ms } = await regenerateContent()
    console.log(`Content regenerated: ${documents} documents in ${ms} ms`)
  } catch (error) {
    // Serve what the build generated; the next save regenerates again.
    console.error('Contentlayer could not regenerate the content at start:', error)
  }
}
