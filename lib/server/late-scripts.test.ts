import { describe, expect, it } from 'vitest'
import { inlineScriptHashes } from './csp.mjs'
import { LATE_SCRIPTS_LOADER } from './late-scripts-loader.mjs'
import { loadScriptsLate } from './late-scripts.mjs'

// The shape of a Next.js 16 page's head and body (scripts, preloads, a polyfill, inline data).
const page = (body = '<main><h1>publications</h1></main>') =>
  '<!DOCTYPE html><html><head><meta charSet="utf-8"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/w.js"/>' +
  '<script src="/_next/static/chunks/w.js" async=""></script>' +
  '<script src="/_next/static/chunks/m.js?v=1&amp;x=2" async=""></script>' +
  '<script src="/_next/static/chunks/p.js" noModule=""></script>' +
  '<title>publications</title></head><body>' +
  body +
  '<script>self.__next_f.push([1,"x"])</script></body></html>'

describe('loadScriptsLate', () => {
  it('turns the head’s async scripts inert and loads them after the first paint, with one allowed inline script', () => {
    const html = loadScriptsLate(page())
    expect(html).not.toMatch(/<script src="[^"]+" async=""/)
    expect(html).not.toContain('rel="preload" as="script"')
    expect(html).toContain('<script type="text/x-late" data-src="/_next/static/chunks/w.js"></script>')
    // The attribute as it was in the page: the browser decodes it to the same address.
    expect(html).toContain('data-src="/_next/static/chunks/m.js?v=1&amp;x=2"')
    // What modern browsers ignore anyway stays; so does the stylesheet, and the page's own scripts.
    expect(html).toContain('<script src="/_next/static/chunks/p.js" noModule=""></script>')
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"')
    expect(html).toContain('<main><h1>publications</h1></main><script>self.__next_f.push([1,"x"])</script>')
    expect(html.endsWith(`<script>${LATE_SCRIPTS_LOADER}</script></body></html>`)).toBe(true)
    expect(inlineScriptHashes(html).refused).toEqual([])
  })

  it('leaves a page without async scripts in its head as it was, whatever its body holds', () => {
    const quoted = '<pre>&lt;script src="/evil.js" async=""&gt;&lt;/script&gt;</pre>'
    const plain = page(quoted)
      .replace(/<script src="[^"]+" async=""><\/script>/g, '')
      .replace(/<link rel="preload"[^>]*>/, '')
    expect(loadScriptsLate(plain)).toBe(plain)
    expect(loadScriptsLate('<p>no document</p>')).toBe('<p>no document</p>')
  })

  it('moves only the head’s scripts, never one in the body', () => {
    const html = loadScriptsLate(page('<main></main><script src="/_next/static/chunks/b.js" async=""></script>'))
    expect(html).toContain('<script src="/_next/static/chunks/b.js" async=""></script>')
    expect(html).toContain('data-src="/_next/static/chunks/w.js"')
  })
})
