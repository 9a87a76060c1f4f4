import type { Profile, SiteSettings } from './schema'
import { isLinkTarget, isSitePath } from './urls.mjs'

/** The icon a link shows: its service's own, or the generic link icon for the owner's other links. */
export type ProfileIcon = keyof Profile | 'link'

export type ProfileLink = {
  icon: ProfileIcon
  /** Its accessible name: the service's name, or the label the owner gave an other link. */
  name: string
  href: string
  /** One of the owner's own profiles (`rel="me"`, which Mastodon reads to verify the site). */
  me: boolean
}

/**
 * The address of a profile named by an id or a handle: `base` and the value, encoded. The site
 * schema checks each value, but a hand-edited `site.yaml` reaches the site as written: spaces
 * around a value pass the check (it trims first), and people write handles with an `@`.
 */
const profileAt =
  (base: string) =>
  (value: string): string | undefined => {
    const name = value.trim().replace(/^@/, '')
    return name ? `${base}${encodeURIComponent(name)}` : undefined
  }

/** `local@domain`, each part encoded, so no `?` or `#` in an address can add headers to the mail. */
function mailto(email: string): string | undefined {
  const address = email.trim()
  const at = address.lastIndexOf('@')
  if (at <= 0 || at === address.length - 1) return undefined
  return `mailto:${encodeURIComponent(address.slice(0, at))}@${encodeURIComponent(address.slice(at + 1))}`
}

/** `@name@host` (or `name@host`) → `https://host/@name`: the profile lives on the owner's server. */
function mastodonUrl(address: string): string | undefined {
  const [name, host, ...rest] = address.trim().replace(/^@/, '').split('@')
  if (!name || !host || rest.length > 0 || !/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(host)) return undefined
  return `https://${host.toLowerCase()}/@${encodeURIComponent(name)}`
}

type Service = { name: string; href: (value: string) => string | undefined; me: boolean }

/** Every profile, in the order the home page shows them (the schema's). */
const SERVICES: readonly (readonly [keyof Profile, Service])[] = [
  ['email', { name: 'Email', href: mailto, me: true }],
  // orcid.org writes the check character X in capitals.
  ['orcid', { name: 'ORCID', href: (id) => profileAt('https://orcid.org/')(id.toUpperCase()), me: true }],
  ['scholar', { name: 'Google Scholar', href: profileAt('https://scholar.google.com/citations?user='), me: true }],
  ['github', { name: 'GitHub', href: profileAt('https://github.com/'), me: true }],
  ['bluesky', { name: 'Bluesky', href: profileAt('https://bsky.app/profile/'), me: true }],
  ['mastodon', { name: 'Mastodon', href: mastodonUrl, me: true }],
  ['x', { name: 'X', href: profileAt('https://x.com/'), me: true }],
  ['linkedin', { name: 'LinkedIn', href: profileAt('https://www.linkedin.com/in/'), me: true }],
  ['cv', { name: 'CV (PDF)', href: (path) => (isSitePath(path.trim()) ? path.trim() : undefined), me: false }],
]

/**
 * The owner's profile links for the home page: each profile given, in a fixed order, then the
 * other links in the owner's order. A value that makes no address is left out.
 */
export function profileLinks({ profile = {}, links = [] }: Pick<SiteSettings, 'profile' | 'links'>): ProfileLink[] {
  const profiles = SERVICES.flatMap(([icon, service]): ProfileLink[] => {
    const value = profile[icon]
    const href = value === undefined ? undefined : service.href(value)
    return href ? [{ icon, name: service.name, href, me: service.me }] : []
  })
  const others = links.flatMap(({ label, url }): ProfileLink[] =>
    label.trim() && isLinkTarget(url.trim()) ? [{ icon: 'link', name: label.trim(), href: url.trim(), me: false }] : [],
  )
  return [...profiles, ...others]
}
