import Link from 'next/link'
import { SiteChrome } from '@/components/site/site-chrome'

export default function NotFound() {
  return (
    <SiteChrome>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the paper may not be public yet.</p>
      <p>
        <Link href="/publications">See all publications</Link>
      </p>
    </SiteChrome>
  )
}
