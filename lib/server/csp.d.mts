export type ScriptElement = { attributes: Map<string, string>; text: string }
export declare function contentSecurityPolicy(hashes: readonly string[]): string
export declare function findScripts(html: string): ScriptElement[]
export declare function isGovernedInlineScript(attributes: Map<string, string>): boolean
export declare function isAllowedInlineScript(text: string): boolean
export declare function hashSource(text: string): string
export declare function inlineScriptHashes(html: string): { hashes: string[]; refused: string[] }
