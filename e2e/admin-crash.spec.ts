import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { parsePublication } from '../lib/store/serialize'
import { E2E_PORT, E2E_ROOT } from './support/paths'
import { ServerProcess } from './support/server-process'
import { childEnv, toolEnv } from '../lib/env.mjs'

/**
 * Bursts of saves against the production server, killed with SIGKILL at a random moment, several times.
 * Afterwards every file parses, Contentlayer builds, and each paper holds its last acknowledged
 * version or the one that was being saved when the server died (never a torn or older file).
 */

const ROUNDS = toolEnv().CRASH_ROUNDS
const PAPERS = [
  'how-deep-convolutional-neural-networks-lose-spatial-information-with-training',
  'learning-sparse-features-can-lead-to-overfitting-in-neural-networks',
  'landscape-and-training-regimes-in-deep-learning',
]

type Tracked = { acknowledged: string; inFlight?: string }

test.describe('crash safety', () => {
  test.setTimeout(10 * 60_000)

  test(`${ROUNDS} SIGKILLs during bursts of saves leave every file whole`, async () => {
    const server = new ServerProcess(E2E_PORT + 40, path.join(E2E_ROOT, 'crash'), '.next-e2e-crash')
    server.prepare()
    const publications = path.join(server.contentDir, 'publications')
    const titleOf = (slug: string) =>
      parsePublication(fs.readFileSync(path.join(publications, `${slug}.mdx`), 'utf8')).frontmatter.title
    const tracked = new Map<string, Tracked>(PAPERS.map((slug) => [slug, { acknowledged: titleOf(slug) }]))
    let acknowledgedSaves = 0
    // Saves reach the site from memory and Contentlayer catches up in the background, which a
    // crash can cut off: a restarted server must still show what the files hold.
    const expectSiteShowsFiles = async (start: number) => {
      for (const [slug, paper] of tracked) {
        const html = await (await fetch(`${server.origin}/publications/${slug}`)).text()
        // React may close a text node with `<!-- -->` when the page streams.
        expect(html, `${slug}'s page at start ${start}`).toMatch(
          new RegExp(`>${paper.acknowledged.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(<!-- -->)?</h1>`),
        )
      }
    }

    try {
      for (let round = 1; round <= ROUNDS; round++) {
        await server.start()
        await expectSiteShowsFiles(round)
        let alive = true
        const bursts = PAPERS.map(async (slug) => {
          const paper = tracked.get(slug)
          if (!paper) return
          for (let n = 1; alive; n++) {
            try {
              const current = (await (await server.api(`/api/admin/publications/${slug}`)).json()) as {
                version: string
                frontmatter: Record<string, unknown>
                body: string
              }
              const title = `${slug.split('-')[0]} round ${round} save ${n}`
              paper.inFlight = title
              const response = await server.api(`/api/admin/publications/${slug}`, {
                method: 'PUT',
                body: { version: current.version, frontmatter: { ...current.frontmatter, title }, body: current.body },
              })
              if (response.status === 200) {
                paper.acknowledged = title
                paper.inFlight = undefined
                acknowledgedSaves++
              } else expect(response.status, `${slug}: ${await response.text()}`).toBe(409)
            } catch (error) {
              if (error instanceof TypeError) return // fetch failed: the server is gone
              throw error // a refused save (not a conflict) is a failure, not a crash
            }
          }
        })
        // Once saves are being acknowledged (the first waits for the worker to warm up), a random moment.
        const acknowledgedBefore = acknowledgedSaves
        await expect
          .poll(() => acknowledgedSaves, { timeout: 60_000, intervals: [50] })
          .toBeGreaterThan(acknowledgedBefore)
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2000))
        server.crash()
        alive = false
        await Promise.all(bursts)

        for (const name of fs.readdirSync(publications).filter((file) => file.endsWith('.mdx'))) {
          expect(
            () => parsePublication(fs.readFileSync(path.join(publications, name), 'utf8')),
            `${name} after crash ${round}`,
          ).not.toThrow()
        }
        for (const [slug, paper] of tracked) {
          const title = titleOf(slug)
          expect([paper.acknowledged, paper.inFlight], `${slug} after crash ${round}`).toContain(title)
          // Whatever survived is now the version to build on.
          paper.acknowledged = title
          paper.inFlight = undefined
        }
      }

      expect(acknowledgedSaves, 'the bursts really saved between the crashes').toBeGreaterThanOrEqual(ROUNDS)
      console.log(`${acknowledgedSaves} acknowledged saves across ${ROUNDS} crashes`)

      // A last start cleans up what the crashes left (temporary files, a git lock); saving works again.
      await server.start()
      await expectSiteShowsFiles(ROUNDS + 1)
      const current = (await (await server.api(`/api/admin/publications/${PAPERS[0]}`)).json()) as {
        version: string
        frontmatter: Record<string, unknown>
        body: string
      }
      const saved = await server.api(`/api/admin/publications/${PAPERS[0]}`, {
        method: 'PUT',
        body: {
          version: current.version,
          frontmatter: { ...current.frontmatter, title: 'After the crashes' },
          body: current.body,
        },
      })
      expect(saved.status).toBe(200)
      // Wait for the server and its Contentlayer worker to be gone before building the same folder.
      await server.stop()

      const leftovers = fs.readdirSync(publications).filter((name) => !name.endsWith('.mdx'))
      expect(leftovers, 'no temporary files remain').toEqual([])
      const build = spawnSync(process.execPath, ['scripts/contentlayer.mjs'], {
        env: childEnv({ CONTENT_DIR: server.contentDir }),
        encoding: 'utf8',
      })
      expect(build.status, `Contentlayer builds the content:\n${build.stdout}${build.stderr}`).toBe(0)
      execFileSync('git', ['fsck', '--no-progress'], { cwd: server.contentDir, stdio: 'pipe' })
    } finally {
      server.crash()
    }
  })
})
