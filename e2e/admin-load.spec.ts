import autocannon from 'autocannon'
import { clientAddress, expect, frontmatterOf, tag, test } from './support/admin'
import { E2E_BASE_URL } from './support/paths'
import { postAnnouncing, postSignIn, signInForm } from './support/requests'
import { toolEnv } from '../lib/env.mjs'

/**
 * Mixed traffic on loopback: public pages at 64 connections while the admin saves edits to
 * several papers, some of them from a stale version. No public request may fail, every
 * acknowledged save must be on disk at the end, and stale saves must come back as conflicts.
 * LOAD_SECONDS=60 for the full length.
 */

const SECONDS = toolEnv().LOAD_SECONDS

type Stored = { version: string; frontmatter: Record<string, unknown>; body: string }

test.describe('under load', () => {
  test.setTimeout((SECONDS + 120) * 1000)

  test(`${SECONDS} s of public traffic and concurrent saves lose nothing`, async ({ page }) => {
    const api = page.request
    const slugs: string[] = []
    for (let i = 0; i < 3; i++) {
      const slug = `load-${tag()}`
      const created = await api.post('/api/admin/publications', {
        data: {
          slug,
          frontmatter: { title: `Load ${slug}`, year: 2010, authors: [{ name: 'Ada' }] },
          body: 'Under load, $x$.',
        },
      })
      expect(created.status()).toBe(201)
      slugs.push(slug)
    }
    const paperPath = `/publications/${slugs[0]}`
    const lastAcknowledged = new Map<string, string>()
    let conflicts = 0
    let saves = 0
    const deadline = Date.now() + SECONDS * 1000

    const read = async (slug: string) => (await (await api.get(`/api/admin/publications/${slug}`)).json()) as Stored

    // An editor that always saves over what it just read: each save must be acknowledged.
    const editor = async (slug: string) => {
      for (let n = 1; Date.now() < deadline; n++) {
        const current = await read(slug)
        const title = `Load ${slug} save ${n}`
        const response = await api.put(`/api/admin/publications/${slug}`, {
          data: { version: current.version, frontmatter: { ...current.frontmatter, title }, body: current.body },
        })
        if (response.status() === 200) {
          lastAcknowledged.set(slug, title)
          saves++
        } else {
          // The stale editor below may have won in between: then this is a conflict, never a loss.
          expect(response.status()).toBe(409)
          conflicts++
        }
      }
    }

    // An editor with an old copy: it keeps saving from the version it read first.
    const staleEditor = async (slug: string) => {
      const old = await read(slug)
      while (Date.now() < deadline) {
        const response = await api.put(`/api/admin/publications/${slug}`, {
          data: { version: old.version, frontmatter: { ...old.frontmatter, title: 'Stale overwrite' }, body: old.body },
        })
        if (response.status() === 200) lastAcknowledged.set(slug, 'Stale overwrite')
        else {
          expect(response.status()).toBe(409)
          expect(((await response.json()) as { kind: string }).kind).toBe('conflict')
          conflicts++
        }
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }

    const traffic = Promise.all(
      ['/publications', paperPath, '/'].map((path, index) =>
        autocannon({
          url: `${E2E_BASE_URL}${path}`,
          connections: index === 0 ? 22 : 21,
          duration: SECONDS,
          timeout: 10,
        }),
      ),
    )
    await Promise.all([...slugs.map(editor), staleEditor(slugs[0] ?? '')])
    const results = await traffic

    for (const result of results) {
      expect(result.errors, 'connection errors').toBe(0)
      expect(result.timeouts, 'timeouts').toBe(0)
      expect(result.non2xx, 'non-2xx answers').toBe(0)
      expect(result.requests.total).toBeGreaterThan(0)
    }
    expect(saves, 'saves went through during the load').toBeGreaterThan(3)
    expect(conflicts, 'the stale editor was refused').toBeGreaterThan(0)
    for (const slug of slugs) expect(frontmatterOf(slug).title, slug).toBe(lastAcknowledged.get(slug))
    console.log(
      `${results.reduce((sum, result) => sum + result.requests.total, 0)} public requests, ${saves} saves, ${conflicts} conflicts`,
    )
  })

  test(`a cached page answers within 100 ms while each attack runs`, async ({ page }) => {
    const cached = '/publications/landscape-and-training-regimes-in-deep-learning'
    expect((await fetch(`${E2E_BASE_URL}${cached}`)).status).toBe(200)
    const phaseMs = Math.max(3, SECONDS / 3) * 1000
    type Attack = (until: number) => Promise<number>

    // A client guessing passwords for made-up emails, from addresses of its own.
    const guesser: Attack = async (until) => {
      let count = 0
      for (; Date.now() < until; count++) {
        const response = await postSignIn(E2E_BASE_URL, {
          from: clientAddress(),
          body: signInForm([
            ['email', `nobody-${tag()}@example.org`],
            ['password', 'guess'],
          ]),
        })
        expect([401, 503], `a guess answered ${response.status}`).toContain(response.status)
      }
      return count
    }
    // Endless made-up papers with 8 kB slugs, which must neither be slow nor fill the page cache.
    const madeUpPapers: Attack = async (until) => {
      let count = 0
      for (; Date.now() < until; count++) {
        const response = await fetch(`${E2E_BASE_URL}/publications/${tag().repeat(1_000)}`)
        await response.text()
        expect(response.status).toBe(404)
      }
      return count
    }
    // Bodies announced at 100 MB, and malformed addresses.
    const oversized: Attack = async (until) => {
      let count = 0
      for (; Date.now() < until; count++) {
        expect(
          await postAnnouncing(E2E_BASE_URL, '/api/auth/callback/credentials', {
            'content-length': String(100 * 1024 * 1024),
          }),
        ).toBe(413)
        const malformed = await fetch(`${E2E_BASE_URL}/publications/%ff/cite/ris`)
        await malformed.text()
        expect(malformed.status).toBe(400)
      }
      return count
    }

    // Abstracts that are costly to parse, and a BibTeX paste of 8,000 entries, sent by the admin.
    const costlyBodies: Attack = async (until) => {
      const bodies = ['*a'.repeat(32 * 1024), '>'.repeat(40 * 1024)]
      const paste = Array.from(
        { length: 8_000 },
        (_, n) => `@article{k${n}, title = {T ${n}}, author = {A}, year = 2020}`,
      ).join('\n')
      let count = 0
      for (; Date.now() < until; count++) {
        const body = bodies[count % bodies.length] ?? ''
        const saved = await page.request.post('/api/admin/publications', {
          data: {
            slug: `costly-${tag()}`,
            frontmatter: { title: 'Costly', year: 2012, authors: [{ name: 'Ada' }] },
            body,
          },
        })
        expect(saved.status(), 'a costly body is refused on its field').toBe(422)
        const imported = await page.request.post('/api/admin/import', { data: { bibtex: paste } })
        expect(imported.status()).toBeLessThan(500)
      }
      return count
    }

    const probe = async (until: number) => {
      const latencies: number[] = []
      while (Date.now() < until) {
        const start = performance.now()
        const response = await fetch(`${E2E_BASE_URL}${cached}`)
        await response.arrayBuffer()
        latencies.push(performance.now() - start)
        expect(response.status).toBe(200)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      return latencies.sort((a, b) => a - b)
    }

    const phases: [string, Attack[]][] = [
      ['four clients guessing passwords', [guesser, guesser, guesser, guesser]],
      ['two clients asking for made-up papers', [madeUpPapers, madeUpPapers]],
      ['oversized bodies and malformed addresses', [oversized]],
      ['costly abstracts and a huge BibTeX paste', [costlyBodies]],
    ]
    for (const [name, attackers] of phases) {
      const until = Date.now() + phaseMs
      const [latencies, ...counts] = await Promise.all([probe(until), ...attackers.map((attack) => attack(until))])
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Infinity
      console.log(
        `cached page during ${name}: p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms over ${latencies.length} requests; ${counts.join(' + ')} attacks`,
      )
      expect(
        counts.reduce((sum, count) => sum + count, 0),
        `${name}: the attackers were answered`,
      ).toBeGreaterThan(0)
      expect(at(0.95), `p95 of the cached page during ${name}`).toBeLessThanOrEqual(100)
    }
    // The admin's session is still good afterwards.
    expect((await page.request.get('/api/admin/publications')).status()).toBe(200)
  })
})
