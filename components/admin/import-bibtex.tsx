'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useRef, useState } from 'react'
import {
  createDraftsAction,
  parseImportAction,
  type ImportCandidate,
  type ImportOutcome,
  type ImportPreview,
} from '@/app/admin/actions'
import { fieldInSentence } from '@/lib/domain/fields'
import { IMPORT_HANDOFF_KEY } from './new-publication-editor'
import { routes } from '@/lib/domain/routes.mjs'

export function ImportBibtex() {
  const router = useRouter()
  const [text, setText] = useState('')
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null)
  const [pending, setPending] = useState<'parse' | 'create' | null>(null)
  const [failure, setFailure] = useState('')
  const results = useRef<HTMLHeadingElement>(null)

  const creatable = preview?.candidates.filter((candidate) => !candidate.duplicate && !candidate.repeats) ?? []

  async function parse() {
    setPending('parse')
    setFailure('')
    setOutcomes(null)
    try {
      setPreview(await parseImportAction(text))
      requestAnimationFrame(() => results.current?.focus())
    } catch {
      setFailure('The server could not be reached, or your session has ended. Reload the page.')
    } finally {
      setPending(null)
    }
  }

  async function createAll() {
    setPending('create')
    setFailure('')
    try {
      const done = await createDraftsAction(
        creatable.map(({ slug, frontmatter, body }) => ({ slug, frontmatter, body })),
      )
      setOutcomes(done)
      setPreview(null)
      router.refresh()
    } catch {
      setFailure('The server could not be reached, or your session has ended. Reload the page.')
    } finally {
      setPending(null)
    }
  }

  function review(candidate: ImportCandidate) {
    sessionStorage.setItem(
      IMPORT_HANDOFF_KEY,
      JSON.stringify({
        slug: candidate.slug,
        frontmatter: { ...candidate.frontmatter, draft: true },
        body: candidate.body,
      }),
    )
    router.push(routes.newFromImport)
  }

  return (
    <div className="import">
      <form
        className="admin-form"
        onSubmit={(event) => {
          event.preventDefault()
          void parse()
        }}
      >
        <div className="field">
          <label htmlFor="bibtex-input">BibTeX</label>
          <textarea
            id="bibtex-input"
            rows={12}
            value={text}
            onChange={(event) => setText(event.target.value)}
            spellCheck={false}
            aria-describedby="bibtex-hint"
            placeholder={'@article{key,\n  title = {…},\n  author = {…},\n  year = {2024}\n}'}
          />
          <p id="bibtex-hint" className="hint">
            Paste one or many entries (from Google Scholar, your .bib file, a publisher page). Each becomes a draft you
            review before it goes public.
          </p>
        </div>
        <button type="submit" className="button button-primary" disabled={pending !== null || !text.trim()}>
          {pending === 'parse' ? 'Reading…' : 'Read entries'}
        </button>
      </form>

      <p role="alert" className="form-error">
        {failure}
      </p>

      {preview ? (
        <section aria-labelledby="import-results">
          <h2 id="import-results" ref={results} tabIndex={-1}>
            {preview.candidates.length} {preview.candidates.length === 1 ? 'entry' : 'entries'} found
            {preview.errors.length ? `, ${preview.errors.length} could not be read` : ''}
          </h2>
          {preview.errors.length ? (
            <ul className="import-errors" aria-label="Entries that could not be read">
              {preview.errors.map((error, index) => (
                <li key={index} className="form-error">
                  {error.message}
                </li>
              ))}
            </ul>
          ) : null}
          <ol className="import-list">
            {preview.candidates.map((candidate, index) => (
              <li key={`${candidate.key}-${index}`} className="import-card">
                <h3>{candidate.frontmatter.title}</h3>
                <p>
                  {candidate.frontmatter.authors.map((author) => author.name).join(', ')}
                  {' · '}
                  {candidate.frontmatter.venue ? <em>{candidate.frontmatter.venue}</em> : null}{' '}
                  {candidate.frontmatter.year}
                </p>
                {candidate.duplicate ? (
                  <p className="pill pill-warning">
                    Already in your list (same {fieldInSentence(candidate.duplicate.reason)}):{' '}
                    <Link href={routes.edit(candidate.duplicate.slug)}>{candidate.duplicate.title}</Link>
                  </p>
                ) : candidate.repeats ? (
                  <p className="pill pill-warning">
                    Repeats entry {candidate.repeats.index + 1} of this paste (same{' '}
                    {fieldInSentence(candidate.repeats.reason)})
                  </p>
                ) : (
                  <p className="muted">
                    New · will be saved as <code>{candidate.slug}</code>
                  </p>
                )}
                {candidate.warnings.length ? (
                  <ul className="warnings">
                    {candidate.warnings.map((warning) => (
                      <li key={warning}>{warning}</li>
                    ))}
                  </ul>
                ) : null}
                {candidate.duplicate || candidate.repeats ? null : (
                  <button type="button" className="button button-small" onClick={() => review(candidate)}>
                    Review in the editor
                  </button>
                )}
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button-primary"
            disabled={pending !== null || creatable.length === 0}
            onClick={() => void createAll()}
          >
            {pending === 'create'
              ? 'Saving…'
              : `Save ${creatable.length} new ${creatable.length === 1 ? 'entry' : 'entries'} as drafts`}
          </button>
        </section>
      ) : null}

      {outcomes ? (
        <section aria-labelledby="import-done">
          <h2 id="import-done">Import finished</h2>
          <ul>
            {outcomes.map((outcome) => (
              <li
                key={`${outcome.slug}-${outcome.title}`}
                className={outcome.result.ok ? 'form-success' : 'form-error'}
              >
                {outcome.result.ok ? (
                  <>
                    Saved as a draft: <Link href={routes.edit(outcome.slug)}>{outcome.title}</Link>
                  </>
                ) : (
                  <>
                    Not saved: {outcome.title}: {outcome.result.message}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
