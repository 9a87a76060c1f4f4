import { createHash } from 'node:crypto'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ORIGIN_PLACEHOLDER, originOfRequest } from '../lib/server/origin.mjs'
import { THEME_SCRIPT } from '../lib/server/theme-script.mjs'
import { withResponsePolicy } from './response-policy.mjs'

const STATIC_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'"
const page = (extra = '') =>
  `<!DOCTYPE html><html><head><script>${THEME_SCRIPT}</script></head><body>${'<p>text</p>'.repeat(200)}${extra}</body></html>`
const logged: string[] = []
let notFoundRenders = 0

// Stand-ins for what Next.js writes: each route writes its response a different way.
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/static': (_req, res) => {
    res.setHeader('Content-Security-Policy', STATIC_POLICY)
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.setHeader('ETag', '"abc"')
    res.end(page())
  },
  '/streamed': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': STATIC_POLICY })
    res.flushHeaders()
    const html = page('<script>alert(1)</script>')
    res.write(html.slice(0, 100))
    setTimeout(() => {
      res.write(Buffer.from(html.slice(100)))
      res.end()
    }, 20)
  },
  '/rsc': (_req, res) => {
    res.setHeader('Content-Type', 'text/x-component')
    res.flushHeaders()
    res.write('0:' + 'x'.repeat(2000) + '\n')
    ;(res as ServerResponse & { flush?: () => void }).flush?.()
    setTimeout(() => res.end('1:done\n'), 20)
  },
  '/png': (_req, res) => {
    res.setHeader('Content-Type', 'image/png')
    res.end(Buffer.alloc(4000, 7))
  },
  // What Next.js 16 sends for notFound() in a page with dynamicParams: the status, no body.
  '/blank-404': (_req, res) => {
    res.statusCode = 404
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.setHeader('Cache-Control', 's-maxage=31536000')
    res.setHeader('ETag', '"blank"')
    res.end(page())
  },
  '/missing': (_req, res) => {
    res.statusCode = 404
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.end(page('<main><h1>Nothing here</h1></main>'))
  },
  // Rendered with the placeholder origin (lib/server/origin.mjs), in a script too.
  '/named': (_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.setHeader('ETag', '"named"')
    res.end(
      page(
        `<link rel="canonical" href="${ORIGIN_PLACEHOLDER}/p"><script>self.__next_f.push([1,"${ORIGIN_PLACEHOLDER}/p"])</script>`,
      ),
    )
  },
  // A feed written in parts that cut the placeholder.
  '/feed': (_req, res) => {
    res.setHeader('Content-Type', 'application/atom+xml; charset=utf-8')
    const feed = `<feed>${`<link href="${ORIGIN_PLACEHOLDER}/p"/>`.repeat(100)}</feed>`
    res.setHeader('Content-Length', Buffer.byteLength(feed))
    res.write(feed.slice(0, 20))
    res.write(feed.slice(20, 37))
    res.end(feed.slice(37))
  },
  '/moved': (_req, res) => {
    res.writeHead(308, { Location: `${ORIGIN_PLACEHOLDER}/publications` })
    res.end()
  },
  '/not-modified': (_req, res) => {
    res.setHeader('Content-Security-Policy', STATIC_POLICY)
    res.statusCode = 304
    res.end()
  },
}

