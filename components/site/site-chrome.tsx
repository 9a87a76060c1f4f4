import Link from 'next/link'
import type { ReactNode } from 'react'
import { ThemeToggle } from '@/components/ui/theme-toggle'
import { getSite } from '@/lib/content'

/** Header, main landmark and footer of every public page. */
export function SiteChrome({ children }: { children: ReactNode }) {
  const site = getSite()
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link className="site-title" href="/">
            {site.title}
          </Link>
          <nav aria-label="Main">
            <ul className="nav-list">
              <li>
                <Link href="/">about</Link>
              </li>
              <li>
                <Link href="/publications">publications</Link>
              </li>
            </ul>
          </nav>
          <ThemeToggle />
        </div>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          © {new Date().getFullYear()} {site.owner}
          {site.links?.map((link) => (
            <span key={link.url}>
              {' · '}
              <a href={link.url}>{link.label}</a>
            </span>
          ))}
        </div>
      </footer>
    </>
  )
}
