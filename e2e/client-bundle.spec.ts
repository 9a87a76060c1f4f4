import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'

/**
 * What the browser is sent: the client chunks of the build the tests run against
 * (`e2e/support/serve.mjs` builds into .next-e2e). The `yaml` package and the serializer stay
 * on the server: a conflict in the editor shows files the server wrote out.
 */
const root = path.resolve(__dirname, '..')
const clientChunks = path.join(root, '.next-e2e', 'static', 'chunks')

/** Strings only the yaml package holds: its error class and its tag names. */
const YAML_MARKERS = ['YAMLParseError', 'tag:yaml.org,2002:']

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.join(entry.parentPath, entry.name))
}

test('the markers are the yaml package’s own', () => {
  const yamlSource = filesUnder(path.dirname(require.resolve('yaml')))
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n')
  for (const marker of YAML_MARKERS) expect(yamlSource).toContain(marker)
})

test('no client chunk carries the yaml package', () => {
  const chunks = filesUnder(clientChunks)
  expect(chunks.length, 'the build has client chunks').toBeGreaterThan(0)
  const carriers = chunks.filter((file) => {
    const text = fs.readFileSync(file, 'utf8')
    return YAML_MARKERS.some((marker) => text.includes(marker))
  })
  expect(carriers.map((file) => path.relative(root, file))).toEqual([])
})
