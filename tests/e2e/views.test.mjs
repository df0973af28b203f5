// The list and grid views of the agenda (issue: a grid by room when there are several rooms), the
// switch between them and its memory, the grouping by time slot, and the languages: focus kept
// across the switch, dates and counts in each language's conventions, session content in its own
// language, the choice remembered.
//   node --test --test-concurrency=1 tests/e2e/views.test.mjs
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { DESKTOP, PHONE, useSite, eventually, runPage, agendaShown } from './lib.mjs'

const site = useSite()

const withPage = (t, viewport, body) => runPage(site, t, { viewport }, body)

// Several rooms over several days: the only kind of programme that can be shown as a grid.
const DEMOCON = '?programme=fixtures/frab-from-pretalx-democon.json'

const list = page => page.locator('#agenda-list')
const switchGroup = page => page.getByRole('group', { name: 'Affichage', exact: true })
const button = (page, name) => switchGroup(page).getByRole('button', { name, exact: true })
const status = async page => ((await page.getByRole('status').textContent()) ?? '').replace(/\s+/g, ' ').trim()
// The day shown (a programme of several days shows one at a time).
const day = page => page.locator('.agenda-day-section:visible').first()

async function open (page, query = '') {
  await page.goto(site.url + query)
  await agendaShown(page)
}

// The layout once settled: data-layout, and the switch agreeing with it (exactly one pressed).
// After a click the change must be immediate: pass a short timeout.
async function layoutIs (page, expected, timeout) {
  await eventually(async () => {
    assert.equal(await list(page).getAttribute('data-layout'), expected)
    const pressed = [await button(page, 'Liste').getAttribute('aria-pressed'),
      await button(page, 'Grille').getAttribute('aria-pressed')]
    assert.deepEqual(pressed, expected === 'grid' ? ['false', 'true'] : ['true', 'false'])
  }, timeout ? { timeout } : {})
}
const AT_ONCE = 1000
const stored = page => page.evaluate(() => localStorage.getItem('agenda-layout'))

describe('one room (the default programme)', () => {
  it('is always a list, with no layout switch, even on a wide screen', async t => {
    await withPage(t, DESKTOP, async page => {
      await open(page)
      await eventually(async () => assert.equal(await list(page).getAttribute('data-layout'), 'list'))
      assert.equal(await switchGroup(page).count(), 0, 'no switch when a grid is impossible')
      assert.equal(await page.getByRole('button', { name: 'Grille' }).count(), 0)
    })
  })

  it('groups sessions by start time; a break is a slot without a time heading', async t => {
    await withPage(t, DESKTOP, async page => {
      await open(page)
      const slots = page.locator('.agenda-slot:visible')
      const n = await slots.count()
      assert.ok(n >= 2, `several slots (${n})`)
      let timed = 0
      let previous = ''
      for (let i = 0; i < n; i++) {
        const slot = slots.nth(i)
        const heading = slot.locator('h3.agenda-slot-time')
        if (await heading.count() === 0) continue // a break
        timed++
        const time = (await heading.textContent()).trim()
        assert.match(time, /^\d\d:\d\d$/)
        assert.ok(time > previous, `slots in order (${previous} then ${time})`)
        previous = time
        const cards = slot.locator('article.agenda-session')
        assert.ok(await cards.count() >= 1, `slot ${time} holds cards`)
        assert.equal(await cards.locator('h4 a').count(), await cards.count(), 'each title is a heading holding a link')
        // Each card's own start time is the slot's.
        for (const start of await cards.evaluateAll(cs => cs.map(c => c.querySelector('.agenda-session-when time')?.textContent.trim()))) {
          assert.equal(start, time)
        }
      }
      assert.ok(timed >= 2, 'several timed slots')
      assert.ok(timed < n, 'the default programme has breaks: slots without a time heading')
    })
  })
})

// The agenda's max-width: none in a grid (its columns take the width given), a measure in a list.
const agendaWidth = page => page.locator('#agenda-root .agenda').evaluate(e => getComputedStyle(e).maxWidth)

