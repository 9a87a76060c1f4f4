import { createHash } from 'node:crypto'
import { expect, type APIRequestContext, type Page } from '@playwright/test'

/** Width and height from a PNG's IHDR chunk; fails unless the bytes are a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** A meta tag's content, by `property` (OpenGraph) or `name` (Twitter, Scholar). */
export function meta(page: Page, key: string) {
  return page.locator(`head meta[property="${key}"], head meta[name="${key}"]`)
}

export async function metaContent(page: Page, key: string): Promise<string> {
  const content = await meta(page, key).first().getAttribute('content')
  expect(content, `${key} present`).toBeTruthy()
  return content ?? ''
}

/** Fetches the og:image of a page as the server serves it to a crawler. */
export async function ogImage(
  page: Page,
  request: APIRequestContext,
): Promise<{ url: string; bytes: Buffer; headers: Record<string, string> }> {
  const url = await metaContent(page, 'og:image')
  const response = await request.get(new URL(url).pathname + new URL(url).search)
  expect(response.status(), url).toBe(200)
  expect(response.headers()['content-type']).toBe('image/png')
  return { url, bytes: await response.body(), headers: response.headers() }
}

/** Parses XML in the browser; fails on a parser error. Returns the document's outer XML for queries. */
export async function parseXml(page: Page, xml: string): Promise<void> {
  const error = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, 'application/xml')
    return document.getElementsByTagName('parsererror')[0]?.textContent ?? null
  }, xml)
  expect(error, 'well-formed XML').toBeNull()
}

export async function xmlTexts(page: Page, xml: string, selector: string): Promise<string[]> {
  return page.evaluate(
    ([text, css]) =>
      [...new DOMParser().parseFromString(text, 'application/xml').querySelectorAll(css)].map(
        (node) => node.getAttribute('href') ?? node.textContent ?? '',
      ),
    [xml, selector] as const,
  )
}

/**
 * Parses BibTeX with @retorquere/bibtex-parser. Loaded with import(): its CommonJS build does not
 * load under Node (the package declares itself ESM), and Playwright would otherwise require it.
 */
export async function parseBib(text: string) {
  const { parse } = await import('@retorquere/bibtex-parser')
  return parse(text, { sentenceCase: false })
}
