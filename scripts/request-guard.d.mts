/** Types of scripts/request-guard.mjs, for the unit tests. */
type Trust = (address: string, hop: number) => boolean
type IncomingLike = {
  url?: string
  headers: Record<string, string | string[] | undefined>
  socket?: { remoteAddress?: string; encrypted?: boolean }
}
export const AUTH_BODY_LIMIT: number
export const BODY_LIMIT: number
export function compileTrust(setting: string | undefined): Trust
export function settleForwarding(req: IncomingLike, trust: Trust): void
export function refusal(req: IncomingLike): { status: number; message: string } | undefined
export function settlePaperAddress(req: IncomingLike): void
