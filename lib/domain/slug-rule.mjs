// The slug rule, in plain JavaScript so the production server (scripts/request-guard.mjs) applies
// the very rule the schema (schema.ts) does. Linear on any input: a hyphen must start each repeat.

/** Lowercase words of a-z and 0-9 joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/
export const MAX_SLUG_LENGTH = 100
