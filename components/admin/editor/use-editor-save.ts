import { useRouter } from 'next/navigation'
import { useMemo, useRef, useState } from 'react'
import { savePublicationAction } from '@/app/admin/actions'
import type { SaveConflict } from '@/lib/admin/conflict'
import type { DuplicateWarning } from '@/lib/store'
import { frontmatterToValues, valuesToFrontmatter, type EditorValues } from '@/lib/admin/editor-form'
import { mergeVersions, type PublicationVersion, type Side } from '@/lib/domain/field-changes'
import type { FieldName } from '@/lib/domain/fields'
import { routes } from '@/lib/domain/routes.mjs'
import { checkPublication, type FieldErrors } from '@/lib/domain/validation'
import { slugify } from '@/lib/domain/slugs'

export type EditorStatus = {
  tone: 'info' | 'error'
  text: string
  /** A link to the page just saved. */
  view?: string
}

/**
 * A save refused because the file changed since it was loaded, with the values that were sent and
 * the version they were made from (undefined if it does not pass today's checks), which tells who
 * changed a field: them, me or both.
 */
export type EditorConflict = Pick<SaveConflict, 'message' | 'current' | 'mine'> & {
  sent: EditorValues
  base: PublicationVersion | undefined
}

export type ConflictMine = { version: PublicationVersion; asSent: boolean }

export type SaveOptions = {
  /** Save over this version of the file (the one the conflict showed). */
  version?: string
  /** Save as a new paper (the file was deleted meanwhile). */
  asNew?: boolean
  /** Save although other papers have the same DOI, arXiv id, BibTeX key or title ("Save anyway"). */
  allowDuplicate?: boolean
  /** Save these values, a merge made from `base`, instead of the form as this render holds it. */
  merge?: { values: EditorValues; base: PublicationVersion }
}

const UNREACHABLE =
  'The server could not be reached, or your session has ended. Your changes are still here; try again.'

/** The form's values as the version of the file they would make, when they pass the checks. */
function asVersion(values: EditorValues): PublicationVersion | undefined {
  const { valid, body } = checkPublication({
    slug: values.slug,
    frontmatter: valuesToFrontmatter(values),
    body: values.body,
  })
  return valid ? { ...valid, body } : undefined
}

/**
 * The editor's state and its save protocol: the values, the version they were loaded at, the
 * checks the server runs too (run here first), and what a save answers: saved, refused with
 * field errors, or a conflict with another save, which the editor resolves field by field.
 */
