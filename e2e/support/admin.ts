import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test'
import { parse as parseYaml } from 'yaml'
import { E2E_ADMIN, E2E_BASE_URL, E2E_CONTENT_DIR, E2E_ROOT } from './paths'
import { routes } from '../../lib/domain/routes.mjs'

export { E2E_ADMIN, E2E_ROOT }

/** The five sample papers the server starts with (the public tests check them in detail). */
export const SEED_TITLES = [
  'How deep convolutional neural networks lose spatial information with training',
  'Learning sparse features can lead to overfitting in neural networks',
  'Relative stability toward diffeomorphisms indicates performance in deep nets',
  'Landscape and training regimes in deep learning',
  'Geometric compression of invariant manifolds in neural networks',
] as const

/** How soon a saved change must be visible on the public site. */
export const LIVE_WITHIN_MS = 3_000

/**
 * A short lowercase tag for titles and slugs: tests share one server (and a retry reuses it), so
 * every paper a test makes gets a name no other run has used.
 */
export function tag(): string {
  return randomBytes(4).toString('hex')
}

/**
 * A client address of its own, sent as X-Forwarded-For (the shared server trusts loopback as its
 * proxy, so it believes it), so a throttle test locks out nobody else.
 */
export function clientAddress(): string {
  const [a = 0, b = 0, c = 0] = randomBytes(3)
  return `10.${a}.${b}.${(c % 250) + 1}`
}

// ------------------------------------------------------------------------------------------------
// The content folder and its git repository (what the server wrote)

export function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: E2E_CONTENT_DIR, encoding: 'utf8' }).trim()
}

export const head = () => git('rev-parse', 'HEAD')
export const gitStatus = () => git('status', '--porcelain')

export type Commit = { hash: string; subject: string; authorEmail: string; date: string }

/** The commits made after `since`, newest first. */
export function commitsSince(since: string): Commit[] {
  const output = git('log', '--format=%H%x1f%s%x1f%ae%x1f%cI', `${since}..HEAD`)
  return output
    ? output.split('\n').map((line) => {
        const [hash = '', subject = '', authorEmail = '', date = ''] = line.split('\x1f')
        return { hash, subject, authorEmail, date }
      })
    : []
}

/** Files touched by a commit, relative to the content folder. */
export function filesOf(commit: string): string[] {
  return git('show', '--name-only', '--format=', commit).split('\n').filter(Boolean)
}

export function paperFile(slug: string): string {
  return path.join(E2E_CONTENT_DIR, 'publications', `${slug}.mdx`)
}

/** Slugs of every publication file, drafts included. */
export function publicationSlugs(): string[] {
  return fs
    .readdirSync(path.join(E2E_CONTENT_DIR, 'publications'))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => name.slice(0, -'.mdx'.length))
}

export function readPaper(slug: string): string {
  return fs.readFileSync(paperFile(slug), 'utf8')
}

export type StoredAuthor = { name: string; equalContribution?: boolean; corresponding?: boolean; url?: string }
export type StoredFrontmatter = {
  title: string
  year: number
  authors: StoredAuthor[]
  draft?: boolean
  selected?: boolean
} & Record<string, unknown>

export function frontmatterOf(slug: string): StoredFrontmatter {
  const match = /^---\n([\s\S]*?)\n---/.exec(readPaper(slug))
  if (!match?.[1]) throw new Error(`${slug}.mdx has no frontmatter`)
  return parseYaml(match[1]) as StoredFrontmatter
}

/** The titles in Contentlayer's generated output for the end-to-end content (beside the content folder). */
export function generatedTitles(): string[] {
  const file = path.join(path.dirname(E2E_CONTENT_DIR), '.contentlayer', 'generated', 'Publication', '_index.json')
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { title: string }[]).map((publication) => publication.title)
  } catch {
    return [] // being rewritten
  }
}

/** Every file under `dir` (relative paths), git's own folder left out. */
export function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).includes('.git'))
    .sort()
}

export type Snapshot = { head: string; files: string[]; publications: Map<string, string> }

/** What a refused save must leave exactly as it was. */
export function snapshot(): Snapshot {
  const dir = path.join(E2E_CONTENT_DIR, 'publications')
  const publications = new Map(fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]))
  return { head: head(), files: filesUnder(E2E_ROOT), publications }
}

export function expectNothingWritten(before: Snapshot) {
  expect(head(), 'no new commit').toBe(before.head)
  expect(gitStatus(), 'the content repository is clean').toBe('')
  expect(filesUnder(E2E_ROOT), 'no file appeared or vanished anywhere under the server folder').toEqual(before.files)
  const after = snapshot().publications
  expect([...after.keys()]).toEqual([...before.publications.keys()])
  for (const [name, bytes] of before.publications)
    expect(after.get(name), `${name} is byte for byte unchanged`).toBe(bytes)
}

// ------------------------------------------------------------------------------------------------
// Public pages, fetched without a session

