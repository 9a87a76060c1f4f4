// Where Contentlayer runs for a given CONTENT_DIR. It writes `.contentlayer/` into its working
// directory, so it runs from the parent of the content folder: a temporary copy of the content
// gets its own output. Shared by the build script and the run-time worker.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
export const configPath = path.join(projectRoot, 'contentlayer.config.ts')

export function contentWorkDir(contentDirSetting = process.env.CONTENT_DIR) {
  const contentDir = path.resolve(projectRoot, contentDirSetting || 'content')
  return { contentDir, workDir: path.dirname(contentDir) }
}

/**
 * Contentlayer compiles its config into `.contentlayer/.cache` beside the output; that module
 * imports contentlayer2 and the MDX plugins, which must resolve from there.
 */
export function ensureModulesLink(workDir) {
  const modules = path.join(workDir, 'node_modules')
  if (workDir !== projectRoot && !fs.existsSync(modules))
    fs.symlinkSync(path.join(projectRoot, 'node_modules'), modules, 'dir')
}
