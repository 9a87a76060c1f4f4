/**
 * The largest upload the dashboard takes (a PDF), in bytes. Plain JavaScript: the production
 * server's request guard (scripts/request-guard.mjs) refuses a larger body from its Content-Length
 * before a byte is read, and lib/media/kinds.ts gives each kind its own limit up to this.
 */
export const UPLOAD_BODY_LIMIT = 20 * 1024 * 1024
