import 'server-only'
import fs from 'node:fs/promises'
import { fileTypeFromBuffer } from 'file-type'
import { stagedMedium } from '../media/staging'
import { contentFile, MEDIA_DIR } from '../store/files'

/** A thumbnail the card can draw: Satori takes PNG and JPEG, not WebP. */
const DRAWABLE = /^\/media\/([0-9a-f]{16}\.(?:jpg|png))$/
const DRAWABLE_TYPES = new Set(['image/jpeg', 'image/png'])

/** The thumbnail's address when the card can draw it (an uploaded JPEG or PNG), else undefined. */
export function drawableThumbnail(address: string | undefined): string | undefined {
  return address && DRAWABLE.test(address) ? address : undefined
}

/**
 * The thumbnail as a data URL for Satori: read from the content folder or, for the editor's
 * preview alone (`staged`), from the uploads waiting for the save that names them, so the preview
 * shows what will be published. Undefined when the file is missing or its bytes are not a PNG or
 * JPEG whatever its name says: the card is then drawn without it.
 */
export async function thumbnailImage(address: string, { staged = false } = {}): Promise<string | undefined> {
  const name = DRAWABLE.exec(address)?.[1]
  if (!name) return undefined
  const bytes = await fs
    .readFile(contentFile(`${MEDIA_DIR}/${name}`))
    .catch(() => (staged ? stagedMedium(name)?.bytes : undefined))
  if (!bytes) return undefined
  const type = await fileTypeFromBuffer(bytes)
  return type && DRAWABLE_TYPES.has(type.mime) ? `data:${type.mime};base64,${bytes.toString('base64')}` : undefined
}
