import { describe, expect, it } from 'vitest'
import { profileLinks } from './profile-links'
import { profileSchema, type Profile } from './schema'

const FULL: Profile = {
  email: 'owner@example.org',
  orcid: '0000-0002-1825-0097',
  scholar: 'AbCdEfGhIjKl',
  github: 'octocat',
  bluesky: 'name.bsky.social',
  mastodon: '@name@mastodon.social',
  x: 'name',
  linkedin: 'first-last',
  cv: '/media/0123456789abcdef.pdf',
}

const hrefOf = (profile: Profile, name: string) => profileLinks({ profile }).find((link) => link.name === name)?.href

describe('profileLinks', () => {
  it('links every profile to its service, in a fixed order, with the service as the name', () => {
    expect(profileLinks({ profile: FULL }).map(({ name, href, icon }) => [name, href, icon])).toEqual([
      ['Email', 'mailto:owner@example.org', 'email'],
      ['ORCID', 'https://orcid.org/0000-0002-1825-0097', 'orcid'],
      ['Google Scholar', 'https://scholar.google.com/citations?user=AbCdEfGhIjKl', 'scholar'],
      ['GitHub', 'https://github.com/octocat', 'github'],
      ['Bluesky', 'https://bsky.app/profile/name.bsky.social', 'bluesky'],
      ['Mastodon', 'https://mastodon.social/@name', 'mastodon'],
      ['X', 'https://x.com/name', 'x'],
      ['LinkedIn', 'https://www.linkedin.com/in/first-last', 'linkedin'],
      ['CV (PDF)', '/media/0123456789abcdef.pdf', 'cv'],
    ])
  })

  it('the order does not depend on the order the file lists the profiles in', () => {
    const reversed = Object.fromEntries(Object.entries(FULL).reverse()) as Profile
    expect(profileLinks({ profile: reversed })).toEqual(profileLinks({ profile: FULL }))
  })

  it('marks the owner’s profiles rel="me", not the CV or the other links', () => {
    const links = profileLinks({ profile: FULL, links: [{ label: 'Lab', url: 'https://lab.example.org' }] })
    expect(links.filter((link) => !link.me).map((link) => link.name)).toEqual(['CV (PDF)', 'Lab'])
  })

  it('puts the other links after the profiles, in the owner’s order, named by their label', () => {
    const links = profileLinks({
      profile: { orcid: FULL.orcid },
      links: [
        { label: 'Lab', url: 'https://lab.example.org' },
        { label: 'Teaching', url: '/teaching' },
      ],
    })
    expect(links.map(({ name, href, icon }) => [name, href, icon])).toEqual([
      ['ORCID', 'https://orcid.org/0000-0002-1825-0097', 'orcid'],
      ['Lab', 'https://lab.example.org', 'link'],
      ['Teaching', '/teaching', 'link'],
    ])
  })

  it('gives nothing for a site without a profile or links', () => {
    expect(profileLinks({})).toEqual([])
    expect(profileLinks({ profile: {}, links: [] })).toEqual([])
  })

  it.each([
    ['x', '@name', 'https://x.com/name'],
    ['github', '@octocat', 'https://github.com/octocat'],
    ['bluesky', '@name.bsky.social', 'https://bsky.app/profile/name.bsky.social'],
    ['mastodon', 'name@mastodon.social', 'https://mastodon.social/@name'],
    ['mastodon', '@name@Fosstodon.ORG', 'https://fosstodon.org/@name'],
  ] as const)('strips the @ a %s handle is written with: %j → %s', (field, value, href) => {
    expect(profileLinks({ profile: { [field]: value } })[0]?.href).toBe(href)
  })

  it('reads values with spaces around them, as a hand-edited file may hold them', () => {
    expect(hrefOf({ orcid: ' 0000-0002-1825-0097 ' }, 'ORCID')).toBe('https://orcid.org/0000-0002-1825-0097')
    expect(hrefOf({ email: ' owner@example.org\n' }, 'Email')).toBe('mailto:owner@example.org')
    expect(hrefOf({ cv: ' /media/0123456789abcdef.pdf ' }, 'CV (PDF)')).toBe('/media/0123456789abcdef.pdf')
    expect(profileLinks({ links: [{ label: ' Lab ', url: ' https://lab.example.org ' }] })).toEqual([
      { icon: 'link', name: 'Lab', href: 'https://lab.example.org', me: false },
    ])
  })

  it('writes an ORCID iD’s check character X in capitals, as orcid.org does', () => {
    expect(hrefOf({ orcid: '0000-0002-9079-593x' }, 'ORCID')).toBe('https://orcid.org/0000-0002-9079-593X')
  })

  it('leaves out empty values and values that make no address', () => {
    const links = profileLinks({
      profile: {
        email: '  ',
        github: '',
        orcid: '0000-0002-1825-0097',
        mastodon: '@name',
        x: '@',
        cv: '//elsewhere.example.org/cv.pdf',
      },
      links: [
        { label: 'Script', url: 'javascript:alert(1)' },
        { label: '', url: 'https://example.org' },
        { label: 'Mail', url: 'mailto:someone@example.org' },
      ],
    })
    expect(links.map((link) => link.name)).toEqual(['ORCID'])
    expect(hrefOf({ mastodon: '@a@b@example.org' }, 'Mastodon')).toBeUndefined()
    expect(hrefOf({ mastodon: '@name@host/path.org' }, 'Mastodon')).toBeUndefined()
    expect(hrefOf({ email: 'owner@' }, 'Email')).toBeUndefined()
    expect(hrefOf({ email: '@example.org' }, 'Email')).toBeUndefined()
  })

  it('encodes what it puts into an address, so no value can change the address around it', () => {
    expect(hrefOf({ github: 'a/../b?c' }, 'GitHub')).toBe('https://github.com/a%2F..%2Fb%3Fc')
    expect(hrefOf({ scholar: 'x&hl=fr#top' }, 'Google Scholar')).toBe(
      'https://scholar.google.com/citations?user=x%26hl%3Dfr%23top',
    )
    expect(hrefOf({ email: 'a?cc=b@example.org#x@example.org' }, 'Email')).toBe(
      'mailto:a%3Fcc%3Db%40example.org%23x@example.org',
    )
  })

  it('makes a link of every profile the settings schema accepts', () => {
    const parsed = profileSchema.parse({ ...FULL, x: '@name', mastodon: 'name@mastodon.social' })
    expect(profileLinks({ profile: parsed })).toHaveLength(Object.keys(FULL).length)
  })
})
