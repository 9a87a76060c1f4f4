import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createPaper, expect, head, tag, test } from './support/admin'
import { E2E_REMOTE } from './support/paths'

function remoteHead(): string {
  try {
    return execFileSync('git', ['--git-dir', E2E_REMOTE, 'rev-parse', 'main'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return ''
  }
}

test.describe('pushing to CONTENT_GIT_REMOTE', () => {
  test('pushes each commit; a failed push is reported, keeps the local commit and is retried', async ({
    page,
    dashboard,
    editor,
  }) => {
    await createPaper(page, { title: `Pushed ${tag()}`, year: 2014 })
    await expect.poll(remoteHead, { message: 'the remote has the new commit' }).toBe(head())

    const broken = `${E2E_REMOTE}.unreachable`
    fs.renameSync(E2E_REMOTE, broken)
    try {
      const slug = await createPaper(page, { title: `Unpushed ${tag()}`, year: 2014 })
      const local = head()
      await dashboard.goto()
      await expect(page.getByRole('status').filter({ hasText: 'pushing to' })).toContainText('failed')
      expect(head(), 'the local commit stays').toBe(local)
      await editor.gotoEdit(slug)
    } finally {
      fs.renameSync(broken, E2E_REMOTE)
    }

    // The next commit pushes everything that is waiting.
    await editor.title.fill(`Pushed again ${tag()}`)
    await editor.saveAndExpect('Saved and committed.')
    await expect.poll(remoteHead, { message: 'the remote caught up' }).toBe(head())
    await dashboard.goto()
    await expect(page.getByRole('status').filter({ hasText: 'pushing to' })).toHaveCount(0)
  })
})
