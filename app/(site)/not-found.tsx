import type { Metadata } from 'next'
import { NotFoundMessage } from '@/components/site/not-found-message'

export const metadata: Metadata = { title: 'Page not found' }

/**
 * `notFound()` in a public page (an unknown or draft paper) renders here, inside the (site)
 * layout; the root not-found would add a second header, main landmark and footer.
 */
export default function SiteNotFound() {
  return <NotFoundMessage />
}
