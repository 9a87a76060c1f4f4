'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { previewBodyAction, savePublicationAction } from '@/app/admin/actions'
import { fieldLabel, frontmatterToValues, valuesToFrontmatter, type EditorValues } from '@/lib/admin/editor-form'
import { slugify } from '@/lib/domain/slugs'
import {
  bodyCharacterProblem,
  PUBLICATION_TYPE_LABELS,
  PUBLICATION_TYPES,
  publicationSchema,
  slugProblem,
  type PublicationFrontmatter,
} from '@/lib/domain/schema'
import { serializePublication } from '@/lib/store/serialize'
import { monthName } from '@/lib/domain/format'
import { AuthorsEditor } from './authors-editor'
import { CardPreview } from './card-preview'
import { useUnsavedGuard } from './use-unsaved-guard'

type FieldErrors = Record<string, string[]>
type StringField = { [K in keyof EditorValues]: EditorValues[K] extends string ? K : never }[keyof EditorValues]
type Conflict = {
  message: string
  current: { slug: string; frontmatter: PublicationFrontmatter; body: string; version: string; source: string } | null
}

const MAX_BODY_BYTES = 256 * 1024

/** The same rules the server applies (one zod schema), checked before anything is sent. */
function validate(values: EditorValues): FieldErrors {
  const errors: FieldErrors = {}
  const add = (path: string, message: string) => (errors[path] ??= []).push(message)
  const slugIssue = slugProblem(values.slug)
  if (slugIssue) add('slug', slugIssue)
  const result = publicationSchema.safeParse(valuesToFrontmatter(values))
  if (!result.success) for (const issue of result.error.issues) add(issue.path.join('.') || 'form', issue.message)
  if (new TextEncoder().encode(values.body).length > MAX_BODY_BYTES)
    add('body', `must be at most ${MAX_BODY_BYTES / 1024} kB`)
  const bodyIssue = bodyCharacterProblem(values.body)
  if (bodyIssue) add('body', bodyIssue)
  return errors
}

type Props = { initial: EditorValues; originalSlug?: string; version?: string; justSaved?: boolean }

