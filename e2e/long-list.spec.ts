import path from 'node:path'
import { expect, test } from '@playwright/test'
import { E2E_PORT, E2E_ROOT } from './support/paths'
import { gotoHydrated, listedTitles, paper } from './support/public-site'
import { ServerProcess } from './support/server-process'

/**
 * A list longer than PUBLICATIONS_PER_PAGE shows its newest whole years, links to the earlier
 * ones and filters on the server. The five sample papers stand in for a long list here: a
 * server of its own shows two per page (2022 holds two, 2021 three).
 */

const deepConv = paper('How deep convolutional')
const sparse = paper('Learning sparse')
const stability = paper('Relative stability')
const landscape = paper('Landscape and training')
const geometric = paper('Geometric compression')

const server = new ServerProcess(E2E_PORT + 50, path.join(E2E_ROOT, 'long-list'), '.next-e2e-long-list', {
  PUBLICATIONS_PER_PAGE: '2',
})

test.describe('a list longer than one page', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 })
  test.use({ baseURL: server.origin })

  test.beforeAll(async () => {
    test.setTimeout(120_000)
    server.prepare()
    await server.start()
  })
  test.afterAll(async () => {
    await server.stop()
  })

  test('shows the newest years, says how many there are, and links the earlier years', async ({ page, request }) => {
    await page.goto('/publications')
    await expect(listedTitles(page)).toHaveText([deepConv.title, sparse.title])
    await expect(page.getByRole('status').filter({ hasText: 'publications' })).toHaveText('5 publications.')
    await expect(page.getByText('The newest 2 are shown here; earlier years are linked below the list.')).toBeVisible()
    const earlier = page.getByRole('navigation', { name: 'Earlier years' })
    await expect(earlier.getByRole('listitem')).toHaveText(['2021 (3)'])
    // The page carries only what it shows.
    const html = await (await request.get('/publications')).text()
    expect(html).not.toContain(landscape.title)

    await earlier.getByRole('link', { name: '2021' }).click()
    await expect(page).toHaveURL('/publications?year=2021')
    await expect(listedTitles(page)).toHaveText([stability.title, landscape.title, geometric.title])
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('3 publications of 5 match.')
    await expect(page.getByLabel('Year')).toHaveValue('2021')
    await expect(page.getByRole('navigation', { name: 'Earlier years' })).toHaveCount(0)
  })

  test('with JavaScript, a filter reloads the list filtered on the server, across all years', async ({ page }) => {
    await gotoHydrated(page, '/publications')
    await page.getByLabel('Type').selectOption({ label: 'Conference paper' })
    await expect(page).toHaveURL('/publications?type=conference')
    await expect(listedTitles(page)).toHaveText([sparse.title, stability.title])
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('2 publications of 5 match.')

    // Typing does not reload the page under the cursor: the search applies on Enter.
    await gotoHydrated(page, '/publications?type=conference')
    await page.evaluate(() => ((window as unknown as { __samePage?: boolean }).__samePage = true))
    await page.getByLabel('Search').fill('diffeomorphisms')
    // Longer than the pause after which a complete list applies a search: nothing may happen here.
    await page.waitForTimeout(700)
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true)
    await expect(page).toHaveURL('/publications?type=conference')
    await expect(page.getByLabel('Search')).toBeFocused()
    await page.getByLabel('Search').press('Enter')
    await expect(page).toHaveURL('/publications?q=diffeomorphisms&type=conference')
    // In one title, and in the other conference paper's abstract: the server searches abstracts too.
    await expect(listedTitles(page)).toHaveText([sparse.title, stability.title])
  })

  test('a topic link on a paper page opens the list filtered on the server, across years', async ({ page }) => {
    // The paper (2021) is past the first page; the link is a client navigation.
    await gotoHydrated(page, `/publications/${stability.slug}`)
    await page.getByRole('list', { name: 'Topics' }).getByRole('link', { name: 'invariance' }).click()
    await expect(page).toHaveURL('/publications?tag=invariance')
    // Three papers have the topic: 2022's one, then 2021's two linked below.
    await expect(listedTitles(page)).toHaveText([deepConv.title])
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('3 publications of 5 match.')
    await expect(page.getByLabel('Topic')).toHaveValue('invariance')
    await expect(page.getByRole('navigation', { name: 'Earlier years' }).getByRole('listitem')).toHaveText(['2021 (2)'])
  })

  test('without JavaScript, the form filters the same way', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: server.origin })
    const page = await context.newPage()
    await page.goto('/publications')
    await page.getByLabel('Search').fill('neural networks')
    await page.getByRole('button', { name: 'Apply' }).click()
    await expect(page).toHaveURL(/\/publications\?q=neural\+networks(&|$)/)
    // Three papers match over both years: the newest year, then the earlier one linked.
    await expect(listedTitles(page)).toHaveText([deepConv.title, sparse.title])
    await expect(
      page.getByRole('navigation', { name: 'Earlier years' }).getByRole('link', { name: '2021' }),
    ).toHaveAttribute('href', '/publications?q=neural+networks&year=2021')
    await context.close()
  })
})
