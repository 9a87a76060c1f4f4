import { describe, expect, it } from 'vitest'
import { isLinkTarget, isSafeUrl, isSitePath, isWebUrl, readsAsAnotherHost } from './urls.mjs'

describe('link checks', () => {
  it.each(['//evil.example', '\\\\evil.example', '/\\evil.example', ' //evil.example', '/\t/evil.example'])(
    '%j reads as another host',
    (url) => expect(readsAsAnotherHost(url)).toBe(true),
  )

  it('a frontmatter link is an http(s) URL or a path on this site', () => {
    expect(isWebUrl('https://example.org/x.pdf')).toBe(true)
    expect(isWebUrl('ftp://example.org/x.pdf')).toBe(false)
    expect(isWebUrl('/x.pdf')).toBe(false)
    expect(isSitePath('/papers/x.pdf')).toBe(true)
    expect(isSitePath('/papers/a b.pdf')).toBe(false)
    for (const good of ['https://example.org', 'http://example.org/a', '/papers/x.pdf'])
      expect(isLinkTarget(good)).toBe(true)
    for (const bad of ['javascript:alert(1)', 'mailto:a@example.org', 'x.pdf', '//evil.example', '/a\\b'])
      expect(isLinkTarget(bad), bad).toBe(false)
  })

  it('a link in a body may be http(s), mailto or relative, never a script', () => {
    for (const good of ['https://example.org', 'mailto:a@example.org', 'x.pdf', '#section', '/papers/x.pdf'])
      expect(isSafeUrl(good), good).toBe(true)
    for (const bad of [
      'javascript:alert(1)',
      'java\tscript:alert(1)',
      ' JavaScript:x',
      'data:text/html,x',
      '//evil.example',
    ])
      expect(isSafeUrl(bad), bad).toBe(false)
  })
})
