'use server'

import { requireAdmin } from '@/lib/auth/session'
import { saveSettings, type SettingsResult } from '@/lib/store/settings'

/** A public HTTP endpoint like every server action: it checks the session itself (401 when signed out). */
export async function saveSettingsAction(input: { settings: unknown; version: string }): Promise<SettingsResult> {
  const admin = await requireAdmin()
  return saveSettings({ settings: input?.settings, version: input?.version }, admin)
}
