import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  contentSecurityPolicy,
  findScripts,
  hashSource,
  inlineScriptHashes,
  isAllowedInlineScript,
  isGovernedInlineScript,
} from './csp.mjs'
import { THEME_SCRIPT } from './theme-script.mjs'

const sha = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`
const flight = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n\\u003cb\\u003e"])'
const flightInit = '(self.__next_f=self.__next_f||[]).push([0])'
const turbopack =
  '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[1]});'
const texts = (html: string) => findScripts(html).map((script) => script.text)

describe('findScripts', () => {
  it('finds every script in order, with its attributes', () => {
    const html = `<!DOCTYPE html><html><head><script>${THEME_SCRIPT}</script><script src="/a.js" async=""></script></head><body><p>x</p><script id="_R_">${turbopack}</script><script>${flight}</script></body></html>`
    const scripts = findScripts(html)
    expect(scripts.map((script) => script.text)).toEqual([THEME_SCRIPT, '', turbopack, flight])
    expect(scripts[1]?.attributes.get('src')).toBe('/a.js')
    expect(scripts[2]?.attributes.get('id')).toBe('_R_')
  })

  it('reads tags and attributes in any case', () => {
    const scripts = findScripts('<SCRIPT TYPE="Application/LD+JSON">{"a":1}</SCRIPT><ScRiPt>one()</sCrIpT >')
    expect(scripts.map((script) => script.text)).toEqual(['{"a":1}', 'one()'])
    expect(scripts[0]?.attributes.get('type')).toBe('Application/LD+JSON')
  })

  it('reads quoted, unquoted and valueless attributes, with > inside quotes', () => {
    const [script] = findScripts(`<script data-x='a > b' type=module defer data-y="</script>">go()</script>`)
    expect(script?.text).toBe('go()')
    expect(Object.fromEntries(script?.attributes ?? [])).toEqual({
      'data-x': 'a > b',
      type: 'module',
      defer: '',
      'data-y': '</script>',
    })
  })

  it('ends a script at the first </script followed by space, / or >, not at a longer name', () => {
    expect(texts('<script>a("</scripts>")</script >')).toEqual(['a("</scripts>")'])
    expect(texts('<script>a()</script\n>')).toEqual(['a()'])
    expect(texts('<script>a()</script/>')).toEqual(['a()'])
    // Inside a JavaScript string the parser still ends the element: the rest is text.
    expect(texts('<script>var s="</script><p>after</p>')).toEqual(['var s="'])
  })

  it('reads a `<script` inside an escape (`<!--`) as the browser does: its `</script` does not end the element', () => {
    expect(texts('<script><!--<script>a()</script>b()</script>after()</script>')).toEqual([
      '<!--<script>a()</script>b()',
    ])
    expect(texts('<script><!-- <script>a()</script> --></script>')).toEqual(['<!-- <script>a()</script> -->'])
    // Outside an escape, or once it is closed (`-->`, `<!-->`), the first `</script` ends it.
    expect(texts('<script><script>a()</script>b()</script>')).toEqual(['<script>a()'])
    expect(texts('<script><!-- --><script>a()</script>b()</script>')).toEqual(['<!-- --><script>a()'])
    expect(texts('<script><!--><script>a()</script>b()</script>')).toEqual(['<!--><script>a()'])
    expect(texts('<script><!--a()</script>')).toEqual(['<!--a()'])
  })

  it('skips scripts in comments, other raw-text elements and attribute values', () => {
    const html = [
      '<!-- <script>commented()</script> -->',
      '<textarea><script>typed()</script></textarea>',
      '<style>/* <script>styled()</script> */</style>',
      '<title><script>titled()</script></title>',
      '<noscript><script>hidden()</script></noscript>',
      '<div title="<script>quoted()</script>"></div>',
      '<!--><script>afterEmptyComment()</script>',
      '<script>real()</script>',
    ].join('')
    expect(texts(html)).toEqual(['afterEmptyComment()', 'real()'])
  })

  it('leaves out a script the document never closes', () => {
    expect(texts('<script>ok()</script><script>never()')).toEqual(['ok()'])
    expect(texts('<script>ok()</script><script>cut()</script')).toEqual(['ok()'])
    expect(texts('<script>ok()</script><script>cut()</script x=">')).toEqual(['ok()'])
  })

  it('reads an end tag with attributes to its real end, and nothing after <plaintext> as markup', () => {
    expect(texts('<script>a()</script x=">"><script>b()</script>')).toEqual(['a()', 'b()'])
    expect(texts('<script>a()</script><plaintext><script>b()</script>')).toEqual(['a()'])
  })

  it('treats a lone < in text as text', () => {
    expect(texts('<p>1 < 2 and a<b</p><script>x()</script>')).toEqual(['x()'])
  })
})

describe('isGovernedInlineScript', () => {
  const attributes = (entries: Record<string, string>) => new Map(Object.entries(entries))
  it('governs classic and module scripts, import maps and speculation rules', () => {
    for (const type of [
      undefined,
      '',
      'text/javascript',
      ' TEXT/JavaScript ',
      'application/javascript',
      'module',
      'importmap',
      'speculationrules',
    ]) {
      expect(isGovernedInlineScript(attributes(type === undefined ? {} : { type }))).toBe(true)
    }
    expect(isGovernedInlineScript(attributes({ language: 'javascript' }))).toBe(true)
  })
  it('skips data blocks and scripts with a src', () => {
    for (const type of ['application/ld+json', 'application/json', 'text/plain', 'text/x-template']) {
      expect(isGovernedInlineScript(attributes({ type }))).toBe(false)
    }
    expect(isGovernedInlineScript(attributes({ src: '/a.js' }))).toBe(false)
  })
})

describe('isAllowedInlineScript', () => {
  it("allows Next.js's flight data, Turbopack's bootstrap and the theme script", () => {
    for (const text of [
      flightInit,
      flight,
      `${flightInit};self.__next_f.push([2,{"a":[1,"x"]}])`,
      'self.__next_f.push([3,"AAEC"])',
      turbopack,
      THEME_SCRIPT,
    ]) {
      expect(isAllowedInlineScript(text)).toBe(true)
    }
  })
  it('refuses anything else, even close imitations', () => {
    for (const text of [
      'alert(1)',
      '',
      `${THEME_SCRIPT};alert(1)`,
      'self.__next_f.push([1,"x"]);alert(1)',
      'self.__next_f.push([1,"x"]),alert(1)',
      'self.__next_f.push(alert(1))',
      'self.__next_f.push([1,"x"]+alert(1))',
      `${flightInit};alert(1)`,
      `${flightInit}alert(1)`,
      'self.__next_f.push({"a":1})',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(alert(1));',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push([1]);',
      '$RC("B:0","S:0")',
    ]) {
      expect(isAllowedInlineScript(text), text).toBe(false)
    }
  })
})

describe('hashSource', () => {
  it('is the base64 SHA-256 of the UTF-8 text, as CSP writes it', () => {
    expect(hashSource('alert(1)')).toBe(sha('alert(1)'))
    expect(hashSource('é€')).toBe(sha('é€'))
  })
  it('hashes what the browser hashes: CRLF and CR as LF, NUL as U+FFFD', () => {
    expect(hashSource('a()\r\nb()\rc()')).toBe(sha('a()\nb()\nc()'))
    expect(hashSource('a\0')).toBe(sha('a\uFFFD'))
  })
})

describe('inlineScriptHashes', () => {
  it('hashes each allowed inline script once, skips data and external scripts, reports the rest', () => {
    const html = [
      `<script>${THEME_SCRIPT}</script>`,
      '<script src="/_next/static/chunks/a.js"></script>',
      '<script type="application/ld+json">{"@type":"ScholarlyArticle"}</script>',
      `<script id="_R_">${turbopack}</script>`,
      `<script>${flightInit}</script>`,
      `<script>${flight}</script>`,
      `<script>${flight}</script>`,
      '<script>alert(document.cookie)</script>',
    ].join('')
    const { hashes, refused } = inlineScriptHashes(html)
    expect(hashes).toEqual([sha(THEME_SCRIPT), sha(turbopack), sha(flightInit), sha(flight)])
    expect(refused).toEqual(['alert(document.cookie)'])
  })

  it('hashes an uppercase script tag like a lowercase one', () => {
    expect(inlineScriptHashes(`<SCRIPT>${flight}</SCRIPT>`).hashes).toEqual([sha(flight)])
  })

  it('finds nothing in a page without scripts', () => {
    expect(inlineScriptHashes('<!DOCTYPE html><p>Hello</p>')).toEqual({ hashes: [], refused: [] })
  })
})

describe('contentSecurityPolicy', () => {
  it('restricts scripts to the site and the hashes, never allowing eval or inline scripts', () => {
    const policy = contentSecurityPolicy([sha('a()'), sha('b()')])
    const directives = new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive]))
    expect(directives.get('script-src')).toBe(`script-src 'self' ${sha('a()')} ${sha('b()')}`)
    expect(policy).not.toContain('unsafe-eval')
    expect(directives.get('script-src')).not.toContain('unsafe-inline')
    expect(directives.get('style-src')).toBe("style-src 'self' 'unsafe-inline'")
    for (const directive of [
      "default-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ]) {
      expect(policy).toContain(directive)
    }
  })
})
