/**
 * What can be uploaded, for which use, and how large it may be: one table the upload form checks
 * before sending and the server checks again before it reads a byte more. Shared with the browser.
 */

import { UPLOAD_BODY_LIMIT } from './upload-limit.mjs'

export const MB = 1024 * 1024

export type MediaKind = 'pdf' | 'cv' | 'photo' | 'thumbnail'

type KindSpec = {
  /** What the owner is told the upload is for. */
  label: string
  /** The same inside a sentence. */
  noun: string
  /** `document`: a PDF kept as it is. `image`: re-encoded at `size`, its metadata dropped. */
  family: 'document' | 'image'
  maxBytes: number
  /** The size the pages use, in pixels: the image is cropped to fill it. */
  size?: { width: number; height: number }
}

export const MEDIA_KINDS: Record<MediaKind, KindSpec> = {
  pdf: { label: 'PDF', noun: 'a PDF', family: 'document', maxBytes: UPLOAD_BODY_LIMIT },
  cv: { label: 'CV', noun: 'a CV', family: 'document', maxBytes: UPLOAD_BODY_LIMIT },
  // Shown at 240 css px (2× for sharp screens).
  photo: { label: 'Photo', noun: 'a photo', family: 'image', maxBytes: 10 * MB, size: { width: 480, height: 480 } },
  // Shown at up to 160×120 css px beside an entry, and on the paper page and its card at 240×180.
  thumbnail: {
    label: 'Thumbnail',
    noun: 'a thumbnail',
    family: 'image',
    maxBytes: 10 * MB,
    size: { width: 480, height: 360 },
  },
}

export const isMediaKind = (value: unknown): value is MediaKind =>
  typeof value === 'string' && Object.hasOwn(MEDIA_KINDS, value)

/** The largest upload of any kind: what the server's request guard lets through to the upload route. */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(MEDIA_KINDS).map((kind) => kind.maxBytes))

/** What the file picker offers; the server decides by content, not by this. */
export const ACCEPT: Record<KindSpec['family'], string> = {
  document: 'application/pdf,.pdf',
  image: 'image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp',
}

export function formatSize(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(bytes / 1024)} kB`
}

/** Why a file of this size cannot be uploaded as `kind`, or undefined. */
export function sizeProblem(kind: MediaKind, bytes: number): string | undefined {
  const { noun, maxBytes } = MEDIA_KINDS[kind]
  if (bytes === 0) return 'The file is empty. Nothing was uploaded.'
  return bytes > maxBytes
    ? `The file is ${formatSize(bytes)}; ${noun} may be at most ${formatSize(maxBytes)}. Nothing was uploaded.`
    : undefined
}

/** An uploaded medium's file name: the first 16 hex digits of the sha-256 of its bytes, and its kind. */
export const MEDIA_NAME = /^([0-9a-f]{16})\.(pdf|jpg|png|webp)$/

/** Where an uploaded medium is served: its name is a hash of its bytes. */
export const MEDIA_URL_PATTERN = /^\/media\/([0-9a-f]{16}\.(?:pdf|jpg|png|webp))$/

/** The media a frontmatter or the settings name, as their file names (`<hash>.<ext>`). */
export function mediaNamesIn(value: unknown): string[] {
  const names = new Set<string>()
  const visit = (item: unknown) => {
    if (typeof item === 'string') {
      const name = MEDIA_URL_PATTERN.exec(item)?.[1]
      if (name) names.add(name)
    } else if (Array.isArray(item)) item.forEach(visit)
    else if (item && typeof item === 'object') Object.values(item).forEach(visit)
  }
  visit(value)
  return [...names]
}