describe('several rooms on a desktop (1280 px)', () => {
  it('opens as a grid: rooms side by side, time going down', async t => {
    await withPage(t, DESKTOP, async page => {
      await open(page, DEMOCON)
      await layoutIs(page, 'grid')
      assert.equal(await stored(page), null, 'nothing stored without a choice')
      const items = day(page).locator('.agenda-items')
      assert.equal(await items.evaluate(e => getComputedStyle(e).display), 'grid')
      assert.equal(await agendaWidth(page), 'none', 'the grid takes the width it is given')
      // The room names heading the columns are those of the day's sessions.
      const rooms = day(page).locator('.agenda-grid-rooms')
      assert.equal(await rooms.getAttribute('aria-hidden'), 'true', 'a visual aid only: each card names its room')
      assert.ok(await rooms.isVisible())
      const names = await rooms.locator('> span').allTextContents()
      const cardRooms = await day(page).locator('article.agenda-session .agenda-room').allTextContents()
      assert.deepEqual([...names].sort(), [...new Set(cardRooms)].sort())
      assert.ok(names.length >= 2)
      // Each card's place is in its style (custom properties), which the grid's rules read.
      for (const [col, row] of await day(page).locator('article.agenda-session').evaluateAll(cs => cs.map(c => [getComputedStyle(c).gridColumnStart, getComputedStyle(c).gridRowStart]))) {
        assert.ok(col !== 'auto' && row !== 'auto', `each card is placed in the grid (column ${col}, row ${row})`)
      }
      const inRoom = room => day(page).locator('article.agenda-session', { has: page.locator('.agenda-room', { hasText: room }) })
      const a = await inRoom(names[0]).nth(0).boundingBox()
      const a2 = await inRoom(names[0]).nth(1).boundingBox()
      const b = await inRoom(names[1]).nth(0).boundingBox()
      assert.notEqual(a.x, b.x, 'two rooms, two columns')
      assert.ok(a2.y > a.y, 'a later session of the same room sits lower')
    })
  })

  it('"Liste" switches at once, is remembered, and hides the grid', async t => {
    await withPage(t, DESKTOP, async page => {
      await open(page, DEMOCON)
      await layoutIs(page, 'grid')
      await button(page, 'Liste').click()
      await layoutIs(page, 'list', AT_ONCE)
      assert.equal(await stored(page), 'list')
      const items = day(page).locator('.agenda-items')
      assert.notEqual(await items.evaluate(e => getComputedStyle(e).display), 'grid')
      assert.notEqual(await agendaWidth(page), 'none', 'a list keeps its measure')
      assert.ok(await day(page).locator('.agenda-grid-rooms').isHidden(), 'no room names row in a list')
      // A place differs from card to card: in a list, where nothing reads it, no card carries one
      // (a style of its own makes each card's first styling about 2.5 times as costly).
      assert.deepEqual(await day(page).locator('article.agenda-session, .agenda-slot-time').evaluateAll(cs => cs.filter(c => c.style.getPropertyValue('--row')).length), 0)
      await page.reload()
      await page.locator('article.agenda-session').first().waitFor()
      await layoutIs(page, 'list')
      // And back.
      await button(page, 'Grille').click()
      await layoutIs(page, 'grid', AT_ONCE)
      assert.equal(await stored(page), 'grid')
    })
  })

  it('searching still works in a grid', async t => {
    await withPage(t, DESKTOP, async page => {
      await open(page, DEMOCON)
      await layoutIs(page, 'grid')
      await eventually(async () => assert.match(await status(page), /^\d+ séances$/))
      const all = await page.locator('article.agenda-session:visible').count()
      await page.getByRole('searchbox', { name: 'Rechercher…', exact: true }).fill('help-desk')
      await eventually(async () => assert.match(await status(page), /^\d+ séances? sur \d+$/))
      const cards = await page.locator('article.agenda-session:visible').allTextContents()
      assert.ok(cards.length >= 1 && cards.length < all, `${cards.length} of ${all} cards shown`)
      for (const card of cards) assert.match(card, /help-desk/i)
      await layoutIs(page, 'grid')
    })
  })

  it('the switch is reached with Tab and works with Space and Enter', async t => {
    await withPage(t, DESKTOP, async page => {
      await open(page, DEMOCON)
      await layoutIs(page, 'grid')
      const tabTo = async name => {
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press('Tab')
          if (await button(page, name).evaluate(b => b === document.activeElement)) return
        }
        assert.fail(`"${name}" not reached with Tab`)
      }
      await tabTo('Liste')
      await page.keyboard.press('Space')
      await layoutIs(page, 'list', AT_ONCE)
      await tabTo('Grille')
      await page.keyboard.press('Enter')
      await layoutIs(page, 'grid', AT_ONCE)
      assert.equal(await stored(page), 'grid')
    })
  })
})

