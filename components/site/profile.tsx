import { profileLinks, type ProfileLink } from '@/lib/domain/profile-links'
import type { Site } from '@/lib/domain/types'
import { abstractHtml } from '@/lib/markup/abstract-html'
import { ProfileIcon } from './profile-icon'

/** The size every profile photo is stored at: the page reserves its box before the image arrives. */
const PHOTO_SIZE = 480

/**
 * The owner as the home page introduces them, in the al-folio manner: the name, the photo at the
 * right of the bio (above it on a phone), the bio rendered as an abstract is, and a row of icons
 * for their profiles.
 */
export async function Profile({ site }: { site: Site }) {
  const bio = site.bio?.trim() ? await abstractHtml(site.bio) : undefined
  const links = profileLinks(site)
  return (
    <header className="page-header profile">
      <h1>{site.owner}</h1>
      <div className="profile-about">
        {site.photo ? (
          // Uploads are stored at the size shown here, re-encoded and under a name that never
          // changes what it serves: next/image would only encode them once more.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            className="profile-photo"
            src={site.photo}
            alt={`Photo of ${site.owner}`}
            width={PHOTO_SIZE}
            height={PHOTO_SIZE}
            loading="eager"
            fetchPriority="high"
          />
        ) : null}
        {bio !== undefined ? <div className="bio" dangerouslySetInnerHTML={{ __html: bio }} /> : null}
      </div>
      {links.length > 0 ? <ProfileLinks links={links} /> : null}
    </header>
  )
}

/**
 * One link per profile. A service's icon is its name for the eye and a hidden text its name for
 * a screen reader; an other link's icon says only "link", so its label is shown beside it.
 */
function ProfileLinks({ links }: { links: ProfileLink[] }) {
  return (
    <ul className="profile-links" aria-label="Profiles">
      {links.map((link, index) => {
        const labelled = link.icon === 'link'
        return (
          <li key={index}>
            <a
              className={labelled ? 'profile-link profile-link-labelled' : 'profile-link'}
              href={link.href}
              rel={link.me ? 'me' : undefined}
              title={labelled ? undefined : link.name}
            >
              <ProfileIcon icon={link.icon} />
              <span className={labelled ? undefined : 'visually-hidden'}>{link.name}</span>
            </a>
          </li>
        )
      })}
    </ul>
  )
}
