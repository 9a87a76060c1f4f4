/**
 * `/publications` is prerendered; a request with a filter in its query string is rewritten to the
 * page that applies it on the server, so a shared link or the form without JavaScript works. The
 * address bar keeps `/publications?…`.
 */
const FILTER_KEYS = ['q', 'type', 'tag', 'year']

/** @type {import('next').NextConfig} */
const nextConfig = {
  // End-to-end tests build into their own folder so they never touch the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // `unauthorized()` answers 401 from admin actions and routes.
  experimental: { authInterrupts: true },
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
