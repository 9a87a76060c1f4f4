'use server'

import { requireAdmin } from '@/lib/auth/session'
import { restoreDeleted, type Failure, type RestoredDeleted } from '@/lib/store'

/**
 * A public HTTP endpoint like every server action: the session first, then the store, which
 * checks that `commit` really deleted that paper.
 */
export async function restoreDeletedAction(slug: string, commit: string): Promise<RestoredDeleted | Failure> {
  const admin = await requireAdmin()
  return restoreDeleted(slug, commit, admin)
}
