import { describe, expect, it } from 'vitest'
import {
  flightHeadFixes,
  flightRewriter,
  ORIGIN_PLACEHOLDER,
  originOfRequest,
  originRewriter,
  rewritePage,
} from './origin.mjs'

const headers = (values: Record<string, string>) => (name: string) => values[name]

describe('the origin a request was sent to', () => {
  it('is its host with the scheme the server settled, a proxy’s forwarded host first', () => {
    expect(originOfRequest(headers({ host: 'localhost:3111', 'x-forwarded-proto': 'http' }))).toBe(
      'http://localhost:3111',
    )
    expect(
      originOfRequest(
        headers({ host: '127.0.0.1:3000', 'x-forwarded-host': 'scholar.example.org', 'x-forwarded-proto': 'https' }),
      ),
    ).toBe('https://scholar.example.org')
    expect(originOfRequest(headers({ host: '[::1]:8080' }))).toBe('http://[::1]:8080')
    // The default port is not part of an origin.
    expect(originOfRequest(headers({ host: 'example.org:443', 'x-forwarded-proto': 'https' }))).toBe(
      'https://example.org',
    )
  })

  it('is nothing when the host is missing or is more than a host and port, so no markup can come in with it', () => {
    for (const host of ['', 'a"b.org', "a'b", 'a<b>', 'evil.org/path', 'user@host', 'a b', 'host:port', 'a&b'])
      expect(originOfRequest(headers({ host })), host).toBeUndefined()
  })
})

describe('the placeholder rewritten in a streamed body', () => {
  const origin = 'https://scholar.example.org'
  const body = `<a href="${ORIGIN_PLACEHOLDER}/p">ε_t</a> h ht ${ORIGIN_PLACEHOLDER}${ORIGIN_PLACEHOLDER} http://site-or`
  const expected = body.replaceAll(ORIGIN_PLACEHOLDER, origin)

  it('is replaced wherever the body is cut into parts, UTF-8 characters included', () => {
    const bytes = Buffer.from(body)
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      for (const second of [cut, Math.min(bytes.length, cut + 7)]) {
        const rewriter = originRewriter(origin)
        const out = Buffer.concat([
          rewriter.next(bytes.subarray(0, cut)),
          rewriter.next(bytes.subarray(cut, second)),
          rewriter.next(bytes.subarray(second)),
          rewriter.end(),
        ])
        expect(out.toString('utf8'), `cut at ${cut} and ${second}`).toBe(expected)
      }
    }
  })

  it('holds back only what may begin the placeholder', () => {
    const rewriter = originRewriter(origin)
    expect(rewriter.next(Buffer.from('data: 1\n\n')).toString()).toBe('data: 1\n\n')
    expect(rewriter.next(Buffer.from('see http://si')).toString()).toBe('see ')
    expect(rewriter.next(Buffer.from('mple.org')).toString()).toBe('http://simple.org')
    expect(rewriter.end().length).toBe(0)
  })
})

describe('the placeholder in React’s flight data', () => {
  // A string of 1,024 characters or more is a row of its own, headed by its length in bytes.
  const long = `{"url":"${ORIGIN_PLACEHOLDER}/p","abstract":"${'ε'.repeat(600)}"}`
  const row = (text: string) => `5:T${Buffer.byteLength(text).toString(16)},${text}`
  // As Next.js writes it: a hint without an id among the rows.
  const flight = `0:["$","div",null,{"href":"${ORIGIN_PLACEHOLDER}/p"}]\n:HL["/a.css","style"]\n${row(long)}1:"$5"\n`
  const origin = 'https://scholar.example.org'
  const expected = `0:["$","div",null,{"href":"${origin}/p"}]\n:HL["/a.css","style"]\n${row(long.replaceAll(ORIGIN_PLACEHOLDER, origin))}1:"$5"\n`

  it('keeps the length heads of text rows right, in a flight response', () => {
    expect(flightHeadFixes(flight, origin)).toHaveLength(1)
    const rewriter = flightRewriter(origin)
    const sent = Buffer.concat([
      rewriter.next(Buffer.from(flight.slice(0, 40))),
      rewriter.next(Buffer.from(flight.slice(40))),
      rewriter.end(),
    ])
    expect(sent.toString()).toBe(expected)
  })

  it('and in the flight data inline in a page, cut into pushes anywhere', () => {
    const push = (part: string) =>
      `<script>self.__next_f.push([1,${JSON.stringify(part).replaceAll('<', '\\u003c')}])</script>`
    const page = `<html><head><link rel="canonical" href="${ORIGIN_PLACEHOLDER}/p"></head><body>${push(flight.slice(0, 70))}${push(flight.slice(70))}</body></html>`
    const html = rewritePage(page, origin)
    const pushes = [...html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)]
    expect(pushes.map((match) => JSON.parse(match[1] ?? '""') as string).join('')).toBe(expected)
    expect(html).toContain(`href="${origin}/p"`)
    expect(html).not.toContain(ORIGIN_PLACEHOLDER)
  })
})
