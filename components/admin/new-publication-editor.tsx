'use client'

import { useMemo, useSyncExternalStore } from 'react'
import { emptyValues, frontmatterToValues, type EditorValues } from '@/lib/admin/editor-form'
import { publicationSchema } from '@/lib/domain/schema'
import { PublicationEditor } from './publication-editor'

export const IMPORT_HANDOFF_KEY = 'scholar-cms:import-entry'

const nothingToWatch = () => () => {}

/** The entry handed over by the import page, or blank values when there is none or it does not parse. */
function valuesFromHandoff(raw: string): EditorValues {
  try {
    const parsed = raw ? (JSON.parse(raw) as { slug?: unknown; frontmatter?: unknown; body?: unknown }) : undefined
    const frontmatter = publicationSchema.partial().safeParse(parsed?.frontmatter)
    return frontmatter.success && typeof parsed?.slug === 'string'
      ? frontmatterToValues(parsed.slug, frontmatter.data, typeof parsed.body === 'string' ? parsed.body : '')
      : emptyValues()
  } catch {
    return emptyValues()
  }
}

function readHandoff(): string {
  try {
    return sessionStorage.getItem(IMPORT_HANDOFF_KEY) ?? ''
  } catch {
    return ''
  }
}

/** A blank editor, or one filled from an entry chosen on the import page (handed over in sessionStorage). */
export function NewPublicationEditor({ fromImport }: { fromImport: boolean }) {
  // sessionStorage exists only in the browser: on the server and while hydrating, the entry is
  // not known yet (null), and the editor waits for it.
  const handoff = useSyncExternalStore(
    nothingToWatch,
    () => (fromImport ? readHandoff() : ''),
    () => (fromImport ? null : ''),
  )
  const initial = useMemo(() => (handoff === null ? null : valuesFromHandoff(handoff)), [handoff])

  if (!initial) return <p className="muted">Loading the imported entry…</p>
  return <PublicationEditor initial={initial} />
}
