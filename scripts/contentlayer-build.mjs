// Contentlayer's generation through @contentlayer2/core, shared by `npm run content` (and the
// build) and the server's long-lived worker. Not through the contentlayer2 CLI: the CLI turns on
// the Effect runtime's execution tracing, whose cost grows faster than the list (at N = 10,000 it
// took most of a 9-minute build; see README, "Performance").
import * as core from '@contentlayer2/core'
import { provideTracing, unknownToAbsolutePosixFilePath } from '@contentlayer2/utils'
import { pipe, provideConsole, T } from '@contentlayer2/utils/effect'
import { NodeFsLive } from '@contentlayer2/utils/node'
import { configPath, contentWorkDir, ensureModulesLink } from './contentlayer-paths.mjs'

const describe = (error) => (error && typeof error.toString === 'function' ? error.toString() : String(error))

/**
 * A builder for CONTENT_DIR: each call of `build()` regenerates `.contentlayer/` beside the
 * content folder (Contentlayer's cache skips unchanged files) and resolves to the number of
 * documents; it rejects with Contentlayer's message (naming the file and field) on bad content.
 */
export function createBuilder(name) {
  const { contentDir, workDir } = contentWorkDir()
  // The config reads CONTENT_DIR (lib/env.ts): make it absolute, whatever the working directory.
  process.env.CONTENT_DIR = contentDir
  ensureModulesLink(workDir)
  const cwd = unknownToAbsolutePosixFilePath(workDir)
  const run = (effect) =>
    pipe(
      effect,
      provideTracing(name, 'based-on-env'),
      core.provideCwdCustom(cwd),
      T.either,
      provideConsole,
      T.provideSomeLayer(NodeFsLive),
      T.runPromise,
    )
  let config
  return {
    workDir,
    async build() {
      if (!config) {
        const loaded = await run(core.getConfig({ configPath }))
        if (loaded._tag === 'Left') throw new Error(describe(loaded.left))
        config = loaded.right
      }
      const generated = await run(core.generateDotpkg({ config, verbose: false }))
      if (generated._tag === 'Left') throw new Error(describe(generated.left))
      return generated.right.documentCount
    },
  }
}