let server: http.Server
let origin: string
beforeAll(async () => {
  const handle = withResponsePolicy((req, res) => routes[req.url ?? '']?.(req, res), {
    log: (line) => logged.push(line),
    originOf: (req) => originOfRequest((name) => [req.headers[name]].flat()[0]) ?? 'http://fallback.test',
    notFoundPage: async (_req, res) => {
      notFoundRenders++
      res.statusCode = 404
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate')
      res.end(page('<main><h1>Page not found</h1></main>'))
    },
  })
  server = http.createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** A raw request (fetch would decompress on its own). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .request(`${origin}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
      .end()
  })
}

describe('withResponsePolicy', () => {
  it('replaces the static policy on an HTML page with one holding its script hashes', async () => {
    const response = await get('/static')
    expect(response.headers['content-security-policy']).toMatch(
      /^default-src 'self'; script-src 'self' 'sha256-[\w+/=]+'; /,
    )
    expect(response.body.toString()).toBe(page())
    expect(response.headers['content-length']).toBe(String(response.body.length))
  })

  it('compresses an HTML page as accepted, weakening its ETag, and serves it again from the cache', async () => {
    for (const [accept, decode] of [
      ['br', zlib.brotliDecompressSync],
      ['gzip', zlib.gunzipSync],
      ['br', zlib.brotliDecompressSync],
    ] as const) {
      const response = await get('/static', { 'accept-encoding': accept })
      expect(response.headers['content-encoding']).toBe(accept)
      expect(response.headers.vary).toContain('Accept-Encoding')
      expect(response.headers.etag).toBe('W/"abc"')
      expect(decode(response.body).toString()).toBe(page())
    }
  })

  it('holds a streamed page until it ends, and leaves a foreign inline script unhashed', async () => {
    const response = await get('/streamed', { 'accept-encoding': 'gzip' })
    const policy = String(response.headers['content-security-policy'])
    expect(policy.match(/'sha256-/g)).toHaveLength(1)
    expect(zlib.gunzipSync(response.body).toString()).toBe(page('<script>alert(1)</script>'))
    expect(logged.some((line) => line.includes('/streamed') && line.includes('alert(1)'))).toBe(true)
  })

  it('streams and compresses other text, untouched otherwise', async () => {
    const response = await get('/rsc', { 'accept-encoding': 'gzip' })
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(response.headers['content-security-policy']).toBeUndefined()
    expect(zlib.gunzipSync(response.body).toString()).toBe(`0:${'x'.repeat(2000)}\n1:done\n`)
  })

  it('leaves images alone', async () => {
    const response = await get('/png', { 'accept-encoding': 'gzip, br' })
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.body.equals(Buffer.alloc(4000, 7))).toBe(true)
  })

  it('sends no policy with a 304, so the browser keeps the one stored with the page', async () => {
    const response = await get('/not-modified')
    expect(response.status).toBe(304)
    expect(response.headers['content-security-policy']).toBeUndefined()
  })

  it('answers HEAD for a page seen before with its policy and no body', async () => {
    const full = await get('/static')
    const head = await get('/static', {}, 'HEAD')
    expect(head.headers['content-security-policy']).toBe(full.headers['content-security-policy'])
    expect(head.body.length).toBe(0)
  })

  it('sends the not-found page, status 404, in place of a blank 404 page', async () => {
    const response = await get('/blank-404', { 'accept-encoding': 'gzip' })
    expect(response.status).toBe(404)
    expect(zlib.gunzipSync(response.body).toString()).toBe(page('<main><h1>Page not found</h1></main>'))
    // The blank page's year-long shared caching does not come with it.
    expect(response.headers['cache-control']).toBe('private, no-cache, no-store, max-age=0, must-revalidate')
    expect(response.headers.etag).toBeUndefined()
    expect(response.headers['content-security-policy']).toMatch(/'sha256-/)
  })

  it('answers HEAD for a blank 404 page with the not-found page’s caching, not the blank page’s', async () => {
    const before = notFoundRenders
    const response = await get('/blank-404', {}, 'HEAD')
    expect(response.status).toBe(404)
    expect(response.headers['cache-control']).toBe('private, no-cache, no-store, max-age=0, must-revalidate')
    expect(response.headers.etag).toBeUndefined()
    expect(notFoundRenders).toBe(before)
  })

  it('names the origin each request was sent to in a page, and hashes the scripts as sent', async () => {
    for (const host of ['localhost:3111', 'scholar.example.org', 'localhost:3111']) {
      const response = await get('/named', { host, 'accept-encoding': 'br' })
      const html = zlib.brotliDecompressSync(response.body).toString()
      expect(html).toContain(`<link rel="canonical" href="http://${host}/p">`)
      expect(html).not.toContain(ORIGIN_PLACEHOLDER)
      const script = `self.__next_f.push([1,"http://${host}/p"])`
      const hash = createHash('sha256').update(script).digest('base64')
      expect(response.headers['content-security-policy']).toContain(`'sha256-${hash}'`)
    }
    const proxied = await get('/named', { host: 'localhost:3111', 'x-forwarded-proto': 'https' })
    expect(proxied.body.toString()).toContain('href="https://localhost:3111/p"')
  })

  it('names the origin in text written in parts, compressed or not, with its new length', async () => {
    const expected = `<feed>${'<link href="http://localhost:3111/p"/>'.repeat(100)}</feed>`
    const plain = await get('/feed', { host: 'localhost:3111' })
    expect(plain.body.toString()).toBe(expected)
    expect(plain.headers['content-length']).toBeUndefined()
    const zipped = await get('/feed', { host: 'localhost:3111', 'accept-encoding': 'gzip' })
    expect(zlib.gunzipSync(zipped.body).toString()).toBe(expected)
  })

  it('names the origin in a redirect', async () => {
    const response = await get('/moved', { host: 'localhost:3111' })
    expect(response.status).toBe(308)
    expect(response.headers.location).toBe('http://localhost:3111/publications')
  })

  it('sends a 404 page that has its content as it is', async () => {
    const before = notFoundRenders
    const response = await get('/missing')
    expect(response.status).toBe(404)
    expect(response.body.toString()).toContain('<h1>Nothing here</h1>')
    expect(notFoundRenders).toBe(before)
  })
})

describe('withResponsePolicy with an https SITE_URL', () => {
  it('sends Strict-Transport-Security with every response', async () => {
    const handle = withResponsePolicy(
      (_req, res) => {
        res.setHeader('Content-Type', 'image/png')
        res.end(Buffer.alloc(10))
      },
      { strictTransport: true },
    )
    const secure = http.createServer((req, res) => void handle(req, res))
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve))
    try {
      const response = await fetch(`http://127.0.0.1:${(secure.address() as AddressInfo).port}/card.png`)
      expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains')
    } finally {
      await new Promise<void>((resolve) => secure.close(() => resolve()))
    }
  })
})
