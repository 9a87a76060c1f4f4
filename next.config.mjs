import { fileURLToPath } from 'node:url'
import { distDir } from './lib/env.mjs'

/**
 * `/publications` is prerendered; a request with a filter in its query string is rewritten to the
 * page that applies it on the server, so a shared link or the form without JavaScript works. The
 * address bar keeps `/publications?…`.
 */
const FILTER_KEYS = ['q', 'type', 'tag', 'year']

/**
 * Sent with every response. This policy (no framing, no plugins, no foreign <base>) is the one
 * non-HTML responses keep; on HTML pages the production server (scripts/server.mjs) replaces it
 * with the full policy, which also restricts scripts to the site's files and the hashes of the
 * page's own inline scripts (lib/server/csp.mjs). `next dev` sends only this one.
 */
const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'" },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  },
  // Strict-Transport-Security is the production server's (scripts/response-policy.mjs): it
  // follows SITE_URL as the server starts, where headers here are compiled into the build.
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Rendered pages are cached in memory (lib/server/cache-handler.mjs): a start renders from the files.
  cacheHandler: fileURLToPath(new URL('./lib/server/cache-handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  // End-to-end tests build into their own folder so they never touch the build `npm start` serves.
  distDir: distDir(),
  poweredByHeader: false,
  // Server-only libraries Node loads from node_modules instead of Turbopack bundling them into
  // each route that uses them (citation-js went in twice, 1.4 MB each): a third off the compile.
  serverExternalPackages: [
    '@citation-js/core',
    '@citation-js/name',
    '@citation-js/plugin-bibtex',
    '@citation-js/plugin-csl',
    '@citation-js/plugin-ris',
    '@retorquere/bibtex-parser',
    'hast-util-to-html',
    'hastscript',
    'mdast-util-to-hast',
    'mdast-util-to-string',
    'rehype-katex',
    'rehype-stringify',
    'remark-math',
    'remark-mdx',
    'remark-parse',
    'remark-rehype',
    'unified',
    'yaml',
    'zod',
  ],
  // scripts/server.mjs compresses: it must read each HTML page before compression.
  compress: false,
  reactStrictMode: true,
  // `unauthorized()` answers 401 from admin actions and routes; pasted BibTeX may be large.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '3mb' } },
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }]
  },
  // Cards were once served at Next's metadata-image addresses (`opengraph-image-<hash>/<id>`);
  // a platform that cached one fetches it again from there.
  async redirects() {
    return [
      {
        source: '/publications/:slug/opengraph-image-:suffix/:version',
        destination: '/publications/:slug/opengraph-image/:version',
        permanent: true,
      },
      { source: '/opengraph-image-:suffix/:version', destination: '/opengraph-image/:version', permanent: true },
    ]
  },
  async rewrites() {
    return {
      beforeFiles: FILTER_KEYS.map((key) => ({
        source: '/publications',
        has: [{ type: 'query', key, value: '(?<value>.+)' }],
        destination: '/publications-filtered',
      })),
    }
  },
}

export default nextConfig
