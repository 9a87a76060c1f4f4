import type { Metadata } from 'next'
import { NotFoundMessage } from '@/components/site/not-found-message'
import { SiteChrome } from '@/components/site/site-chrome'

export const metadata: Metadata = { title: 'Page not found' }

/** Addresses that match no route: nothing wraps this page but the root layout, so it brings the chrome. */
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundMessage />
    </SiteChrome>
  )
}
