import * as core from '@contentlayer2/core'
import { provideTracing, unknownToAbsolutePosixFilePath } from '@contentlayer2/utils'
import { pipe, provideConsole, T } from '@contentlayer2/utils/effect'
import { NodeFsLive } from '@contentlayer2/utils/node'
import { configPath, contentWorkDir, ensureModulesLink } from '/work/main/scripts/contentlayer-paths.mjs'
const { workDir } = contentWorkDir()
ensureModulesLink(workDir)
const cwd = unknownToAbsolutePosixFilePath(workDir)
const run = (effect) => pipe(effect, provideTracing('contentlayer-build', 'based-on-env'), core.provideCwdCustom(cwd), T.either, provideConsole, T.provideSomeLayer(NodeFsLive), T.runPromise)
const t=performance.now()
const loaded = await run(core.getConfig({ configPath }))
if (loaded._tag === 'Left') { console.error(String(loaded.left)); process.exit(1) }
const generated = await run(core.generateDotpkg({ config: loaded.right, verbose: false }))
if (generated._tag === 'Left') { console.error(generated.left.toString()); process.exit(1) }
console.log(generated.right, performance.now()-t)
