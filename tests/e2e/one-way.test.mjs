// One way to draw (issue 13): every view is made from the one programme the page read, so
// opening a session and coming back on a 1000-session programme fetches nothing (the network is
// cut after the page has loaded); and what the previous release stored in visitors' browsers
// (favourites, the "seen" state, language, layout) and its share links read back unchanged.
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/one-way.test.mjs
import { describe, it, before } from 'node:test'
import assert from 'node:assert/strict'
import { eventually, runPage, useSite } from './lib.mjs'
import { generate } from '../../bench/gen-programme.mjs'

const site = useSite({ generated: true })
before(() => site.write('big.json', generate({ sessions: 1000 })))

const slow = { timeout: 120000 }

describe('one programme read, every view made from it', () => {
  it('opens a session and comes back on 1000 sessions with the network cut, fetching nothing', async t => {
    // The browser's own favicon requests fail too while the service worker, registered once the
    // page has loaded and drawn, is not yet in control: that is not the app's (see below).
    const favicon = /ERR_INTERNET_DISCONNECTED \(at [^)]*\/icon\.svg\)$/
    await runPage(site, t, { allowConsole: [favicon] }, async (page, p) => {
      await page.goto(`${site.url}?programme=gen/big.json`)
      const cards = page.locator('article.agenda-session:visible')
      await eventually(async () => assert.ok(await cards.count() >= 20, 'the first day is drawn'), slow)
      // Everything the page will ever need is here: from now on, no request may leave it.
      const requests = []
      // (The browser asks for the favicon again as the title changes: that is not the app's.)
      page.on('request', r => { if (!r.url().endsWith('/icon.svg')) requests.push(r.url()) })
      await p.context.setOffline(true)
      const link = cards.nth(2).locator('h4 a')
      const title = (await link.textContent()).trim()
      const id = await link.getAttribute('id')
      await link.click()
      const heading = page.locator('#agenda-detail-title')
      await heading.waitFor(slow)
      assert.equal((await heading.textContent()).trim(), title, 'the session clicked, from the programme held')
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'agenda-detail-title', 'focus on its title')
      await page.getByRole('button', { name: 'Retour au programme' }).click()
      await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), id), slow)
      assert.equal(await page.locator('#agenda-detail-title').count(), 0, 'the session view is gone')
      assert.ok(await cards.count() >= 20, 'the agenda is back as it was')
      // Mes favoris and the speakers, made from the same programme.
      await page.getByRole('button', { name: new RegExp(`^Ajouter « ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} » à mes favoris$`) }).click()
      await page.getByRole('link', { name: 'Mes favoris', exact: true }).click()
      await page.locator('.agenda-mine article.agenda-session').first().waitFor(slow)
      await page.getByRole('link', { name: 'Intervenantes et intervenants', exact: true }).click()
      await page.locator('.agenda-speaker').first().waitFor(slow)
      assert.deepEqual(requests, [], 'no request after the page loaded')
    })
  })
})

