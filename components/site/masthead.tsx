import Link from 'next/link'
import type { ReactNode } from 'react'

type Props = {
  /** `site` for the public pages, `admin` for the dashboard: their header classes. */
  variant: 'site' | 'admin'
  title: ReactNode
  titleHref: string
  navLabel: string
  links: readonly (readonly [href: string, label: string])[]
  /** Controls after the navigation (theme toggle, the admin's email and sign-out). */
  children?: ReactNode
}

const CLASSES = {
  site: { header: 'site-header', inner: 'container header-inner' },
  admin: { header: 'admin-header', inner: 'admin-header-inner' },
} as const

/** The skip link and the header with the site's title and its navigation: public pages and dashboard alike. */
export function Masthead({ variant, title, titleHref, navLabel, links, children }: Props) {
  // A public page does not prefetch the others: on a phone, parsing their data as the page
  // settles cost more than it saved (the pages are served from the server's cache).
  const prefetch = variant === 'admin' ? undefined : false
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className={CLASSES[variant].header}>
        <div className={CLASSES[variant].inner}>
          <Link className="site-title" href={titleHref} prefetch={prefetch}>
            {title}
          </Link>
          <nav aria-label={navLabel}>
            <ul className="nav-list">
              {links.map(([href, label]) => (
                <li key={href}>
                  <Link href={href} prefetch={prefetch}>
                    {label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {children}
        </div>
      </header>
    </>
  )
}
