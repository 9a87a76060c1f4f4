// The JavaScript baseline: an empty App Router page built by the project's own Next, with an empty
// config. It lives in `.next-bench-empty/` inside the project (git-ignored as `.next-*`, excluded
// from the project's type check) so that Node and Turbopack resolve `next` and `react` from the
// project's node_modules without a symlink, with the project as Turbopack's root. Its own
// next.config.mjs keeps Next from finding the project's one further up. The project's app/ is
// never touched.
import fs from 'node:fs'
import path from 'node:path'
import { projectRoot } from '../../lib/content/contentlayer/paths.mjs'
import { gzippedKb, scriptSources } from './measure.mjs'
import { runMeasured, startProcess } from './processes.mjs'
import { serverChildEnv } from '../../lib/env.mjs'

const LAYOUT = `import type { ReactNode } from 'react'

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
`

const PAGE = `export default function Page() {
  return <main>Empty</main>
}
`

/**
 * Builds the empty app; returns its JavaScript (measured like the project's pages, from its
 * prerendered HTML), a way to serve it (for Lighthouse) and a way to remove it.
 * @param {{ logFile: string }} options
 */
export async function buildBaselineApp({ logFile }) {
  const dir = path.join(projectRoot, '.next-bench-empty')
  const remove = () => fs.rmSync(dir, { recursive: true, force: true })
  remove()
  fs.mkdirSync(path.join(dir, 'app'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'app', 'layout.tsx'), LAYOUT)
  fs.writeFileSync(path.join(dir, 'app', 'page.tsx'), PAGE)
  fs.writeFileSync(path.join(dir, 'next.config.mjs'), 'export default {}\n')
  // An empty app: none of the caller's settings (an ADMIN_EMAIL without its hash would stop its start).
  const env = serverChildEnv({ NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' })
  const next = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next')
  try {
    await runMeasured(process.execPath, [next, 'build'], { cwd: dir, env, logFile })
    const distDir = path.join(dir, '.next')
    const html = fs.readFileSync(path.join(distDir, 'server', 'app', 'index.html'), 'utf8')
    const jsKb = await gzippedKb(scriptSources(html), async (src) =>
      fs.readFileSync(path.join(distDir, decodeURIComponent(src.replace(/^\/_next\//, '').split('?')[0] ?? ''))),
    )
    return {
      jsKb,
      remove,
      start: (/** @type {number} */ port) =>
        startProcess(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], {
          cwd: dir,
          env,
          logFile,
        }),
    }
  } catch (error) {
    remove()
    throw error
  }
}
