// Favourites (issue 4, first part): a star on every session, kept in this browser under the
// programme's own key, followed by other tabs, recovered from a damaged value, and kept for the
// visit with a calm notice when the browser refuses storage.
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { useSite, eventually, runPage } from './lib.mjs'

const site = useSite()
const withPage = (t, options, body) => runPage(site, t, options, body)

const KEY = 'agenda:favourites:programme.json'
const star = (page, title) => page.getByRole('button', { name: new RegExp(`« ${title} » (à|de) mes favoris$`) })
const pressed = async (page, title) => (await star(page, title).first().getAttribute('aria-pressed')) === 'true'

async function open (page, query = '') {
  await page.goto(site.url + query)
  await page.locator('article.agenda-session').first().waitFor()
}

describe('favourites', () => {
  it('a star says what it does, is pressed at once, and survives a reload and the session view', async t => {
    await withPage(t, {}, async page => {
      await open(page)
      const add = page.getByRole('button', { name: 'Ajouter « Ouverture » à mes favoris', exact: true })
      assert.equal(await add.getAttribute('aria-pressed'), 'false')
      await add.click()
      const remove = page.getByRole('button', { name: 'Retirer « Ouverture » de mes favoris', exact: true })
      await eventually(async () => assert.equal(await remove.getAttribute('aria-pressed'), 'true'), { timeout: 1000 })
      assert.match(await page.evaluate(k => localStorage.getItem(k), KEY), /"id":"ouverture"/)
      await page.reload()
      await page.locator('article.agenda-session').first().waitFor()
      await eventually(async () => assert.ok(await pressed(page, 'Ouverture'), 'still starred after a reload'))
      // The session's own view shows the same star, pressed; pressing it there takes it away.
      await page.goto(site.url + '?session=ouverture')
      const inView = page.locator('article.agenda-detail').getByRole('button', { name: 'Retirer « Ouverture » de mes favoris', exact: true })
      await eventually(async () => assert.equal(await inView.getAttribute('aria-pressed'), 'true'))
      await inView.click()
      await eventually(async () => assert.doesNotMatch(await page.evaluate(k => localStorage.getItem(k), KEY), /ouverture/))
    })
  })

  it('another open tab follows within a second; another programme has its own', async t => {
    await withPage(t, {}, async (page, p) => {
      await open(page)
      const other = await p.context.newPage()
      await other.goto(site.url)
      await other.locator('article.agenda-session').first().waitFor()
      await star(page, 'Clôture').click()
      await eventually(async () => assert.ok(await pressed(other, 'Clôture'), 'the other tab follows'), { timeout: 1500 })
      await other.goto(site.url + '?programme=programmes/fing-2015.json')
      await other.locator('article.agenda-session').first().waitFor()
      assert.equal(await other.locator('button.agenda-fav[aria-pressed=true]').count(), 0, 'two programmes never share favourites')
    })
  })

  it('a damaged stored value gives back what it can, and the page loads', async t => {
    await withPage(t, {}, async page => {
      await page.addInitScript(k => localStorage.setItem(k, '{"v":1,"items":[{"id":"cloture","lev'), KEY)
      await open(page)
      await eventually(async () => assert.ok(await pressed(page, 'Clôture'), 'the readable id is recovered'))
      assert.equal(await page.getByRole('alert').count(), 0)
    })
  })

  it('storage refused: the stars work for the visit and a calm notice says they will not be kept', async t => {
    await withPage(t, {}, async page => {
      await page.addInitScript(() => {
        Storage.prototype.setItem = function () { throw new DOMException('refused', 'QuotaExceededError') }
      })
      await open(page)
      const notice = page.getByText('vos favoris ne seront pas conservés')
      await notice.waitFor()
      assert.equal(await notice.getAttribute('role'), 'status', 'said calmly, not as an alert')
      await star(page, 'Ouverture').click()
      await eventually(async () => assert.ok(await pressed(page, 'Ouverture'), 'the star still works for the visit'))
    })
  })
})
