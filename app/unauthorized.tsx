import Link from 'next/link'
import { routes } from '@/lib/domain/routes.mjs'

export default function Unauthorized() {
  return (
    <main id="main" className="admin-login">
      <h1>Sign in required</h1>
      <p>
        Your session has ended or you are not signed in. <Link href={routes.signIn}>Sign in</Link> to continue.
      </p>
    </main>
  )
}
