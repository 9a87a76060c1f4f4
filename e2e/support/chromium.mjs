// The Chromium the end-to-end tests (playwright.config.ts) and the benchmark's Lighthouse runs use.
import fs from 'node:fs'
import { toolEnv } from '../../lib/env.mjs'

/** For a browser in a container, without the background traffic of a desktop one. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * CHROMIUM_PATH, else Debian's Chromium, when one of them exists; `alsoTry` comes right after
 * CHROMIUM_PATH.
 * @param {(string | undefined)[]} [alsoTry]
 */
export function systemChromium(alsoTry = []) {
  const candidates = [toolEnv().CHROMIUM_PATH, ...alsoTry, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((candidate) => candidate !== undefined && fs.existsSync(candidate))
}
