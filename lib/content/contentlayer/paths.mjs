// Where Contentlayer runs for the content folder. It writes `.contentlayer/` into its working
// directory, so it runs from the parent of the content folder: a temporary copy of the content
// gets its own output. Shared by the runner (the build, the server's worker) and `npm run dev`.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { env } from '../../env.mjs'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const configPath = path.join(projectRoot, 'lib', 'content', 'contentlayer', 'config.ts')

/** The content folder (CONTENT_DIR, absolute) and the folder Contentlayer runs in. */
export function contentWorkDir() {
  return { contentDir: env.contentDir, workDir: path.dirname(env.contentDir) }
}

/**
 * Contentlayer compiles its config into `.contentlayer/.cache` beside the output; that module
 * imports contentlayer2 and the MDX plugins, which must resolve from there.
 * @param {string} workDir
 */
export function ensureModulesLink(workDir) {
  const modules = path.join(workDir, 'node_modules')
  if (workDir !== projectRoot && !fs.existsSync(modules))
    fs.symlinkSync(path.join(projectRoot, 'node_modules'), modules, 'dir')
}
