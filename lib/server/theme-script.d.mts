/** The inline script that sets the theme before the first paint. */
export declare const THEME_SCRIPT: string
