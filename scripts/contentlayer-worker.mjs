// A long-lived Contentlayer for the running server. The store asks it to regenerate after each
// write; keeping it loaded (config compiled once, MDX cache warm) turns a two-second CLI run into
// a fraction of a second. Started by lib/store/regenerate.ts with an IPC channel.
import * as core from '@contentlayer2/core'
import { provideTracing, unknownToAbsolutePosixFilePath } from '@contentlayer2/utils'
import { pipe, provideConsole, T } from '@contentlayer2/utils/effect'
import { NodeFsLive } from '@contentlayer2/utils/node'
import { configPath, contentWorkDir, ensureModulesLink } from './contentlayer-paths.mjs'

const { workDir } = contentWorkDir()
ensureModulesLink(workDir)
const cwd = unknownToAbsolutePosixFilePath(workDir)

const run = (effect) =>
  pipe(effect, provideTracing('contentlayer-worker', 'based-on-env'), core.provideCwdCustom(cwd), T.either, provideConsole, T.provideSomeLayer(NodeFsLive), T.runPromise)

const describe = (error) => (error && typeof error.toString === 'function' ? error.toString() : String(error))

let config
async function build() {
  if (!config) {
    const loaded = await run(core.getConfig({ configPath }))
    if (loaded._tag === 'Left') throw new Error(describe(loaded.left))
    config = loaded.right
  }
  const generated = await run(core.generateDotpkg({ config, verbose: false }))
  if (generated._tag === 'Left') throw new Error(describe(generated.left))
  return generated.right.documentCount
}

// One build at a time, in the order asked: two at once could finish out of order and leave the
// output of the older one.
let queue = Promise.resolve()
process.on('message', (message) => {
  if (!message || message.type !== 'build') return
  queue = queue.then(async () => {
    const started = performance.now()
    try {
      const documents = await build()
      process.send({ id: message.id, ok: true, documents, ms: Math.round(performance.now() - started) })
    } catch (error) {
      process.send({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) })
    }
  })
})
process.on('disconnect', () => process.exit(0))
process.send({ type: 'ready' })
