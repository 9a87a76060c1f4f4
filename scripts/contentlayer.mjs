#!/usr/bin/env node
// `npm run content` and the first step of `npm run build`: generates `.contentlayer/` for
// CONTENT_DIR (beside the content folder, see lib/content/contentlayer/paths.mjs), exiting
// non-zero with Contentlayer's message when a file is invalid.
import { createBuilder } from '../lib/content/contentlayer/runner.mjs'

const started = performance.now()
try {
  const { build } = createBuilder('contentlayer-build')
  const documents = await build()
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