export function useEditorSave({
  initial,
  originalSlug: initialOriginal,
  version: initialVersion,
  justSaved,
}: {
  initial: EditorValues
  originalSlug?: string
  version?: string
  justSaved: boolean
}) {
  const router = useRouter()
  const [values, setValues] = useState(initial)
  const [saved, setSaved] = useState(initial)
  const [originalSlug, setOriginalSlug] = useState(initialOriginal)
  const [version, setVersion] = useState(initialVersion)
  const [slugTouched, setSlugTouched] = useState(initialOriginal !== undefined)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [status, setStatus] = useState<EditorStatus | null>(
    justSaved ? { tone: 'info', text: 'Saved and committed.' } : null,
  )
  const [pending, setPending] = useState(false)
  const [conflict, setConflict] = useState<EditorConflict | null>(null)
  /** The papers the last save would have repeated; nothing was written. */
  const [duplicate, setDuplicate] = useState<DuplicateWarning | null>(null)
  /** The error summary, focused when a save is refused. */
  const summary = useRef<HTMLDivElement>(null)
  const creating = originalSlug === undefined
  const dirty = useMemo(() => JSON.stringify(values) !== JSON.stringify(saved), [values, saved])

  function set<K extends keyof EditorValues>(key: K, value: EditorValues[K]) {
    setValues((current) => {
      const next = { ...current, [key]: value }
      if (key === 'title' && !slugTouched) next.slug = slugify(String(value))
      return next
    })
  }

  function refuse(found: FieldErrors, text: string) {
    setErrors(found)
    setStatus({ tone: 'error', text })
    requestAnimationFrame(() => summary.current?.focus())
  }

  async function save(options: SaveOptions = {}) {
    const sent = options.merge?.values ?? values
    const input = { slug: sent.slug, frontmatter: valuesToFrontmatter(sent), body: sent.body }
    const { fieldErrors } = checkPublication(input)
    if (Object.keys(fieldErrors).length > 0)
      return refuse(fieldErrors, 'Nothing was saved. Fix the fields listed above.')
    setErrors({})
    setPending(true)
    setStatus(null)
    setDuplicate(null)
    try {
      const asNew = options.asNew === true
      const result = await savePublicationAction({
        ...input,
        ...(asNew || originalSlug === undefined ? {} : { originalSlug, version: options.version ?? version }),
        ...(options.allowDuplicate ? { allowDuplicate: true } : {}),
      })
      if (result.ok) {
        setConflict(null)
        setSaved(sent)
        setVersion(result.version)
        setOriginalSlug(result.slug)
        setSlugTouched(true)
        setStatus({
          tone: 'info',
          text: result.unchanged ? 'No changes to save.' : `Saved${result.commit ? ' and committed' : ''}.`,
          ...(result.unchanged || sent.draft ? {} : { view: routes.publication(result.slug) }),
        })
        if (creating || result.slug !== originalSlug) router.replace(routes.editSaved(result.slug), { scroll: false })
      } else if (result.kind === 'duplicate') {
        setDuplicate(result)
      } else if (result.kind === 'invalid') {
        refuse(result.fieldErrors, result.message)
      } else if (result.kind === 'conflict') {
        const base = options.merge?.base ?? asVersion(saved)
        setConflict({ message: result.message, current: result.current, mine: result.mine, sent, base })
      } else {
        setStatus({ tone: 'error', text: result.message })
      }
    } catch {
      setStatus({ tone: 'error', text: UNREACHABLE })
    } finally {
      setPending(false)
    }
  }

  /** Mine in a conflict: the form as it is now or, while the form does not pass the checks, what was sent. */
  const conflictMine = useMemo((): ConflictMine | undefined => {
    if (!conflict) return undefined
    const form = asVersion(values)
    if (form) return { version: form, asSent: false }
    return conflict.mine ? { version: conflict.mine, asSent: true } : undefined
  }, [conflict, values])

  /**
   * Resolves a conflict field by field: the form becomes mine with the fields chosen as theirs
   * taken from the saved version, and is saved over that version through the normal save (every
   * check runs again). From here the form stands on the saved version, so a Save after a refusal
   * ("Save anyway", a fixed field) goes over it too.
   */
  async function saveMerged(choices: Partial<Record<FieldName, Side>>) {
    const current = conflict?.current
    if (!current || !conflictMine) return
    const merged = mergeVersions(current, conflictMine.version, choices)
    const next = frontmatterToValues(merged.slug ?? current.slug, merged.frontmatter, merged.body)
    setValues(next)
    setSaved(frontmatterToValues(current.slug, current.frontmatter, current.body))
    setVersion(current.version)
    await save({ version: current.version, merge: { values: next, base: current } })
  }

  /** Resolves a conflict by loading the saved version; the unsaved values are dropped. */
  function takeTheirs() {
    const current = conflict?.current
    if (!current) return
    const theirs = frontmatterToValues(current.slug, current.frontmatter, current.body)
    setValues(theirs)
    setSaved(theirs)
    setVersion(current.version)
    setOriginalSlug(current.slug)
    setConflict(null)
    setErrors({})
    setStatus({ tone: 'info', text: 'Loaded the saved version; your changes were discarded.' })
  }

  return {
    values,
    set,
    /** A slug typed by hand is kept; until then it follows the title. */
    slugTyped: () => setSlugTouched(true),
    slugFollowsTitle: creating && !slugTouched,
    dirty,
    errors,
    errorFor: (path: string) => errors[path]?.join('; '),
    summary,
    status,
    pending,
    conflict,
    conflictMine,
    saveMerged,
    duplicate,
    dismissDuplicate: () => setDuplicate(null),
    save,
    takeTheirs,
    dismissConflict: () => setConflict(null),
  }
}
