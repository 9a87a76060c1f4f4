import type { IncomingMessage, ServerResponse } from 'node:http'

export declare function negotiateEncoding(header: string | string[] | undefined): 'br' | 'gzip' | undefined
export declare function withResponsePolicy(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void,
  options?: { log?: (line: string) => void },
): (req: IncomingMessage, res: ServerResponse) => Promise<void> | void
