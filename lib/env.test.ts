import { afterEach, describe, expect, it, vi } from 'vitest'
import { authEnv, childEnv, pageCacheMegabytes, serverChildEnv, siteEnv } from './env.mjs'
import { ORIGIN_PLACEHOLDER } from './server/origin.mjs'

describe('the env module', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('reads the site settings, with their defaults', () => {
    const site = siteEnv({ SITE_URL: ' https://scholar.example.org ', PUBLICATIONS_PER_PAGE: '50' })
    // Pages are rendered with a placeholder the production server replaces (lib/server/origin.mjs).
    expect(site.siteUrl.origin).toBe(ORIGIN_PLACEHOLDER)
    expect(site.configuredSiteUrl?.origin).toBe('https://scholar.example.org')
    expect(site.publicationsPerPage).toBe(50)
    const defaults = siteEnv({ SITE_URL: '  ' })
    expect(defaults.configuredSiteUrl).toBeUndefined()
    expect(defaults.publicationsPerPage).toBe(200)
  })

  it('renders with SITE_URL under next dev, which does not replace the placeholder, else with localhost on its port', () => {
    expect(siteEnv({ NODE_ENV: 'development', SITE_URL: 'https://scholar.example.org' }).siteUrl.origin).toBe(
      'https://scholar.example.org',
    )
    expect(siteEnv({ NODE_ENV: 'development', PORT: '3111' }).siteUrl.origin).toBe('http://localhost:3111')
    expect(siteEnv({ NODE_ENV: 'development' }).siteUrl.origin).toBe('http://localhost:3000')
  })

  it('refuses a bad site setting, naming the variable', () => {
    expect(() => siteEnv({ SITE_URL: 'not a url' })).toThrow(/SITE_URL is not a valid URL/)
    expect(() => siteEnv({ PUBLICATIONS_PER_PAGE: '0' })).toThrow(/PUBLICATIONS_PER_PAGE must be a whole number/)
  })

  it('never lets the page cache keep the site from starting: a bad size is reported and 512 MB used', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(pageCacheMegabytes({})).toBe(512)
    expect(pageCacheMegabytes({ PAGE_CACHE_MB: '64.5' })).toBe(64.5)
    expect(error).not.toHaveBeenCalled()
    expect(pageCacheMegabytes({ PAGE_CACHE_MB: '512MB' })).toBe(512)
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/PAGE_CACHE_MB must be a number.*"512MB".*using 512/))
  })

  it('refuses half an admin configuration and a hash that is not bcrypt', () => {
    expect(() => authEnv({ ADMIN_EMAIL: 'me@example.org' })).toThrow(/both ADMIN_EMAIL and ADMIN_PASSWORD_HASH/)
    expect(() => authEnv({ ADMIN_EMAIL: 'me@example.org', ADMIN_PASSWORD_HASH: 'plain' })).toThrow(/bcrypt/)
    expect(authEnv({ ADMIN_GITHUB_LOGINS: 'Ada, grace  Hopper' }).githubLogins).toEqual(['ada', 'grace', 'hopper'])
  })

  it('gives a child process this environment with overrides, removing what is set to undefined', () => {
    const child = childEnv({ SCHOLAR_TEST_ADDED: 'yes', PATH: undefined })
    expect(child.SCHOLAR_TEST_ADDED).toBe('yes')
    expect('PATH' in child).toBe(false)
  })

  it('gives a server a tool starts only the base variables and its own, never the caller’s settings', () => {
    vi.stubEnv('ADMIN_EMAIL', 'caller@example.org')
    vi.stubEnv('CONTENT_DIR', '/somewhere/else')
    try {
      const server = serverChildEnv({ PORT: '4000', SITE_URL: undefined })
      expect(server.PORT).toBe('4000')
      expect(server.PATH).toBe(childEnv().PATH)
      expect(
        Object.keys(server).filter((name) => !['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'TZ'].includes(name)),
      ).toEqual(['PORT'])
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
