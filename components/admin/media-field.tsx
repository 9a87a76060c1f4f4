'use client'

import { useId, useRef, useState } from 'react'
import { ACCEPT, formatSize, MEDIA_KINDS, sizeProblem, type MediaKind } from '@/lib/media/kinds'
import { routes } from '@/lib/domain/routes.mjs'

type Props = {
  kind: MediaKind
  label: string
  hint?: string
  /** The address the field holds: an upload (`/media/…`) or, where `allowUrl`, any link. */
  value: string
  onChange: (value: string) => void
  /** The whole message shown when the server refused the value. */
  error?: string
  /** The field may also hold an address typed by hand (a paper's PDF elsewhere). */
  allowUrl?: boolean
  id?: string
}

type Upload = { state: 'idle' } | { state: 'uploading'; file: string } | { state: 'failed'; message: string }

/**
 * A field whose value is a file: choose one and it is uploaded and checked at once (the server
 * answers with its address, or why it refused it); it is written into the content folder only
 * by the save that follows, in that save's commit. Too large a file is refused here before it is sent.
 */
export function MediaField({ kind, label, hint, value, onChange, error, allowUrl = false, id }: Props) {
  const generated = useId()
  const base = id ?? `media-${generated}`
  const input = useRef<HTMLInputElement>(null)
  const [upload, setUpload] = useState<Upload>({ state: 'idle' })
  const spec = MEDIA_KINDS[kind]
  const isImage = spec.family === 'image'
  const message = upload.state === 'failed' ? upload.message : error
  const describedBy = [hint ? `${base}-hint` : '', message ? `${base}-error` : ''].filter(Boolean).join(' ')

  async function send(file: File) {
    const tooLarge = sizeProblem(kind, file.size)
    if (tooLarge) return setUpload({ state: 'failed', message: tooLarge })
    setUpload({ state: 'uploading', file: file.name })
    try {
      const response = await fetch(`${routes.mediaUpload}?kind=${kind}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: file,
      })
      const answer = (await response.json().catch(() => ({}))) as { ok?: boolean; url?: string; message?: string }
      if (!response.ok || !answer.url)
        return setUpload({
          state: 'failed',
          message:
            answer.message ??
            (response.status === 401
              ? 'Your session has ended: sign in again, then upload the file.'
              : `The upload failed (HTTP ${response.status}). Nothing was uploaded.`),
        })
      setUpload({ state: 'idle' })
      onChange(answer.url)
    } catch {
      setUpload({ state: 'failed', message: 'The server could not be reached. Nothing was uploaded; try again.' })
    } finally {
      if (input.current) input.current.value = ''
    }
  }

  return (
    <div className="field media-field">
      <span className="media-field-label" id={`${base}-label`}>
        {label}
      </span>
      {value && isImage ? (
        // Width and height as stored, so nothing moves when it loads. Not next/image: the upload
        // is already encoded at the size the pages use.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          className={`media-preview media-preview-${kind}`}
          src={value}
          alt={`${label} (current)`}
          width={spec.size?.width}
          height={spec.size?.height}
        />
      ) : null}
      {allowUrl ? (
        <input
          id={base}
          type="url"
          value={value}
          placeholder="https:// or upload a file"
          aria-labelledby={`${base}-label`}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : value ? (
        <p className="media-current">
          <a href={value} target="_blank" rel="noreferrer">
            {isImage ? 'Open the image' : 'Open the file'}
          </a>
        </p>
      ) : (
        <p className="muted media-current">None yet.</p>
      )}
      <div className="media-actions">
        <label className="button media-choose">
          {value ? 'Replace…' : 'Upload…'}
          <input
            ref={input}
            type="file"
            className="visually-hidden"
            accept={ACCEPT[spec.family]}
            aria-label={`${value ? 'Replace' : 'Upload'} ${label}`}
            aria-describedby={describedBy || undefined}
            disabled={upload.state === 'uploading'}
            onChange={(event) => {
              const file = event.target.files?.[0]
              if (file) void send(file)
            }}
          />
        </label>
        {value ? (
          <button type="button" className="button button-quiet" onClick={() => onChange('')}>
            Remove
          </button>
        ) : null}
      </div>
      <p id={`${base}-hint`} className="hint">
        {hint ?? `${isImage ? 'A JPEG, PNG or WebP' : 'A PDF'} up to ${formatSize(spec.maxBytes)}.`}
      </p>
      {/* Announced politely; not a `status` role, which the form's own save status is. */}
      <p aria-live="polite" className="muted">
        {upload.state === 'uploading' ? `Uploading ${upload.file}…` : ''}
      </p>
      {message ? (
        <p id={`${base}-error`} className="field-error" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  )
}
