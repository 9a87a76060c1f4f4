import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import 'katex/dist/katex.min.css'
import './globals.css'
import { ThemeScript } from '@/components/site/theme-script'
import { getPublications, getSite } from '@/lib/content'
import { routes } from '@/lib/domain/routes.mjs'
import { cardImage, siteCardVersion } from '@/lib/og'
import { env } from '@/lib/env.mjs'

export function generateMetadata(): Metadata {
  const site = getSite()
  return {
    metadataBase: env.siteUrl,
    title: { default: site.title, template: `%s | ${site.title}` },
    description: site.description,
    // Papers have cards of their own (their page's metadata).
    openGraph: {
      type: 'website',
      siteName: site.title,
      title: site.title,
      description: site.description,
      images: [
        cardImage(routes.siteCard(siteCardVersion(site, getPublications().length)), `${site.title}: publications`),
      ],
    },
    twitter: { card: 'summary_large_image', title: site.title, description: site.description },
  }
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#1c1c1e' },
  ],
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets data-theme before hydration; React must not complain about it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>{children}</body>
    </html>
  )
}
