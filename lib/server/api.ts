import 'server-only'
import { isSameOrigin } from './request-origin'
import type { StoreResult } from '../store'

/**
 * Helpers for the admin JSON API (used by scripts, benchmarks and tests; the dashboard uses server
 * actions that call the same store).
 */

const STATUS: Record<Exclude<StoreResult, { ok: true }>['kind'], number> = {
  invalid: 422,
  conflict: 409,
  'not-found': 404,
  error: 500,
}

export function storeResponse(result: StoreResult, created = false): Response {
  if (result.ok) return Response.json(result, { status: created ? 201 : 200 })
  return Response.json(result, { status: STATUS[result.kind] })
}

/** A 403 for a write from another site's page, or undefined when it comes from this site. */
export function refuseCrossSite(request: Request): Response | undefined {
  return isSameOrigin(request)
    ? undefined
    : Response.json({ ok: false, message: 'Cross-site requests are refused.' }, { status: 403 })
}

/**
 * Writes must come from this site: a foreign Origin is refused, and the body must be JSON (which a
 * cross-site form cannot send without a CORS preflight we never grant).
 */
export async function readJsonWrite(
  request: Request,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const crossSite = refuseCrossSite(request)
  if (crossSite) return { ok: false, response: crossSite }
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    return {
      ok: false,
      response: Response.json({ ok: false, message: 'Send the publication as application/json.' }, { status: 415 }),
    }
  }
  try {
    return { ok: true, body: await request.json() }
  } catch {
    return {
      ok: false,
      response: Response.json({ ok: false, message: 'The body is not valid JSON.' }, { status: 400 }),
    }
  }
}

export function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && name in body ? (body as Record<string, unknown>)[name] : undefined
}
