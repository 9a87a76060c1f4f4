import { describe, expect, it } from 'vitest'
import { ORIGIN_PLACEHOLDER, originOfRequest, originRewriter } from './origin.mjs'

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
