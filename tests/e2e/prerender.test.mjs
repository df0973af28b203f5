// The programme before any script (issue 15): index.html carries the default programme's first
// view, drawn at build time by the app's own components (`agenda-check --publish`), shown by
// js/prerender.js at the bare default address only, then handed over to the app.
// - With JavaScript off, the default programme's sessions and speakers are in the page.
// - At any other address (another programme, a language, a session, a day, favourites,
//   embedded), a MutationObserver installed before the first byte never sees the pre-rendered
//   view shown, nor, for another programme, a default programme's title.
// - The takeover shifts nothing (CLS ≤ 0.01, at 360 × 740 and 1280 wide, in the event's zone and
//   in UTC), keeps what the visitor did meanwhile (a panel unfolded, a search typed, focus), and
//   no star pressed meanwhile is lost: it is visibly inactive until the app has taken over.
// - A programme published after the build is what the app shows once it takes over.
// - A second visit, with the service worker in control: the pre-render, then the app.
// The page's wasm is held back by the test where it needs time to act before the takeover.
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/prerender.test.mjs
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { DESKTOP, PHONE, REPO, agendaShown, eventually, firstVisit, runPage, useSite } from './lib.mjs'

const site = useSite()
const DEFAULT = JSON.parse(fs.readFileSync(path.join(REPO, 'public', 'programme.json'), 'utf8'))
const titles = DEFAULT.sessions.map(s => s.title)
const prerendered = page => page.locator('#agenda-prerendered')
const app = page => page.locator('#agenda-root')

// Holds the page's wasm (not the export reader's) until `release()`: the pre-rendered view stays
// while the test acts on it.
async function holdWasm (page) {
  let release
  const held = new Promise(resolve => { release = resolve })
  await page.route(/\/agenda-[0-9a-f]{16}_bg\.wasm$/, async route => { await held; await route.continue() })
  return release
}

// Whether the pre-rendered view is on screen now, and the app's root not.
const showing = page => page.evaluate(() => {
  const pre = document.getElementById('agenda-prerendered')
  return !!pre && pre.checkVisibility() && !document.getElementById('agenda-root').checkVisibility()
})

// Records, from the first byte of every document the page loads, whether the pre-rendered view
// was ever on screen with sessions in it (`wasShown`). An init script: it also sees a page that
// the service worker answers, whose requests a test's routes never see.
const watchShown = page => page.addInitScript(() => {
  window.__shown = false
  new MutationObserver(() => {
    const pre = document.getElementById('agenda-prerendered')
    if (pre && pre.checkVisibility() && pre.querySelector('article')) window.__shown = true
  }).observe(document, { subtree: true, childList: true, attributes: true })
})
const wasShown = page => page.evaluate(() => window.__shown)

// The app has taken over: its first session on screen, the view gone (lib.mjs waits for both).
const takenOver = agendaShown

