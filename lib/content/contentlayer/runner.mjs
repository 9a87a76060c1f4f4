// Contentlayer's generation through @contentlayer2/core, shared by `npm run content` (and the
// build) and the server's long-lived worker. Not through the contentlayer2 CLI: the CLI turns on
// the Effect runtime's execution tracing, whose cost grows faster than the list (at N = 10,000 it
// took most of a 9-minute build; see docs/performance.md).
import * as core from '@contentlayer2/core'
import { provideTracing, unknownToAbsolutePosixFilePath } from '@contentlayer2/utils'
import { pipe, provideConsole, T } from '@contentlayer2/utils/effect'
import { NodeFsLive } from '@contentlayer2/utils/node'
import { env } from '../../env.mjs'
import { writeCommitDates } from './commit-dates.mjs'
import { configPath, contentWorkDir, ensureModulesLink } from './paths.mjs'

/** @param {unknown} error */
const describe = (error) => (error && typeof error.toString === 'function' ? error.toString() : String(error))

/**
 * The Effect functions used here. `@contentlayer2/utils/effect` declares them by re-exporting
 * `@effect-ts/core/Effect`, a package whose exports map carries no types, so TypeScript cannot see
 * them; this says what they are.
 * @typedef {object} EffectRuntime
 * @property {(effect: unknown) => unknown} either
 * @property {(layer: unknown) => (effect: unknown) => unknown} provideSomeLayer
 * @property {(effect: unknown) => Promise<{ _tag: 'Left', left: unknown } | { _tag: 'Right', right: unknown }>} runPromise
 */
const Effect = /** @type {EffectRuntime} */ (/** @type {unknown} */ (T))

/**
 * Runs one of Contentlayer's effects in `cwd`: its value, or an Error with Contentlayer's message.
 * @param {string} name the tracing name
 * @param {unknown} cwd
 * @param {unknown} effect
 */
async function run(name, cwd, effect) {
  const outcome = await pipe(
    effect,
    provideTracing(name, 'based-on-env'),
    core.provideCwdCustom(cwd),
    Effect.either,
    provideConsole,
    Effect.provideSomeLayer(NodeFsLive),
    Effect.runPromise,
  )
  if (outcome._tag === 'Left') throw new Error(describe(outcome.left))
  return outcome.right
}

/**
 * A builder for the content folder (CONTENT_DIR): each call of `build()` regenerates
 * `.contentlayer/` beside it (Contentlayer's cache skips unchanged files) and resolves to the number
 * of documents; it rejects with Contentlayer's message (naming the file and field) on bad content.
 * The config reads the same CONTENT_DIR through lib/env.mjs.
 * @param {string} name the tracing name
 */
export function createBuilder(name) {
  const { workDir } = contentWorkDir()
  ensureModulesLink(workDir)
  const cwd = unknownToAbsolutePosixFilePath(workDir)
  /** @type {core.Config | undefined} */
  let config
  return {
    /** @returns {Promise<number>} */
    async build() {
      // What `getConfig` yields (its type is one of those TypeScript cannot see, above).
      config ??= /** @type {core.Config} */ (await run(name, cwd, core.getConfig({ configPath })))
      // Before the documents: the site reads both when Contentlayer's output changes.
      await writeCommitDates(env.contentDir, env.contentlayerDir)
      const generated = await run(name, cwd, core.generateDotpkg({ config, verbose: false }))
      const count =
        typeof generated === 'object' && generated && 'documentCount' in generated && generated.documentCount
      if (typeof count !== 'number') throw new Error('Contentlayer did not say how many documents it generated')
      return count
    },
  }
}