describe('several rooms on a phone (360 px)', () => {
  it('opens as a list without sideways scroll; "Grille" is remembered', async t => {
    await withPage(t, PHONE, async page => {
      await open(page, DEMOCON)
      await layoutIs(page, 'list')
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth])
      assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px viewport`)
      await button(page, 'Grille').click()
      await layoutIs(page, 'grid', AT_ONCE)
      assert.equal(await stored(page), 'grid')
      await page.reload()
      await page.locator('article.agenda-session').first().waitFor()
      await layoutIs(page, 'grid')
      assert.equal(await day(page).locator('.agenda-items').evaluate(e => getComputedStyle(e).display), 'grid')
    })
  })
})

describe('language switch', () => {
  for (const how of ['click', 'Enter']) {
    it(`keeps focus on the switch (${how})`, async t => {
      await withPage(t, DESKTOP, async page => {
        await open(page)
        const link = page.locator('#agenda-lang-switch')
        assert.equal((await link.innerText()).trim(), 'English')
        if (how === 'click') await link.click()
        else { await link.focus(); await page.keyboard.press('Enter') }
        await eventually(async () => {
          assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
          assert.equal(new URL(page.url()).searchParams.get('lang'), 'en')
          assert.notEqual((await link.innerText()).trim(), 'English')
        })
        // Focus is on the new switch, not lost to <body>.
        await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'agenda-lang-switch'))
      })
    })
  }
})

describe('languages', () => {
  const dayHeading = page => page.locator('h2.agenda-day-heading').first()
  const text = async l => ((await l.textContent()) ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim()
  // The count (the page may have another status: the notice that storage is refused).
  const status = page => text(page.locator('p.agenda-count'))
  const search = async (page, q) => {
    await page.locator('#agenda-search').fill(q)
  }

  for (const [lang, query, date, all, one, html] of [
    ['fr', '', 'mardi 10 février 2026', '6 séances', '1 séance sur 6', 'fr'],
    ['en', '?lang=en', 'Tuesday 10 February 2026', '6 sessions', '1 of 6 sessions', 'en'],
  ]) {
    it(`dates and counts follow the language's conventions (${lang})`, async t => {
      await withPage(t, DESKTOP, async page => {
        await open(page, query)
        assert.equal(await page.evaluate(() => document.documentElement.lang), html)
        assert.equal(await text(dayHeading(page)), date)
        await eventually(async () => assert.equal(await status(page), all))
        // "Ouverture" is the only session whose title holds this word.
        await search(page, 'ouverture')
        await eventually(async () => assert.equal(await status(page), one))
        await search(page, 'zzzz')
        await eventually(async () => assert.equal(await status(page), lang === 'fr' ? '0 séance sur 6' : '0 of 6 sessions'))
      })
    })
  }

  it('session content keeps the language the programme gives it, whatever the interface\'s', async t => {
    await withPage(t, DESKTOP, async page => {
      // The default programme is in French (event.language): read in English, its text stays fr.
      await open(page, '?lang=en')
      const card = page.locator('article.agenda-session').first()
      assert.equal(await card.locator('h4').getAttribute('lang'), 'fr')
      await page.goto(site.url + '?lang=en&session=algorithmes')
      await page.locator('#agenda-detail-title').waitFor()
      assert.equal(await page.locator('#agenda-detail-title').getAttribute('lang'), 'fr')
      assert.equal(await page.locator('.agenda-detail-text').getAttribute('lang'), 'fr')
      // The interface's own words are in English around it.
      await page.getByRole('button', { name: /Back to the programme/ }).waitFor()
      // DemoCon's sessions say they are in English: in the French interface they stay en.
      await open(page, DEMOCON)
      assert.equal(await page.locator('article.agenda-session h4').first().getAttribute('lang'), 'en')
      // pretalx's widget JSON gives each talk its own (content_locale): French and English side
      // by side, each marked.
      await open(page, '?programme=fixtures/pretalx-widget-sample.json')
      const langs = await page.locator('article.agenda-session h4').evaluateAll(hs => [...new Set(hs.map(h => h.lang))].sort())
      assert.deepEqual(langs, ['en', 'fr'])
      // A programme that says nothing of languages: no lang is made up.
      await open(page, '?programme=fixtures/bad/one-bad-session.json')
      assert.equal(await page.locator('article.agenda-session h4[lang]').count(), 0)
    })
  })

  it('the choice made with the switch is remembered for the next visit, and can be undone', async t => {
    await withPage(t, DESKTOP, async page => {
      await open(page)
      await page.locator('#agenda-lang-switch').click()
      await eventually(async () => assert.equal(await page.evaluate(() => document.documentElement.lang), 'en'))
      assert.equal(await page.evaluate(() => localStorage.getItem('agenda-lang')), 'en')
      // A later visit to the bare address is in English, links included.
      await open(page)
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
      await eventually(async () => assert.equal(await status(page), '6 sessions'))
      assert.match(await page.locator('article.agenda-session h4 a').first().getAttribute('href'), /lang=en/)
      // Back to French, remembered too.
      await page.locator('#agenda-lang-switch').click()
      await eventually(async () => assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr'))
      await open(page)
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr')
      await eventually(async () => assert.equal(await status(page), '6 séances'))
      // An address that names a language has the last word.
      await open(page, '?lang=en')
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
    })
  })

  it('with storage refused, the switch still works for the visit', async t => {
    await withPage(t, DESKTOP, async page => {
      await page.addInitScript(() => {
        Storage.prototype.setItem = function () { throw new DOMException('refused', 'QuotaExceededError') }
      })
      await open(page)
      await page.locator('#agenda-lang-switch').click()
      await eventually(async () => assert.equal(await page.evaluate(() => document.documentElement.lang), 'en'))
      await eventually(async () => assert.equal(await status(page), '6 sessions'))
    })
  })
})
