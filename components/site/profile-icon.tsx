import 'server-only'
import { mdiEmail, mdiFileAccount, mdiLinkVariant, mdiLinkedin } from '@mdi/js'
import { siBluesky, siGithub, siGooglescholar, siMastodon, siOrcid, siX } from 'simple-icons'
import type { ProfileIcon as Icon } from '@/lib/domain/profile-links'

/**
 * Each icon's path on a 24 × 24 grid. The brands are Simple Icons' (CC0), drawn as each service
 * publishes its mark; Simple Icons has no LinkedIn, so that one, the envelope, the CV and the
 * generic link are Material Design Icons' (Apache 2.0), drawn on the same grid. Server-only:
 * the pages carry the paths they show as inline SVG, and no icon data reaches the browser's scripts.
 */
const PATHS: Record<Icon, string> = {
  email: mdiEmail,
  orcid: siOrcid.path,
  scholar: siGooglescholar.path,
  github: siGithub.path,
  bluesky: siBluesky.path,
  mastodon: siMastodon.path,
  x: siX.path,
  linkedin: mdiLinkedin,
  cv: mdiFileAccount,
  link: mdiLinkVariant,
}

/** An icon for a link whose text names it: hidden from assistive technology. */
export function ProfileIcon({ icon }: { icon: Icon }) {
  return (
    <svg className="profile-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={PATHS[icon]} />
    </svg>
  )
}