describe('a search on 1000 sessions', () => {
  // What the search and filters change is set at once for the answer's first screen, in the
  // input's own frame, and for the other cards in short tasks after it.
  const fold = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  // The same `fold` in the page: its source, passed along.
  const type = (page, q) => page.evaluate(([q, src]) => new Promise(resolve => {
    const fold = new Function(`return ${src}`)()
    const box = document.querySelector('input[type=search]')
    box.value = q
    box.dispatchEvent(new InputEvent('input', { bubbles: true }))
    // The frame that follows the input: the cards on screen are the answer's.
    requestAnimationFrame(() => resolve([...document.querySelectorAll('article.agenda-session')]
      .filter(a => { const r = a.getBoundingClientRect(); return a.checkVisibility() && r.bottom > 0 && r.top < innerHeight })
      .map(a => ({ found: fold(a.textContent).includes(fold(q)), title: a.querySelector('h4').textContent }))))
  }), [q, fold.toString()])
  const whole = async (page, q) => {
    const status = page.getByRole('status').filter({ hasText: /séances? sur/ })
    await eventually(async () => {
      const n = Number((await status.textContent()).replace(/\D+sur[\s\S]*$/, '').replace(/\D/g, ''))
      const shown = await page.locator('article.agenda-session:visible').allTextContents()
      assert.equal(shown.length, n, `every card found shown (${n}), no other`)
      assert.deepEqual(shown.filter(t => !fold(t).includes(fold(q))), [], `each card shown has "${q}"`)
    }, slow)
  }

  it('shows the first screen of the answer in the input frame, and the whole answer after', async t => {
    await runPage(site, t, {}, async page => {
      await page.goto(`${site.url}?programme=gen/big.json`)
      const cards = page.locator('article.agenda-session')
      // Every card drawn first: the whole answer is then every card found.
      await eventually(async () => assert.equal(await cards.count(), 1000), slow)
      const first = await type(page, 'numerique')
      assert.ok(first.length > 0, 'cards on the first screen')
      assert.deepEqual(first.filter(c => !c.found), [], 'none that the search does not find')
      await whole(page, 'numerique')
      // Another search while the change before (the search cleared) is still being shown: the
      // last one wins.
      await type(page, '')
      const again = await type(page, 'communs')
      assert.deepEqual(again.filter(c => !c.found), [], 'the first screen of the last search')
      await whole(page, 'communs')
    })
  })
})

describe("what the previous release stored reads back unchanged", () => {
  it('favourites, the seen state, language and layout from localStorage; a share link', async t => {
    await runPage(site, t, {}, async page => {
      await page.goto(site.url + 'programme.schema.json') // same origin, no app: seed its storage
      await page.evaluate(() => {
        localStorage.setItem('agenda:favourites:programme.json',
          '{"v":1,"items":[{"id":"ouverture","level":"sure","start":"2026-02-10T10:00:00+01:00","room":"auditorium","title":"Ouverture"},' +
          '{"id":"algorithmes","level":"maybe","start":"2026-02-10T10:15:00+01:00","room":"auditorium","title":"Les territoires sous algorithmes"}]}')
        localStorage.setItem('agenda-lang', 'en')
        localStorage.setItem('agenda-layout', 'list')
      })
      await page.goto(site.url)
      await page.locator('article.agenda-session').first().waitFor(slow)
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the language chosen')
      assert.equal(await page.locator('#agenda-list').getAttribute('data-layout'), 'list', 'the layout chosen')
      for (const title of ['Ouverture', 'Les territoires sous algorithmes']) {
        const star = page.getByRole('button', { name: `Remove “${title}” from my favourites`, exact: true })
        assert.equal(await star.getAttribute('aria-pressed'), 'true', `${title} still a favourite`)
      }
      // The seen state as stored: one session's fingerprint changed, then a new visit.
      const seen = await page.evaluate(() => localStorage.getItem('agenda:seen:programme.json'))
      assert.match(seen, /^accueil\t[0-9a-f]+\nouverture\t[0-9a-f]+\n/, 'one "id<TAB>hash" line per session')
      await page.evaluate(s => localStorage.setItem('agenda:seen:programme.json', s.replace(/^(ouverture\t)[0-9a-f]+$/m, '$1abc')), seen)
      await page.reload()
      await page.locator('article.agenda-session').first().waitFor(slow)
      const modified = page.locator('article.agenda-session:has(.agenda-modified) h4')
      await eventually(async () => assert.deepEqual(await modified.allTextContents(), ['Ouverture']))
      // A share link of the previous release: a favourite and a "maybe".
      await page.goto(site.url + '?fav=1&shared=dependances,~sociabilites')
      await page.getByRole('heading', { name: 'Shared selection' }).waitFor(slow)
      const shared = (await page.locator('.agenda-mine article.agenda-session h4').allTextContents()).map(s => s.trim())
      assert.equal(shared.length, 2, shared.join(' | '))
      assert.match(shared[0], /^Maîtriser nos dépendances/)
      assert.match(shared[1], /^Sociabilités numériques/)
    })
  })
})
