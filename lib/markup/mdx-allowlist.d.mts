export declare const ALLOWED_TAGS: ReadonlySet<string>
export declare const ALLOWED_ATTRIBUTES: ReadonlySet<string>
export declare function isSafeUrl(url: string): boolean
