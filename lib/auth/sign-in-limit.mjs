// Plain JavaScript so the production server (scripts/request-guard.mjs) refuses a larger body from
// its Content-Length before reading a byte, with the limit the sign-in reader (sign-in-body.ts)
// then applies to the bytes themselves.

/** A sign-in is a few hundred bytes: the most a request to /api/auth may send. */
export const SIGN_IN_BODY_LIMIT = 8 * 1024
