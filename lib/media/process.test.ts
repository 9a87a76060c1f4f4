import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { MB } from './kinds'
import { processUpload } from './process'

/** A photo as a phone takes it: a JPEG whose EXIF holds the camera, the orientation and the GPS position. */
async function phonePhoto(width = 1200, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#8aa' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Pocket 12', Orientation: '6' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '46/1 31/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '6/1 34/1 0/1' },
    })
    .toBuffer()
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')
/** The first bytes of a Windows program ("MZ", then the DOS stub), as a renamed .exe starts. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120)])

describe('uploads are checked by their content and made fit to serve', () => {
  it('re-encodes a photo at the size the page uses, without its EXIF and GPS block', async () => {
    const input = await phonePhoto()
    expect((await sharp(input).metadata()).exif).toBeDefined()
    const medium = await processUpload('photo', input)
    const meta = await sharp(medium.bytes).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 480, 480])
    expect(meta.exif).toBeUndefined()
    expect(meta.xmp).toBeUndefined()
    expect(medium.bytes.includes(Buffer.from('PhoneMaker'))).toBe(false)
    expect(medium.name).toMatch(/^[0-9a-f]{16}\.jpg$/)
  })

  it('turns the pixels as the EXIF orientation says before dropping it', async () => {
    // Orientation 6: the sensor's top edge is the picture's right edge.
    const red = await sharp({ create: { width: 600, height: 300, channels: 3, background: '#f00' } })
      .png()
      .toBuffer()
    const sideways = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#00f' } })
      .composite([{ input: red, top: 0, left: 0 }])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer()
    const medium = await processUpload('photo', sideways)
    const { data, info } = await sharp(medium.bytes).raw().toBuffer({ resolveWithObject: true })
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)]
    expect(pixel(400, 240)[0]).toBeGreaterThan(200) // right: red
    expect(pixel(80, 240)[2]).toBeGreaterThan(200) // left: blue
    expect((await sharp(medium.bytes).metadata()).orientation).toBeUndefined()
  })

  it('keeps transparency as PNG', async () => {
    const png = await sharp({
      create: { width: 50, height: 50, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer()
    const medium = await processUpload('thumbnail', png)
    expect(medium.name.endsWith('.png')).toBe(true)
    expect((await sharp(medium.bytes).metadata()).hasAlpha).toBe(true)
  })

  it('names a medium by its content: the same file twice gives the same name', async () => {
    const [a, b] = await Promise.all([processUpload('pdf', PDF), processUpload('pdf', Buffer.from(PDF))])
    expect(a.name).toBe(b.name)
    expect(a.bytes.equals(PDF)).toBe(true)
  })

  it('refuses a program renamed to .pdf, naming what it is', async () => {
    await expect(processUpload('pdf', EXE)).rejects.toThrow(/not a PDF: its content is EXE/)
  })

  it('refuses SVG, which can carry script, as an image or a PDF', async () => {
    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    )
    await expect(processUpload('photo', svg)).rejects.toThrow(/SVG and other markup files are refused/)
    await expect(processUpload('pdf', Buffer.from('<svg onload="alert(1)"/>'))).rejects.toThrow(/SVG/)
  })

  it('refuses a PDF given as a photo, and a photo given as a PDF', async () => {
    await expect(processUpload('photo', PDF)).rejects.toThrow(/not a JPEG, PNG or WebP image: its content is PDF/)
    await expect(processUpload('cv', await phonePhoto(10, 10))).rejects.toThrow(/not a PDF: its content is JPG/)
  })

  it('refuses files over the limit and empty files', async () => {
    await expect(processUpload('photo', Buffer.alloc(12 * MB))).rejects.toThrow(
      'The file is 12 MB; a photo may be at most 10 MB. Nothing was uploaded.',
    )
    await expect(processUpload('pdf', Buffer.alloc(0))).rejects.toThrow(/empty/)
  })

  it('refuses an image that does not decode', async () => {
    const broken = Buffer.concat([(await phonePhoto(64, 64)).subarray(0, 200)])
    await expect(processUpload('photo', broken)).rejects.toThrow(/could not be read/)
  })
})
