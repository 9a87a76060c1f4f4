import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { SiteChrome } from '@/components/site/site-chrome'
import { pageAlternates } from '@/lib/formats/feeds'

export const metadata: Metadata = { alternates: pageAlternates() }

export default function SiteLayout({ children }: { children: ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>
}