export function PublicationEditor({
  initial,
  originalSlug: initialOriginal,
  version: initialVersion,
  justSaved = false,
}: Props) {
  const router = useRouter()
  const [values, setValues] = useState(initial)
  const [saved, setSaved] = useState(initial)
  const [originalSlug, setOriginalSlug] = useState(initialOriginal)
  const [version, setVersion] = useState(initialVersion)
  const [slugTouched, setSlugTouched] = useState(initialOriginal !== undefined)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; content: ReactNode } | null>(
    justSaved ? { tone: 'info', content: 'Saved and committed.' } : null,
  )
  const [pending, setPending] = useState(false)
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const summary = useRef<HTMLDivElement>(null)
  const creating = originalSlug === undefined

  const dirty = useMemo(() => JSON.stringify(values) !== JSON.stringify(saved), [values, saved])
  useUnsavedGuard(dirty)

  const errorFor = (path: string) => errors[path]?.join('; ')

  function set<K extends keyof EditorValues>(key: K, value: EditorValues[K]) {
    setValues((current) => {
      const next = { ...current, [key]: value }
      if (key === 'title' && !slugTouched) next.slug = slugify(String(value))
      return next
    })
  }

  async function save(overrides: { version?: string; asNew?: boolean } = {}) {
    const found = validate(values)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      setStatus({ tone: 'error', content: 'Nothing was saved. Fix the fields listed above.' })
      requestAnimationFrame(() => summary.current?.focus())
      return
    }
    setPending(true)
    setStatus(null)
    try {
      const asNew = overrides.asNew === true
      const result = await savePublicationAction({
        slug: values.slug,
        ...(asNew || originalSlug === undefined ? {} : { originalSlug, version: overrides.version ?? version }),
        frontmatter: valuesToFrontmatter(values),
        body: values.body,
      })
      if (result.ok) {
        setConflict(null)
        setSaved(values)
        setVersion(result.version)
        setOriginalSlug(result.slug)
        setSlugTouched(true)
        const view = values.draft ? null : (
          <>
            {' '}
            <Link href={`/publications/${result.slug}`}>View on the site</Link>
          </>
        )
        setStatus({
          tone: 'info',
          content: result.unchanged ? (
            'No changes to save.'
          ) : (
            <>
              Saved{result.commit ? ' and committed' : ''}.{view}
            </>
          ),
        })
        if (creating || result.slug !== originalSlug)
          router.replace(`/admin/publications/${result.slug}/edit?saved=1`, { scroll: false })
      } else if (result.kind === 'invalid') {
        setErrors(result.fieldErrors)
        setStatus({ tone: 'error', content: result.message })
        requestAnimationFrame(() => summary.current?.focus())
      } else if (result.kind === 'conflict') {
        setConflict({ message: result.message, current: result.current })
      } else {
        setStatus({ tone: 'error', content: result.message })
      }
    } catch {
      setStatus({
        tone: 'error',
        content: 'The server could not be reached, or your session has ended. Your changes are still here; try again.',
      })
    } finally {
      setPending(false)
    }
  }

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
    setStatus({ tone: 'info', content: 'Loaded the saved version; your changes were discarded.' })
  }

  const errorList = Object.entries(errors).flatMap(([path, messages]) => messages.map((message) => ({ path, message })))

  const field = (
    name: StringField,
    label: string,
    options: { type?: string; hint?: string; placeholder?: string; inputMode?: 'numeric' } = {},
  ) => {
    const error = errorFor(name)
    const describedBy = [options.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ')
    return (
      <div className="field">
        <label htmlFor={`field-${name}`}>{label}</label>
        <input
          id={`field-${name}`}
          name={name}
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          value={values[name]}
          placeholder={options.placeholder}
          onChange={(event) => {
            // A slug typed by hand is kept; until then it follows the title.
            if (name === 'slug') setSlugTouched(true)
            set(name, event.target.value)
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        {options.hint ? (
          <p id={`${name}-hint`} className="hint">
            {options.hint}
          </p>
        ) : null}
        {error ? (
          <p id={`${name}-error`} className="field-error">
            {fieldLabel(name)} {error}
          </p>
        ) : null}
      </div>
    )
  }

  return (
    <form
      className="admin-form editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      {errorList.length ? (
        <div ref={summary} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">Nothing was saved. Please fix:</h2>
          <ul>
            {errorList.map(({ path, message }) => (
              <li key={`${path}-${message}`}>
                <a href={`#field-${path}`} onClick={(event) => focusField(event, path)}>
                  {fieldLabel(path)}: {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          mine={values}
          onKeepMine={(v) => void save(v)}
          onTakeTheirs={takeTheirs}
          onCancel={() => setConflict(null)}
        />
      ) : null}

      <fieldset>
        <legend>Basics</legend>
        {field('title', 'Title')}
        <div className="field-row">
          {field('slug', 'Slug', {
            hint:
              creating && !slugTouched
                ? 'Made from the title; the page address is /publications/<slug>.'
                : 'Changing it moves the page to a new address.',
          })}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="field-type">Type</label>
            <select id="field-type" value={values.type} onChange={(event) => set('type', event.target.value)}>
              <option value="">(not set)</option>
              {PUBLICATION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {PUBLICATION_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          </div>
          {field('year', 'Year', { inputMode: 'numeric' })}
          <div className="field">
            <label htmlFor="field-month">Month</label>
            <select
              id="field-month"
              value={values.month}
              onChange={(event) => set('month', event.target.value)}
              aria-invalid={errorFor('month') ? true : undefined}
            >
              <option value="">(not set)</option>
              {Array.from({ length: 12 }, (_, i) => (
                <option key={i + 1} value={String(i + 1)}>
                  {monthName(i + 1)}
                </option>
              ))}
            </select>
          </div>
          {field('order', 'Position in year', {
            inputMode: 'numeric',
            hint: 'Optional: 1 shows first among papers of the same year and month.',
          })}
        </div>
      </fieldset>

      <fieldset>
        <legend>Authors</legend>
        {errorFor('authors') ? <p className="field-error">Authors {errorFor('authors')}</p> : null}
        <AuthorsEditor
          authors={values.authors}
          onChange={(authors) => set('authors', authors)}
          errorFor={(path) => {
            const error = errorFor(path)
            return error ? `${fieldLabel(path)} ${error}` : undefined
          }}
        />
      </fieldset>

      <fieldset>
        <legend>Venue</legend>
        {field('venue', 'Venue', { placeholder: 'Advances in Neural Information Processing Systems 35' })}
        <div className="field-row">
          {field('venueShort', 'Venue badge', { placeholder: 'NeurIPS' })}
          {field('volume', 'Volume')}
          {field('issue', 'Issue')}
          {field('pages', 'Pages')}
        </div>
        {field('award', 'Award', { placeholder: 'Best paper award' })}
      </fieldset>

      <fieldset>
        <legend>Identifiers and links</legend>
        <div className="field-row">
          {field('arxiv', 'arXiv id', { placeholder: '2105.02468' })}
          {field('doi', 'DOI', { placeholder: '10.1016/j.physrep.2021.04.001' })}
          {field('bibtexKey', 'BibTeX key', {
            hint: 'Optional; made from the first author, year and title when empty.',
          })}
        </div>
        <div className="field-row">
          {field('pdf', 'PDF link', { type: 'url', placeholder: 'https://' })}
          {field('code', 'Code link', { type: 'url', placeholder: 'https://' })}
          {field('slides', 'Slides link', { type: 'url', placeholder: 'https://' })}
        </div>
        <div className="field-row">
          {field('poster', 'Poster link', { type: 'url', placeholder: 'https://' })}
          {field('video', 'Video link', { type: 'url', placeholder: 'https://' })}
          {field('website', 'Website', { type: 'url', placeholder: 'https://' })}
          {field('supplementary', 'Supplementary link', { type: 'url', placeholder: 'https://' })}
        </div>
      </fieldset>

      <fieldset>
        <legend>Topics and visibility</legend>
        {field('tags', 'Topics', { hint: 'Separate with commas; papers sharing a topic are shown as related.' })}
        <div className="checks">
          <label>
            <input type="checkbox" checked={values.draft} onChange={(event) => set('draft', event.target.checked)} />{' '}
            Draft (hidden from the public site)
          </label>
          <label>
            <input
              type="checkbox"
              checked={values.selected}
              onChange={(event) => set('selected', event.target.checked)}
            />{' '}
            Selected (shown on the home page)
          </label>
        </div>
      </fieldset>

      <fieldset>
        <legend>Social card</legend>
        <CardPreview values={values} />
      </fieldset>

      <fieldset>
        <legend>Abstract</legend>
        <BodyEditor value={values.body} onChange={(body) => set('body', body)} error={errorFor('body')} />
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </button>
        <Link href="/admin" className="button button-quiet">
          Back to the list
        </Link>
        <span className="muted">{dirty ? 'Unsaved changes' : ''}</span>
      </div>
      <div role="status" className={status?.tone === 'error' ? 'form-error' : 'form-success'}>
        {status?.content}
      </div>
    </form>
  )
}

function focusField(event: React.MouseEvent, path: string) {
  event.preventDefault()
  const target = document.querySelector<HTMLElement>(
    `[name="${CSS.escape(path)}"], #field-${CSS.escape(path.split('.')[0] ?? '')}`,
  )
  target?.focus()
}

function BodyEditor({ value, onChange, error }: { value: string; onChange: (body: string) => void; error?: string }) {
  const [preview, setPreview] = useState<{
    state: 'idle' | 'loading' | 'ready' | 'error'
    node?: ReactNode
    message?: string
  }>({ state: 'idle' })
  const latest = useRef(0)

  useEffect(() => {
    if (!value.trim()) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the preview follows the body as it is typed
      setPreview({ state: 'idle' })
      return
    }
    const request = ++latest.current
    setPreview((current) => ({ ...current, state: 'loading' }))
    const timer = setTimeout(async () => {
      try {
        const result = await previewBodyAction(value)
        if (request !== latest.current) return
        setPreview(result.ok ? { state: 'ready', node: result.preview } : { state: 'error', message: result.message })
      } catch {
        if (request === latest.current) setPreview({ state: 'error', message: 'The preview could not be loaded.' })
      }
    }, 350)
    return () => clearTimeout(timer)
  }, [value])

  return (
    <div className="body-editor">
      <div className="field">
        <label htmlFor="field-body">Abstract</label>
        <textarea
          id="field-body"
          name="body"
          rows={12}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`body-hint${error ? ' body-error' : ''}`}
        />
        <p id="body-hint" className="hint">
          Markdown with LaTeX math between $…$ (inline) or $$…$$ (display).
        </p>
        {error ? (
          <p id="body-error" className="field-error">
            Abstract {error}
          </p>
        ) : null}
      </div>
      <section className="preview" aria-labelledby="preview-heading" aria-busy={preview.state === 'loading'}>
        <h2 id="preview-heading" className="preview-heading">
          Preview
        </h2>
        {preview.state === 'error' ? (
          <p className="form-error">{preview.message}</p>
        ) : preview.node ? (
          <div className="abstract">{preview.node}</div>
        ) : (
          <p className="muted">
            {preview.state === 'loading' ? 'Rendering…' : 'The abstract will appear here as visitors will see it.'}
          </p>
        )}
      </section>
    </div>
  )
}

function ConflictPanel({
  conflict,
  mine,
  onKeepMine,
  onTakeTheirs,
  onCancel,
}: {
  conflict: Conflict
  mine: EditorValues
  onKeepMine: (options: { version?: string; asNew?: boolean }) => void
  onTakeTheirs: () => void
  onCancel: () => void
}) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const mineParsed = publicationSchema.safeParse(valuesToFrontmatter(mine))
  const mineSource = mineParsed.success
    ? serializePublication({ frontmatter: mineParsed.data, body: mine.body })
    : mine.body
  const current = conflict.current
  return (
    <section className="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" ref={heading} tabIndex={-1}>
        Someone else changed this publication
      </h2>
      <p>{conflict.message}</p>
      <div className="conflict-versions">
        <div>
          <h3>Saved version</h3>
          {current ? (
            <pre aria-label="Saved version">{current.source}</pre>
          ) : (
            <p className="muted">The file was deleted.</p>
          )}
        </div>
        <div>
          <h3>Your version</h3>
          <pre aria-label="Your version">{mineSource}</pre>
        </div>
      </div>
      <div className="form-actions">
        {current ? (
          <>
            <button
              type="button"
              className="button button-primary"
              onClick={() => onKeepMine({ version: current.version })}
            >
              Keep my version
            </button>
            <button type="button" className="button" onClick={onTakeTheirs}>
              Use the saved version
            </button>
          </>
        ) : (
          <button type="button" className="button button-primary" onClick={() => onKeepMine({ asNew: true })}>
            Save mine as a new publication
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Decide later
        </button>
      </div>
    </section>
  )
}