/** Status and text of a public page as a visitor gets it: no session, no redirects followed. */
export async function fetchPublic(pathname: string): Promise<{ status: number; text: string }> {
  const response = await fetch(new URL(pathname, E2E_BASE_URL), { redirect: 'manual' })
  return { status: response.status, text: await response.text() }
}

/**
 * Polls until `check` passes, failing when that takes longer than `LIVE_WITHIN_MS` after `since`
 * (the moment the save was clicked), so a change must be live within 3 s of saving.
 */
export async function expectLiveSince(since: number, check: () => Promise<void>) {
  const timeout = Math.max(LIVE_WITHIN_MS - (Date.now() - since), 1)
  await expect(check).toPass({ timeout, intervals: [100, 200, 250] })
  expect(Date.now() - since, `live within ${LIVE_WITHIN_MS} ms of the save`).toBeLessThanOrEqual(LIVE_WITHIN_MS)
}

export async function expectPaperPage(slug: string, title: string) {
  const { status, text } = await fetchPublic(routes.publication(slug))
  expect(status, routes.publication(slug)).toBe(200)
  expect(text).toContain(htmlText(title))
}

export async function expectNotFound(slug: string) {
  expect((await fetchPublic(routes.publication(slug))).status, routes.publication(slug)).toBe(404)
}

export async function expectListed(pathname: string, title: string, listed = true) {
  const { status, text } = await fetchPublic(pathname)
  expect(status).toBe(200)
  if (listed) expect(text, `${pathname} lists “${title}”`).toContain(htmlText(title))
  else expect(text, `${pathname} does not list “${title}”`).not.toContain(htmlText(title))
}

function htmlText(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;')
}

// ------------------------------------------------------------------------------------------------
// Browser helpers and page objects

/** Resolves once React has hydrated `locator` (it attaches its props to hydrated DOM nodes). */
export async function hydrated(locator: Locator) {
  await expect
    .poll(() => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactProps'))), {
      message: 'React hydrated the page',
    })
    .toBe(true)
}

export class LoginPage {
  readonly email: Locator
  readonly password: Locator
  readonly submit: Locator
  /** The form's own message (Next's route announcer is an alert too, outside <main>). */
  readonly error: Locator

  constructor(readonly page: Page) {
    this.email = page.getByLabel('Email')
    this.password = page.getByLabel('Password')
    this.submit = page.getByRole('button', { name: 'Sign in', exact: true })
    this.error = page.getByRole('main').getByRole('alert')
  }

  async goto() {
    await this.page.goto(routes.signIn)
    await hydrated(this.submit)
  }

  /** Fills and submits the form; resolves with the credentials callback's response. */
  async signIn(email: string, password: string) {
    await hydrated(this.submit)
    await this.email.fill(email)
    await this.password.fill(password)
    const response = this.page.waitForResponse(
      (r) => r.url().includes('/api/auth/callback/credentials') && r.request().method() === 'POST',
    )
    await this.submit.click()
    return response
  }
}

export async function signInAsAdmin(page: Page) {
  const login = new LoginPage(page)
  await login.goto()
  const response = await login.signIn(E2E_ADMIN.email, E2E_ADMIN.password)
  expect(response.status()).toBe(200)
  await expect(page).toHaveURL(/\/admin$/)
}

export class Dashboard {
  readonly search: Locator
  readonly sort: Locator
  readonly counts: Locator
  readonly status: Locator
  readonly titles: Locator

  constructor(readonly page: Page) {
    this.search = page.getByLabel('Search publications')
    this.sort = page.getByLabel('Sort by')
    this.counts = page.getByRole('main').locator('p.counts')
    this.status = page.getByRole('main').getByRole('status')
    this.titles = page.getByRole('main').getByRole('table').getByRole('rowheader')
  }

  async goto() {
    await this.page.goto(routes.admin)
    await expect(this.page.getByRole('heading', { level: 1, name: 'Publications' })).toBeVisible()
    await hydrated(this.search)
  }

  draftBox(title: string) {
    return this.page.getByRole('checkbox', { name: `Draft: ${title}`, exact: true })
  }

  selectedBox(title: string) {
    return this.page.getByRole('checkbox', { name: `Selected: ${title}`, exact: true })
  }

  row(title: string) {
    return this.page.getByRole('row').filter({ has: this.draftBox(title) })
  }

  button(action: 'Delete' | 'Duplicate', title: string) {
    return this.page.getByRole('button', { name: `${action} ${title}`, exact: true })
  }
}

export class Editor {
  readonly title: Locator
  readonly slug: Locator
  readonly year: Locator
  readonly abstract: Locator
  readonly draft: Locator
  readonly selected: Locator
  readonly save: Locator
  readonly back: Locator
  readonly status: Locator
  readonly errorSummary: Locator
  readonly preview: Locator
  readonly addAuthor: Locator

