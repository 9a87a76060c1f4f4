// Public pages are whole in their HTML, and their scripts only add to what already works (the
// panels, the filters in place, the theme toggle). So the production server has the browser
// fetch them after the first paint: on a phone's connection the HTML and the stylesheet get the
// line to themselves, and the page shows sooner. Next.js puts its chunks in the head as
// `<script src async>`, with `<link rel="preload" as="script">` for some: each becomes an inert
// `<script type="text/x-late" data-src>`, the preloads go, and one constant inline script
// (late-scripts-loader.mjs) adds them, async as they were, once a frame has been painted (after
// 2 s at the latest, as in a tab opened in the background). A script with more than `src` and
// `async` to keep (integrity, a nonce, crossorigin) is left as it is.
import { findScripts } from './csp.mjs'
import { LATE_SCRIPTS_LOADER } from './late-scripts-loader.mjs'

const PRELOAD_SCRIPT = /<link rel="preload" as="script"[^>]*>/g

/**
 * An attribute's value as read from the page (findScripts does not decode it), for a double-quoted attribute.
 * @param {string} raw
 */
const attribute = (raw) => raw.replace(/"/g, '&quot;')

/**
 * The page with its head's async scripts loaded after the first paint; the page as it was when
 * its head holds none, or it has no head or body end.
 * @param {string} html
 * @returns {string}
 */
export function loadScriptsLate(html) {
  const headEnd = html.indexOf('</head>')
  const bodyEnd = html.lastIndexOf('</body>')
  if (headEnd < 0 || bodyEnd < headEnd) return html
  const parts = []
  let copied = 0
  for (const script of findScripts(html)) {
    if (script.start > headEnd) break
    const src = script.attributes.get('src')
    const plain = [...script.attributes.keys()].every((name) => name === 'src' || name === 'async')
    if (!src || !script.attributes.has('async') || !plain) continue
    parts.push(html.slice(copied, script.start), `<script type="text/x-late" data-src="${attribute(src)}"></script>`)
    copied = script.end
  }
  if (parts.length === 0) return html
  const head = (parts.join('') + html.slice(copied, headEnd)).replace(PRELOAD_SCRIPT, '')
  return `${head}${html.slice(headEnd, bodyEnd)}<script>${LATE_SCRIPTS_LOADER}</script>${html.slice(bodyEnd)}`
}