describe('the programme before any script', () => {
  it('with JavaScript off, the default programme\'s sessions and speakers are in the page', async t => {
    await runPage(site, t, { viewport: PHONE, javaScriptEnabled: false }, async page => {
      await page.goto(site.url)
      for (const title of titles) {
        assert.ok(await page.getByText(title, { exact: true }).filter({ visible: true }).count() >= 1, `${title} shown`)
      }
      const speakers = page.locator('.agenda-session-speakers')
      assert.ok(await speakers.count() >= 4)
      assert.ok(await speakers.first().isVisible())
      assert.match(await speakers.first().textContent(), /\w/)
      assert.equal(await page.getByText('Chargement du programme…').isVisible(), false, 'no endless loading text')
      assert.ok(await page.getByRole('heading', { level: 1, name: DEFAULT.event.title }).isVisible())
    })
  })

  const elsewhere = [
    ['another programme', '?programme=programmes/fing-2015.json', true],
    ['English', '?lang=en', false],
    ['a session', '?session=algorithmes', false],
    ['a day', '?day=2026-02-10', false],
    ['favourites', '?fav=1', false],
    ['embedded', '?embed=1', false],
  ]
  for (const [name, query, other] of elsewhere) {
    it(`never shows the pre-rendered view at another address: ${name} (${query})`, async t => {
      await runPage(site, t, { viewport: PHONE }, async (page, p) => {
        // From the first byte: at each change of the document and each frame, whether the view
        // is on screen, and which of the default programme's titles are (innerText: what is
        // rendered).
        const cdp = await p.context.newCDPSession(page)
        await cdp.send('Page.enable')
        await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
          source: `(() => {
            const titles = ${JSON.stringify(titles)}
            const seen = window.__seen = { shown: 0, titles: [], checks: 0 }
            const check = () => {
              seen.checks++
              const pre = document.getElementById('agenda-prerendered')
              if (document.documentElement && document.documentElement.hasAttribute('data-agenda-prerender')) seen.shown++
              if (pre && pre.checkVisibility()) seen.shown++
              const text = document.body ? document.body.innerText : ''
              for (const t of titles) if (text.includes(t) && !seen.titles.includes(t)) seen.titles.push(t)
            }
            new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
            const frame = () => { check(); requestAnimationFrame(frame) }
            requestAnimationFrame(frame)
          })()`,
        })
        await page.goto(site.url + query)
        if (query === '?fav=1') await page.getByRole('heading', { name: 'Mes favoris' }).waitFor()
        else if (query === '?session=algorithmes') await page.locator('article.agenda-detail').waitFor()
        else await agendaShown(page)
        await page.waitForTimeout(300)
        const seen = await page.evaluate(() => window.__seen)
        assert.ok(seen.checks > 3, 'the observer ran')
        assert.equal(seen.shown, 0, 'the pre-rendered view never shown')
        if (other) assert.deepEqual(seen.titles, [], 'no title of the default programme ever on screen')
        // Gone from the page, so that the app's ids are the only ones.
        assert.equal(await prerendered(page).count(), 0, 'the pre-rendered view is removed')
        const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map(el => el.id))
        assert.deepEqual(ids.filter((id, k) => ids.indexOf(id) !== k), [], 'no id twice')
      })
    })
  }

  const takeovers = [
    ['a phone, in the event\'s zone', { viewport: PHONE }],
    ['a phone, in UTC (the zone differs: the times\' switch)', { viewport: PHONE, timezoneId: 'UTC' }],
    ['1280 wide', { viewport: DESKTOP }],
  ]
  for (const [name, options] of takeovers) {
    it(`the takeover shifts nothing: ${name}`, async t => {
      await runPage(site, t, options, async page => {
        await page.addInitScript(() => {
          window.__cls = 0
          new PerformanceObserver(list => {
            for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value
          }).observe({ type: 'layout-shift', buffered: true })
        })
        const release = await holdWasm(page)
        await page.goto(site.url)
        await prerendered(page).locator('article.agenda-session').first().waitFor()
        assert.ok(await showing(page), 'the pre-rendered view is shown, the app not')
        // Where the title, the times' line and the sessions are, before and after.
        const places = scope => page.evaluate(scope => {
          const root = document.querySelector(scope)
          return [...root.querySelectorAll('h1, .agenda-tz, .agenda-search input, h4.agenda-session-title, .agenda-fav')]
            .filter(el => el.checkVisibility())
            .slice(0, 12)
            // Where each starts and how tall: a line's width may change as text fills in (the
            // visitor's zone named beside "Afficher mes heures locales") without moving anything.
            .map(el => { const r = el.getBoundingClientRect(); return `${el.localName}.${el.className} ${Math.round(r.x)},${Math.round(r.y)} height ${Math.round(r.height)} ${el.textContent.trim().slice(0, 30)}` })
        }, scope)
        const before = await places('#agenda-prerendered')
        release()
        await takenOver(page)
        await page.waitForTimeout(600)
        const after = await places('#agenda-root')
        // The stars' look changes (inactive, then active); nothing moves.
        const strip = list => list.map(l => l.replace(/^button\.agenda-fav /, 'star '))
        assert.deepEqual(strip(after), strip(before), 'the same things at the same places')
        const cls = await page.evaluate(() => window.__cls)
        assert.ok(cls <= 0.01, `cumulative layout shift ${cls}`)
      })
    })
  }

  it('keeps what the visitor did meanwhile, and no star pressed then is lost', async t => {
    await runPage(site, t, { viewport: PHONE }, async page => {
      const release = await holdWasm(page)
      await page.goto(site.url)
      const star = prerendered(page).locator('button.agenda-fav').first()
      await star.waitFor()
      // Visibly inactive: disabled, and drawn so.
      assert.ok(await star.isDisabled(), 'the star is disabled until the app takes over')
      assert.ok(Number(await star.evaluate(el => getComputedStyle(el).opacity)) < 0.6, 'and looks it')
      await star.click({ force: true })
      assert.equal(await star.getAttribute('aria-pressed'), 'false', 'a press does nothing there')
      // A panel unfolded, a search typed: the browser's own, before any script.
      await prerendered(page).getByText('Lieu et accès', { exact: true }).click()
      const search = prerendered(page).getByRole('searchbox')
      await search.fill('algorithmes')
      release()
      await takenOver(page)
      const practical = app(page).locator('details.agenda-practical')
      assert.equal(await practical.evaluate(d => d.open), true, 'the panel stays unfolded')
      const searchbox = page.getByRole('searchbox')
      assert.equal(await searchbox.inputValue(), 'algorithmes', 'the search typed stays')
      assert.equal(await searchbox.evaluate(el => el === document.activeElement), true, 'and keeps focus')
      await eventually(async () => assert.equal(await page.locator('article.agenda-session:not([hidden])').count(), 1, 'the search applies'))
      // The app's star works at once.
      const appStar = page.locator('article.agenda-session:not([hidden]) button.agenda-fav').first()
      assert.equal(await appStar.isDisabled(), false)
      await appStar.click()
      assert.equal(await appStar.getAttribute('aria-pressed'), 'true')
    })
  })

  it('shows the programme published after the build once the app takes over', async t => {
    const changed = structuredClone(DEFAULT)
    const renamed = changed.sessions.find(s => s.title === 'Les territoires sous algorithmes')
    assert.ok(renamed, 'the default programme has the session this test renames')
    renamed.title = 'Un titre publié après la construction'
    site.server.answer('/programme.json', { body: JSON.stringify(changed) })
    try {
      await runPage(site, t, { viewport: PHONE }, async page => {
        const release = await holdWasm(page)
        await page.goto(site.url)
        await prerendered(page).getByRole('heading', { name: 'Les territoires sous algorithmes' }).waitFor()
        release()
        await takenOver(page)
        assert.ok(await page.getByRole('heading', { name: renamed.title }).isVisible(), 'the published title')
        assert.equal(await page.getByRole('heading', { name: 'Les territoires sous algorithmes' }).count(), 0, 'the built-in one is gone')
      })
    } finally {
      site.server.answer('/programme.json', null)
    }
  })

  // A visitor who keeps favourites would see the view's stars all off until the app takes over:
  // the app draws at once for them; every star taken back (an empty list) is a fresh visitor.
  for (const [name, stored, shown] of [
    ['a visitor with a favourite kept: the app, never the view with the star off', '{"v":1,"items":[{"id":"algorithmes","level":"sure"}]}', false],
    ['the first format, a bare list of ids', '["algorithmes"]', false],
    ['every star taken back: the pre-rendered view, as for a fresh visitor', '{"v":1,"items":[]}', true],
  ]) {
    it(name, async t => {
      await runPage(site, t, { viewport: PHONE }, async page => {
        await page.addInitScript(stored => localStorage.setItem('agenda:favourites:programme.json', stored), stored)
        await watchShown(page)
        await page.goto(site.url)
        await takenOver(page)
        assert.equal(await wasShown(page), shown, shown ? 'the pre-rendered view was shown' : 'the pre-rendered view never showed')
        const star = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Les territoires sous algorithmes' }) }).locator('button.agenda-fav')
        assert.equal(await star.getAttribute('aria-pressed'), String(!shown), 'the star as kept')
      })
    })
  }

  it('a second visit, the service worker in control: the pre-rendered view, then the app', async t => {
    await runPage(site, t, { viewport: PHONE }, async (page, p) => {
      await firstVisit(page, site.url)
      const second = await p.context.newPage()
      // The worker answers the page's requests (a test's routes see none of them): whether the
      // view was shown is recorded from the first byte.
      await watchShown(second)
      const response = await second.goto(site.url)
      assert.ok(response.fromServiceWorker(), 'the page comes from the service worker')
      await takenOver(second)
      assert.equal(await wasShown(second), true, 'the pre-rendered view was shown')
      assert.ok(await second.getByRole('heading', { name: 'Les territoires sous algorithmes' }).isVisible())
      await second.close()
    })
  })
})
