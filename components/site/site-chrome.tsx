import type { ReactNode } from 'react'
import { ThemeToggle } from '@/components/ui/theme-toggle'
import { routes } from '@/lib/domain/routes.mjs'
import { Masthead } from './masthead'
import { getSite } from '@/lib/content'

/** Header, main landmark and footer of every public page. */
export function SiteChrome({ children }: { children: ReactNode }) {
  const site = getSite()
  return (
    <>
      <Masthead
        variant="site"
        title={site.title}
        titleHref={routes.home}
        navLabel="Main"
        links={[
          [routes.home, 'about'],
          [routes.publications(), 'publications'],
        ]}
      >
        <ThemeToggle />
      </Masthead>
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
