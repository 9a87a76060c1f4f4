#!/usr/bin/env node
// `npm run content` and the first step of `npm run build`: generates `.contentlayer/` for
// CONTENT_DIR (beside the content folder, see lib/content/contentlayer/paths.mjs), exiting
// non-zero when a file is invalid. Contentlayer itself leaves such a file out with a warning
// naming it and the field (so that the server's regeneration goes on with the others); here,
// any file of the content folder it left out stops the build.
import fs from 'node:fs'
import path from 'node:path'
import { createBuilder } from '../lib/content/contentlayer/runner.mjs'
import { contentWorkDir } from '../lib/content/contentlayer/paths.mjs'

const started = performance.now()
try {
  const { build } = createBuilder('contentlayer-build')
  const documents = await build()
  const leftOut = filesLeftOut()
  if (leftOut.length) {
    console.error(
      `Contentlayer left out ${leftOut.length === 1 ? 'this file' : `these ${leftOut.length} files`} (the reasons are above): ${leftOut.join(', ')}. Fix ${leftOut.length === 1 ? 'it' : 'them'} and run it again.`,
    )
    process.exit(1)
  }
  console.log(
    `Generated ${documents} documents in .contentlayer (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  )
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  // Problems in the files are printed by Contentlayer itself, file by file.
  console.error(
    message.includes('HandledFetchDataError')
      ? 'Contentlayer stopped on the problems above: fix them and run it again.'
      : message,
  )
  process.exit(1)
}

/** The files of the content folder Contentlayer reads (its hidden folders aside) that are not in its output. */
function filesLeftOut() {
  const { contentDir, workDir } = contentWorkDir()
  const generated = path.join(workDir, '.contentlayer', 'generated')
  const taken = new Set(
    ['Publication', 'Site'].flatMap((type) => {
      const data = JSON.parse(fs.readFileSync(path.join(generated, type, '_index.json'), 'utf8'))
      return (Array.isArray(data) ? data : [data]).map(
        (/** @type {{ _raw: { sourceFilePath: string } }} */ doc) => doc._raw.sourceFilePath,
      )
    }),
  )
  return fs
    .readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(contentDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => /\.(mdx?|json|ya?ml)$/.test(file))
    .filter((file) => !file.split('/').some((part) => part.startsWith('.')) && !taken.has(file))
    .sort()
}
