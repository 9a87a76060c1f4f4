import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isWindowsReserved, MAX_SLUG_LENGTH, slugProblem } from '../lib/domain/schema'
import { SIGN_IN_BODY_LIMIT } from '../lib/auth/sign-in-limit.mjs'
import { BODY_LIMIT, compileTrust, refusal, settleForwarding, settlePaperAddress } from './request-guard.mjs'

type FakeRequest = {
  url: string
  headers: Record<string, string | string[] | undefined>
  socket: { remoteAddress: string; encrypted?: boolean }
}

function request(remoteAddress: string, headers: Record<string, string> = {}, url = '/'): FakeRequest {
  return { url, headers: { ...headers }, socket: { remoteAddress } }
}

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.'))

describe('the client address', () => {
  it('is the socket’s whatever X-Forwarded-For claims, when no proxy is trusted', () => {
    const trust = compileTrust('')
    fc.assert(
      fc.property(ipv4, fc.array(ipv4, { minLength: 1, maxLength: 5 }), (socket, forged) => {
        const req = request(socket, {
          'x-forwarded-for': forged.join(', '),
          'x-real-ip': forged[0] ?? '',
          'x-forwarded-host': 'evil.example',
          'x-forwarded-proto': 'https',
        })
        settleForwarding(req, trust)
        expect(req.headers['x-forwarded-for']).toBe(socket)
        expect(req.headers['x-real-ip']).toBeUndefined()
        expect(req.headers['x-forwarded-host'], 'the host the client claims is dropped').toBeUndefined()
        expect(req.headers['x-forwarded-proto']).toBe('http')
      }),
    )
  })

  it('through a trusted proxy is the right-most hop it did not add', () => {
    const trust = compileTrust('10.0.0.0/8, 127.0.0.1')
    const req = request('127.0.0.1', {
      'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.1.2.3',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'scholar.example.org',
    })
    settleForwarding(req, trust)
    // 6.6.6.6 is what the client wrote; 203.0.113.7 is where our proxies received it from.
    expect(req.headers['x-forwarded-for']).toBe('203.0.113.7')
    expect(req.headers['x-forwarded-proto']).toBe('https')
    expect(req.headers['x-forwarded-host']).toBe('scholar.example.org')
  })

  it('from an untrusted address is the socket’s even when a trusted range is configured', () => {
    const trust = compileTrust('10.0.0.0/8')
    const req = request('198.51.100.9', { 'x-forwarded-for': '10.0.0.1' })
    settleForwarding(req, trust)
    expect(req.headers['x-forwarded-for']).toBe('198.51.100.9')
  })

  it('understands IPv6 and IPv4-mapped sockets, and the name loopback', () => {
    const trust = compileTrust('loopback')
    const mapped = request('::ffff:127.0.0.1', { 'x-forwarded-for': '2001:db8::1' })
    settleForwarding(mapped, trust)
    expect(mapped.headers['x-forwarded-for']).toBe('2001:db8::1')
    const v6 = request('::1', { 'x-forwarded-for': '192.0.2.4' })
    settleForwarding(v6, trust)
    expect(v6.headers['x-forwarded-for']).toBe('192.0.2.4')
  })

  it('refuses a TRUST_PROXY that is not addresses, naming the setting', () => {
    expect(() => compileTrust('10.0.0.0/99')).toThrow(/TRUST_PROXY/)
    expect(() => compileTrust('proxy.example.org')).toThrow(/TRUST_PROXY/)
  })
})

describe('requests refused before Next.js reads them', () => {
  it('a malformed percent-encoding in the path is a 400', () => {
    for (const url of [
      '/publications/%ff',
      '/publications/%ff/cite/bibtex',
      '/publications/x/cite/%',
      '/api/admin/publications/%E0%A4%A',
      '/%c0%af',
    ]) {
      expect(refusal(request('127.0.0.1', {}, url))?.status, url).toBe(400)
    }
    expect(refusal(request('127.0.0.1', {}, '/publications/caf%C3%A9?q=%ff'))).toBeUndefined()
  })

  it('a sign-in body over a few kB, and any body over the general limit, is a 413 from its Content-Length', () => {
    expect(
      refusal(
        request('127.0.0.1', { 'content-length': String(SIGN_IN_BODY_LIMIT + 1) }, '/api/auth/callback/credentials'),
      )?.status,
    ).toBe(413)
    expect(
      refusal(request('127.0.0.1', { 'content-length': String(SIGN_IN_BODY_LIMIT) }, '/api/auth/callback/credentials')),
    ).toBeUndefined()
    expect(
      refusal(request('127.0.0.1', { 'content-length': String(100 * 1024 * 1024) }, '/api/admin/publications'))?.status,
    ).toBe(413)
    expect(refusal(request('127.0.0.1', { 'content-length': String(BODY_LIMIT) }, '/admin'))).toBeUndefined()
    expect(refusal(request('127.0.0.1', { 'content-length': '12, 12' }, '/admin'))?.status).toBe(400)
  })

  it('a body without a length is a 411', () => {
    expect(
      refusal(request('127.0.0.1', { 'transfer-encoding': 'chunked' }, '/api/auth/callback/credentials'))?.status,
    ).toBe(411)
  })
})

describe('addresses of papers that cannot exist', () => {
  const settled = (url: string) => {
    const req = request('127.0.0.1', {}, url)
    settlePaperAddress(req)
    return req.url
  }

  it('share one address, so their 404 page is rendered once', () => {
    expect(settled(`/publications/${'ab'.repeat(4_000)}`)).toBe('/publications/_')
    expect(settled('/publications/Not-A-Slug?_rsc=1')).toBe('/publications/_?_rsc=1')
    expect(settled('/publications/caf%C3%A9/')).toBe('/publications/_')
  })

  it('agree with the slug rule on every input', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,110}$/), fc.string({ minLength: 1, maxLength: 120 })),
        (slug) => {
          const url = `/publications/${encodeURIComponent(slug)}`
          // Reserved names pass the slug rule itself: they are refused on save, and simply 404.
          const couldExist = slugProblem(slug) === undefined || isWindowsReserved(slug)
          expect(settled(url), slug).toBe(couldExist ? url : '/publications/_')
        },
      ),
    )
    expect(settled(`/publications/${'a'.repeat(MAX_SLUG_LENGTH)}`)).toBe(`/publications/${'a'.repeat(MAX_SLUG_LENGTH)}`)
  })

  it('leave every other address alone', () => {
    for (const url of [
      '/publications',
      '/publications/x/cite/ris',
      '/publications/BAD/abstract',
      '/admin/publications/BAD/edit',
      '/',
    ])
      expect(settled(url)).toBe(url)
  })
})
