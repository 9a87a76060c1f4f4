// The parts of citation-js this project uses; the packages ship no type declarations.
declare module '@citation-js/core' {
  type FormatOptions = { format?: 'text' | 'html'; template?: string; lang?: string }
  export class Cite {
    constructor(data: unknown)
    format(format: 'bibtex' | 'ris' | 'bibliography' | 'data', options?: FormatOptions): string
  }
  export const plugins: {
    config: { get(name: '@csl'): { templates: { add(name: string, style: string): void; has(name: string): boolean } } }
  }
}

declare module '@citation-js/name' {
  export function parse(name: string): {
    given?: string
    family?: string
    suffix?: string
    'non-dropping-particle'?: string
    'dropping-particle'?: string
  }
}

declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-csl'
declare module '@citation-js/plugin-ris'
