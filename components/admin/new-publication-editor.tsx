'use client'

import { useEffect, useState } from 'react'
import { emptyValues, frontmatterToValues, type EditorValues } from '@/lib/admin/editor-form'
import { publicationSchema } from '@/lib/domain/schema'
import { PublicationEditor } from './publication-editor'

export const IMPORT_HANDOFF_KEY = 'scholar-cms:import-entry'

/** A blank editor, or one filled from an entry chosen on the import page (handed over in sessionStorage). */
export function NewPublicationEditor({ fromImport }: { fromImport: boolean }) {
  const [initial, setInitial] = useState<EditorValues | null>(fromImport ? null : emptyValues())

  useEffect(() => {
    if (!fromImport) return
    try {
      const raw = sessionStorage.getItem(IMPORT_HANDOFF_KEY)
      const parsed = raw ? (JSON.parse(raw) as { slug?: unknown; frontmatter?: unknown; body?: unknown }) : undefined
      const frontmatter = publicationSchema.partial().safeParse(parsed?.frontmatter)
      // sessionStorage exists only in the browser, after hydration.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setInitial(
        frontmatter.success && typeof parsed?.slug === 'string'
          ? frontmatterToValues(parsed.slug, frontmatter.data, typeof parsed.body === 'string' ? parsed.body : '')
          : emptyValues(),
      )
    } catch {
      setInitial(emptyValues())
    }
  }, [fromImport])

  if (!initial) return <p className="muted">Loading the imported entry…</p>
  return <PublicationEditor initial={initial} />
}
