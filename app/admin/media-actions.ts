'use server'

import { requireAdmin } from '@/lib/auth/session'
import { removeUnusedMedia } from '@/lib/store/media'

/** Removes uploaded files no paper or setting names (checked again here), as one commit. */
export async function removeUnusedMediaAction(names: string[]) {
  const admin = await requireAdmin()
  if (!Array.isArray(names) || names.some((name) => typeof name !== 'string') || names.length > 1000)
    return { ok: false as const, message: 'Choose the files to remove.' }
  return removeUnusedMedia(names, admin)
}
