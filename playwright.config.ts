import fs from 'node:fs'
import { chromium, defineConfig, devices } from '@playwright/test'
import { CHROMIUM_FLAGS, systemChromium } from './e2e/support/chromium.mjs'
import { E2E_ADMIN, E2E_BASE_URL, E2E_PORT, E2E_ROOT } from './e2e/support/paths'
import { toolEnv } from './lib/env.mjs'

/**
 * Finds a Chromium: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own download.
 * Playwright cannot download browsers on every machine, so it is the last resort.
 */
function chromiumPath(): string | undefined {
  const found = systemChromium()
  if (found) return found
  if (fs.existsSync(chromium.executablePath())) return undefined
  console.error(
    'No Chromium found: install it (Debian: apt-get install chromium), set CHROMIUM_PATH, or run `npx playwright install chromium`.',
  )
  process.exit(1)
}

const executablePath = chromiumPath()
const ADMIN_SPECS = /[\\/]admin[^\\/]*\.spec\.ts$/

export default defineConfig({
  testDir: './e2e',
  forbidOnly: toolEnv().CI,
  retries: toolEnv().CI ? 1 : 0,
  // Tests share one server and one content folder; two cores do not gain from more workers.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: toolEnv().CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_FLAGS,
    },
  },
  // The public pages are checked against the sample content first; the dashboard tests, which
  // change the content, run after them on the same server. ADMIN_SPECS is matched against the
  // absolute path, so it is anchored on the file name: a checkout under a folder named like
  // "…admin…" would otherwise send every test to the second project.
  projects: [
    { name: 'public', testIgnore: ADMIN_SPECS, use: { ...devices['Desktop Chrome'] } },
    { name: 'admin', testMatch: ADMIN_SPECS, dependencies: ['public'], use: { ...devices['Desktop Chrome'] } },
  ],
  webServer: {
    command: 'node e2e/support/serve.mjs',
    url: `${E2E_BASE_URL}/publications`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      E2E_ROOT,
      E2E_PORT: String(E2E_PORT),
      E2E_ADMIN_EMAIL: E2E_ADMIN.email,
      E2E_ADMIN_PASSWORD: E2E_ADMIN.password,
    },
  },
})
