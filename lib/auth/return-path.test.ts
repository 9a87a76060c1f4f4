import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeReturnPath } from './return-path'

describe('where sign-in returns to', () => {
  it('keeps paths inside the dashboard', () => {
    expect(safeReturnPath('/admin')).toBe('/admin')
    expect(safeReturnPath('/admin/publications/x/edit?tab=1#authors')).toBe('/admin/publications/x/edit?tab=1#authors')
  })

  it('sends anything else to the dashboard', () => {
    for (const value of [
      undefined,
      '',
      'https://evil.example/admin',
      '//evil.example/admin',
      '/\\evil.example/admin',
      '\\\\evil.example',
      '/administrator',
      '/publications',
      'javascript:alert(1)',
      '/\t/evil.example',
    ]) {
      expect(safeReturnPath(value), String(value)).toBe('/admin')
    }
  })

  it('never hands a header a character it cannot carry', () => {
    const nasty = fc.constantFrom('\r', '\n', '\u2028', '\u2029', '\u0000', '\u0085', 'é', ' ', '"', '<')
    fc.assert(
      fc.property(fc.array(fc.oneof(nasty, fc.string({ maxLength: 4 })), { maxLength: 8 }), (parts) => {
        const path = safeReturnPath(`/admin/${parts.join('')}`)
        expect(path).toMatch(/^\/admin/)
        expect(path).toMatch(/^[\x21-\x7e]*$/)
      }),
    )
  })
})
