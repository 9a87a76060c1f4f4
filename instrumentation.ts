/**
 * Runs once when the server starts: makes the admin credentials now (printing a generated
 * password to the log on the very first start) rather than on the first sign-in, and starts the
 * Contentlayer worker so the first save is live as fast as the next ones.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // `next build` loads this file too; the password belongs in the log of the server that uses it.
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  const { adminCredentials } = await import('./lib/auth/credentials')
  adminCredentials()
  const { recoverAfterCrash } = await import('./lib/store')
  const removed = await recoverAfterCrash()
  if (removed.length) console.log(`Cleaned up after an interrupted write: ${removed.join(', ')}`)
  // Saves from the dashboard regenerate the content through a long-lived worker: start it now.
  const { warmContentWorker } = await import('./lib/store/regenerate')
  warmContentWorker()
}