  constructor(readonly page: Page) {
    const main = page.getByRole('main')
    this.title = main.getByLabel('Title', { exact: true })
    this.slug = main.getByLabel('Slug', { exact: true })
    this.year = main.getByLabel('Year', { exact: true })
    this.abstract = main.getByRole('textbox', { name: 'Abstract' })
    this.draft = main.getByRole('checkbox', { name: 'Draft (hidden from the public site)' })
    this.selected = main.getByRole('checkbox', { name: 'Selected (shown on the home page)' })
    this.save = main.getByRole('button', { name: 'Save', exact: true })
    this.back = main.getByRole('link', { name: 'Back to the list' })
    this.status = main.getByRole('status')
    this.errorSummary = main.getByRole('alert', { name: 'Nothing was saved. Please fix:' })
    this.preview = main.getByRole('region', { name: 'Preview' })
    this.addAuthor = main.getByRole('button', { name: 'Add author' })
  }

  async gotoNew() {
    await this.page.goto(routes.newPublication)
    await hydrated(this.save)
  }

  async gotoEdit(slug: string) {
    await this.page.goto(routes.edit(slug))
    await expect(this.page.getByRole('heading', { level: 1, name: 'Edit publication' })).toBeVisible()
    await hydrated(this.save)
  }

  author(n: number) {
    return new AuthorRow(this.page.getByRole('main').getByRole('group', { name: `Author ${n}`, exact: true }))
  }

  /** Clicks Save and waits for the status line; returns when the click happened. */
  async saveAndExpect(status: string | RegExp): Promise<number> {
    const clicked = Date.now()
    await this.save.click()
    await expect(this.status).toContainText(status)
    return clicked
  }

  editUrl(slug: string) {
    return new RegExp(`/admin/publications/${slug}/edit(\\?|$)`)
  }
}

export class AuthorRow {
  readonly name: Locator
  readonly coFirst: Locator
  readonly corresponding: Locator

  constructor(readonly group: Locator) {
    this.name = group.getByLabel('Name', { exact: true })
    this.coFirst = group.getByRole('checkbox', { name: 'Co-first author (*)' })
    this.corresponding = group.getByRole('checkbox', { name: 'Corresponding author (†)' })
  }

  button(action: 'up' | 'down' | 'remove') {
    return this.group.getByRole('button', {
      name: action === 'remove' ? /^Remove author \d+$/ : new RegExp(`^Move author \\d+ ${action}$`),
    })
  }
}

export type NewPaper = {
  title: string
  year: number
  authors?: string[]
  draft?: boolean
  selected?: boolean
  abstract?: string
}

/**
 * Makes a paper through "New publication" and returns its slug. Public (not a draft) unless
 * asked, so the public pages can be checked.
 */
export async function createPaper(page: Page, paper: NewPaper): Promise<string> {
  const editor = new Editor(page)
  await editor.gotoNew()
  await fillNewPaper(editor, paper)
  await editor.saveAndExpect('Saved and committed.')
  await expect(page).toHaveURL(/\/admin\/publications\/[a-z0-9-]+\/edit\?saved=1$/)
  const slug = /\/admin\/publications\/([a-z0-9-]+)\/edit/.exec(page.url())?.[1]
  if (!slug) throw new Error(`no slug in ${page.url()}`)
  return slug
}

export async function fillNewPaper(editor: Editor, paper: NewPaper) {
  await editor.title.fill(paper.title)
  await editor.year.fill(String(paper.year))
  const authors = paper.authors ?? ['Ada Lovelace']
  for (const [index, name] of authors.entries()) {
    if (index > 0) await editor.addAuthor.click()
    await editor.author(index + 1).name.fill(name)
  }
  await editor.draft.setChecked(paper.draft ?? false)
  await editor.selected.setChecked(paper.selected ?? false)
  if (paper.abstract !== undefined) await editor.abstract.fill(paper.abstract)
}

// ------------------------------------------------------------------------------------------------
// Fixtures

/** A browser context signed in as the admin (its own cookies, so two can edit side by side). */
export async function adminContext(
  browser: Browser,
  storageState: Awaited<ReturnType<BrowserContext['storageState']>>,
): Promise<BrowserContext> {
  return browser.newContext({ baseURL: E2E_BASE_URL, storageState })
}

type WorkerFixtures = { adminState: Awaited<ReturnType<BrowserContext['storageState']>> }
type TestFixtures = { dashboard: Dashboard; editor: Editor; newAdminPage: () => Promise<Page> }

/**
 * `test` for dashboard tests: every page starts signed in as the admin (one sign-in per worker,
 * through the real form), with page objects ready.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  adminState: [
    async ({ browser }, use) => {
      const context = await browser.newContext({ baseURL: E2E_BASE_URL, storageState: undefined })
      const page = await context.newPage()
      await signInAsAdmin(page)
      const state = await context.storageState()
      await context.close()
      await use(state)
    },
    { scope: 'worker' },
  ],
  storageState: async ({ adminState }, use) => use(adminState),
  dashboard: async ({ page }, use) => use(new Dashboard(page)),
  editor: async ({ page }, use) => use(new Editor(page)),
  newAdminPage: async ({ browser, adminState }, use) => {
    const contexts: BrowserContext[] = []
    await use(async () => {
      const context = await adminContext(browser, adminState)
      contexts.push(context)
      return context.newPage()
    })
    for (const context of contexts) await context.close()
  },
})

export { expect }
