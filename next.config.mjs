/** @type {import('next').NextConfig} */
const nextConfig = {
  // End-to-end tests build into their own folder so they never touch the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // `unauthorized()` answers 401 from admin actions and routes.
  experimental: { authInterrupts: true },
}

export default nextConfig
