import 'server-only'
import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import sharp from 'sharp'
import { MEDIA_KINDS, sizeProblem, type MediaKind } from './kinds'

/**
 * An upload made fit to serve: checked by its content (its magic bytes, read by `file-type`, never
 * by its name), a PDF kept as it is, an image decoded and encoded anew by `sharp` at the size the
 * pages use. Encoding anew drops everything but the pixels: EXIF (a phone's GPS position), XMP,
 * comments, and anything a crafted file hides after its image data.
 */

export type Medium = {
  /** `<first 16 hex digits of the sha-256 of the bytes>.<ext>`: the same file always has the same name. */
  name: string
  bytes: Buffer
  contentType: string
  /** Pixels, for an image. */
  width?: number
  height?: number
}

export class UploadRefused extends Error {}

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp'])
/** Above this many pixels an image is refused before it is decoded (a decompression bomb). */
const MAX_INPUT_PIXELS = 60_000_000

export const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
}

export function nameFor(bytes: Buffer, extension: string): string {
  return `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${extension}`
}

/** An SVG (or other XML) file: `file-type` names none of them, and an SVG can carry script. */
function looksLikeMarkup(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimStart()
  return /^(<\?xml|<svg|<!doctype svg|<!--)/i.test(head)
}

function refusalFor(kind: MediaKind, detected: { ext: string; mime: string } | undefined, bytes: Buffer): string {
  const expected = MEDIA_KINDS[kind].family === 'document' ? 'a PDF' : 'a JPEG, PNG or WebP image'
  if (looksLikeMarkup(bytes))
    return `SVG and other markup files are refused: they can carry scripts. Upload ${expected}. Nothing was uploaded.`
  const found = detected
    ? `its content is ${detected.ext.toUpperCase()} (${detected.mime})`
    : 'its content is not of a kind this site takes'
  return `This file is not ${expected}: ${found}, whatever its name says. Nothing was uploaded.`
}

/** Checks and prepares an upload; throws `UploadRefused` with a message for the owner. */
export async function processUpload(kind: MediaKind, bytes: Buffer): Promise<Medium> {
  const tooLarge = sizeProblem(kind, bytes.length)
  if (tooLarge) throw new UploadRefused(tooLarge)
  const detected = await fileTypeFromBuffer(bytes)
  const spec = MEDIA_KINDS[kind]
  if (spec.family === 'document') {
    if (detected?.mime !== 'application/pdf') throw new UploadRefused(refusalFor(kind, detected, bytes))
    return { name: nameFor(bytes, 'pdf'), bytes, contentType: CONTENT_TYPES.pdf! }
  }
  if (!detected || !IMAGE_TYPES.has(detected.mime)) throw new UploadRefused(refusalFor(kind, detected, bytes))
  return encodeImage(bytes, spec.size ?? { width: 480, height: 480 })
}

async function encodeImage(input: Buffer, size: { width: number; height: number }): Promise<Medium> {
  try {
    const source = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    const { hasAlpha } = await source.metadata()
    // `rotate()` turns the pixels as the EXIF orientation says, before the EXIF is dropped; the
    // crop keeps the region with the most detail.
    const resized = source
      .rotate()
      .resize(size.width, size.height, { fit: 'cover', position: sharp.strategy.attention })
    const extension = hasAlpha ? 'png' : 'jpg'
    const bytes = await (
      hasAlpha
        ? resized.png({ compressionLevel: 9, palette: false })
        : resized.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true })
    ).toBuffer()
    return { name: nameFor(bytes, extension), bytes, contentType: CONTENT_TYPES[extension]!, ...size }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new UploadRefused(`The image could not be read (${reason}). Nothing was uploaded.`)
  }
}
