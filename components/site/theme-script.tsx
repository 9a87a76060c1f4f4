import { THEME_SCRIPT } from '@/lib/server/theme-script.mjs'

/**
 * Sets the theme before the first paint, so a dark-theme reader never sees a light flash.
 * Inline on purpose: it must run before the stylesheet applies. The production server's
 * Content-Security-Policy allows exactly this text by its hash (lib/server/csp.mjs).
 */
export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
}
