'use client'

import { useMemo, useRef, useState } from 'react'
import { saveSettingsAction } from '@/app/admin/settings-actions'
import {
  checkSettings,
  formErrors,
  formFieldLabel,
  newRowKey,
  PROFILE_KEYS,
  settingsToValues,
  valuesToSettings,
  type SettingsValues,
} from '@/lib/admin/settings-form'
import { PROFILE_FIELDS, SETTINGS_FIELDS } from '@/lib/domain/settings-fields'
import type { SiteSettings } from '@/lib/domain/schema'
import type { FieldErrors } from '@/lib/domain/validation'
import { routes } from '@/lib/domain/routes.mjs'
import { BodyEditor } from './editor/body-editor'
import { ErrorSummary } from './editor/error-summary'
import { TextField } from './editor/inputs'
import { SaveBar, type SaveBarStatus } from './editor/save-bar'
import { useEditorKeys } from './editor/use-editor-keys'
import { useUnsavedGuard } from './editor/use-unsaved-guard'
import { MediaField } from './media-field'

type Conflict = { message: string; current?: SiteSettings; version: string }

const UNREACHABLE =
  'The server could not be reached, or your session has ended. Your changes are still here; try again.'

/** The site settings form: the same save protocol as a paper's (checks here first, then the server's, a version check). */
export function SettingsForm({ initial, version: initialVersion }: { initial: SettingsValues; version: string }) {
  const [values, setValues] = useState(initial)
  const [saved, setSaved] = useState(initial)
  const [version, setVersion] = useState(initialVersion)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [status, setStatus] = useState<SaveBarStatus | null>(null)
  const [pending, setPending] = useState(false)
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const summary = useRef<HTMLDivElement>(null)
  const dirty = useMemo(() => JSON.stringify(values) !== JSON.stringify(saved), [values, saved])
  const guard = useUnsavedGuard(dirty)
  const keys = useEditorKeys(() => guard.whileSaving(() => save()))

  const set = <K extends keyof SettingsValues>(key: K, value: SettingsValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }))
  const errorFor = (key: string) => errors[key]?.join('; ')

  function refuse(found: FieldErrors, text: string) {
    setErrors(found)
    setStatus({ tone: 'error', text })
    requestAnimationFrame(() => summary.current?.focus())
  }

  async function save(over?: string) {
    const sent = values
    const found = checkSettings(sent)
    if (Object.keys(found).length) return refuse(found, 'Nothing was saved. Fix the fields listed above.')
    setErrors({})
    setPending(true)
    setStatus(null)
    try {
      const result = await saveSettingsAction({ settings: valuesToSettings(sent), version: over ?? version })
      if (result.ok) {
        setSaved(sent)
        setVersion(result.version)
        setConflict(null)
        setStatus({
          tone: 'info',
          text: result.unchanged ? 'No changes to save.' : `Saved${result.commit ? ' and committed' : ''}.`,
          ...(result.unchanged ? {} : { link: { href: routes.home, text: 'View the home page' } }),
        })
      } else if (result.kind === 'invalid') refuse(formErrors(sent, result.fieldErrors), result.message)
      else if (result.kind === 'conflict') setConflict(result)
      else setStatus({ tone: 'error', text: result.message })
    } catch {
      setStatus({ tone: 'error', text: UNREACHABLE })
    } finally {
      setPending(false)
    }
  }

  function loadCurrent(current: Conflict) {
    const theirs = settingsToValues(current.current ?? {})
    setValues(theirs)
    setSaved(theirs)
    setVersion(current.version)
    setConflict(null)
    setStatus({ tone: 'info', text: 'Loaded the current settings; your changes were discarded.' })
  }

  function setLink(key: string, part: 'label' | 'url', value: string) {
    set(
      'links',
      values.links.map((link) => (link.key === key ? { ...link, [part]: value } : link)),
    )
  }

  function removeLink(key: string, index: number) {
    const link = values.links.find((row) => row.key === key)
    set(
      'links',
      values.links.filter((row) => row.key !== key),
    )
    setAnnouncement(`Removed link ${index + 1}${link?.label ? `, ${link.label}` : ''}.`)
  }

  return (
    <form className="admin-form editor settings-form" noValidate onSubmit={keys.onSubmit} onKeyDown={keys.onKeyDown}>
      <ErrorSummary errors={errors} focusRef={summary} labelFor={(path) => formFieldLabel(path, values)} />
      {conflict ? (
        <section className="conflict" aria-labelledby="settings-conflict-heading" role="alert">
          <h2 id="settings-conflict-heading">The settings changed meanwhile</h2>
          <p>{conflict.message}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => void guard.whileSaving(() => save(conflict.version))}
            >
              Save mine over them
            </button>
            {conflict.current ? (
              <button type="button" className="button" onClick={() => loadCurrent(conflict)}>
                Load the current settings
              </button>
            ) : null}
            <button type="button" className="button button-quiet" onClick={() => setConflict(null)}>
              Decide later
            </button>
          </div>
        </section>
      ) : null}

      <fieldset>
        <legend>Name and site</legend>
        {(['owner', 'title', 'description'] as const).map((key) => (
          <TextField
            key={key}
            id={`field-${key}`}
            name={key}
            label={SETTINGS_FIELDS[key].label}
            hint={SETTINGS_FIELDS[key].hint}
            value={values[key]}
            error={errorFor(key)}
            onChange={(value) => set(key, value)}
          />
        ))}
        <div className="field">
          <label htmlFor="field-nameVariants">{SETTINGS_FIELDS.nameVariants.label}</label>
          <textarea
            id="field-nameVariants"
            name="nameVariants"
            rows={3}
            value={values.nameVariants}
            onChange={(event) => set('nameVariants', event.target.value)}
            aria-invalid={errorFor('nameVariants') ? true : undefined}
            aria-describedby={`nameVariants-hint${errorFor('nameVariants') ? ' nameVariants-error' : ''}`}
          />
          <p id="nameVariants-hint" className="hint">
            {SETTINGS_FIELDS.nameVariants.hint}
          </p>
          {errorFor('nameVariants') ? (
            <p id="nameVariants-error" className="field-error">
              {errorFor('nameVariants')}
            </p>
          ) : null}
        </div>
        <TextField
          id="field-maxAuthors"
          name="maxAuthors"
          label={SETTINGS_FIELDS.maxAuthors.label}
          hint={SETTINGS_FIELDS.maxAuthors.hint}
          inputMode="numeric"
          value={values.maxAuthors}
          error={errorFor('maxAuthors')}
          onChange={(value) => set('maxAuthors', value)}
        />
      </fieldset>

      <fieldset>
        <legend>About you</legend>
        <BodyEditor
          name="bio"
          label={SETTINGS_FIELDS.bio.label}
          hint={SETTINGS_FIELDS.bio.hint}
          rows={6}
          value={values.bio}
          error={errorFor('bio')}
          onChange={(value) => set('bio', value)}
        />
        <MediaField
          id="field-photo"
          kind="photo"
          label={SETTINGS_FIELDS.photo.label}
          hint={SETTINGS_FIELDS.photo.hint}
          value={values.photo}
          error={errorFor('photo')}
          onChange={(value) => set('photo', value)}
        />
      </fieldset>

      <fieldset>
        <legend>Profiles</legend>
        <p className="hint">Shown as icons under your bio. Leave empty what you do not use.</p>
        <div className="field-grid">
          {PROFILE_KEYS.map((key) => (
            <TextField
              key={key}
              id={`field-${key}`}
              name={key}
              label={PROFILE_FIELDS[key].label}
              placeholder={PROFILE_FIELDS[key].placeholder}
              value={values[key]}
              error={errorFor(key)}
              onChange={(value) => set(key, value)}
            />
          ))}
        </div>
        <MediaField
          id="field-cv"
          kind="cv"
          label={PROFILE_FIELDS.cv.label}
          hint={PROFILE_FIELDS.cv.hint}
          value={values.cv}
          error={errorFor('cv')}
          onChange={(value) => set('cv', value)}
        />
      </fieldset>

      <fieldset>
        <legend>{SETTINGS_FIELDS.links.label}</legend>
        <p className="hint">{SETTINGS_FIELDS.links.hint}</p>
        {values.links.length === 0 ? <p className="muted">No other links.</p> : null}
        <ol className="link-rows">
          {values.links.map((link, index) => (
            <li key={link.key} className="link-row">
              <TextField
                id={`field-links.${link.key}.label`}
                name={`links.${link.key}.label`}
                label={`Link ${index + 1} label`}
                value={link.label}
                error={errorFor(`links.${link.key}.label`)}
                onChange={(value) => setLink(link.key, 'label', value)}
              />
              <TextField
                id={`field-links.${link.key}.url`}
                name={`links.${link.key}.url`}
                label={`Link ${index + 1} address`}
                type="url"
                placeholder="https://"
                value={link.url}
                error={errorFor(`links.${link.key}.url`)}
                onChange={(value) => setLink(link.key, 'url', value)}
              />
              <button
                type="button"
                className="button button-quiet"
                onClick={() => removeLink(link.key, index)}
                aria-label={`Remove link ${index + 1}${link.label ? ` (${link.label})` : ''}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button"
          onClick={() => {
            set('links', [...values.links, { key: newRowKey(), label: '', url: '' }])
            setAnnouncement(`Added link ${values.links.length + 1}.`)
          }}
        >
          Add a link
        </button>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
      </fieldset>

      <SaveBar pending={pending} dirty={dirty} status={status} backHref={routes.admin} />
    </form>
  )
}
