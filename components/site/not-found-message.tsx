import Link from 'next/link'
import { routes } from '@/lib/domain/routes.mjs'

/** What every 404 of the public site says, with or without the site chrome around it. */
export function NotFoundMessage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the paper may not be public yet.</p>
      <p>
        <Link href={routes.publications()}>See all publications</Link>
      </p>
    </>
  )
}
