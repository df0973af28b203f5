// A phone in the hand at the venue, and a grid you can read (issue 15): at 360 × 740, sessions'
// titles on the first screen (the default programme, 1000 sessions, during the event, "Mes
// favoris"); "En ce moment" folded when its rooms would push the agenda away; at 1280, no word of
// a visible card title split across two lines (a break after a hyphen is a break between words),
// and a card too short for its title unfolds on hover.
//   node --test --test-concurrency=1 tests/e2e/phone.test.mjs
import { before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { DESKTOP, PHONE, useSite, runPage } from './lib.mjs'
import { generate } from '../../bench/gen-programme.mjs'

const site = useSite({ generated: true })
let big
before(() => { big = site.write('big.json', generate({ sessions: 1000 })) })

const cards = page => page.locator('article.agenda-session')

// The titles of session cards wholly inside the window as it opens (not scrolled).
const titlesOnFirstScreen = page => page.evaluate(() => {
  const h = window.innerHeight
  return [...document.querySelectorAll('article.agenda-session h4, article.agenda-session h3')]
    .filter(t => t.checkVisibility())
    .filter(t => { const r = t.getBoundingClientRect(); return r.top >= 0 && r.bottom <= h && r.height > 0 })
    .map(t => t.textContent.trim())
})

async function firstScreen (page, query) {
  await page.goto(site.url + query)
  await cards(page).first().waitFor()
  // The first screen once the page has settled (nothing appears later above the cards).
  await page.waitForTimeout(500)
  assert.equal(await page.evaluate(() => window.scrollY), 0)
  return titlesOnFirstScreen(page)
}

describe('a phone\'s first screen', () => {
  const cases = [
    ['the default programme', () => ''],
    ['the default programme during the event', () => '?now=2026-02-10T11:00'],
    ['1000 sessions', () => `?programme=${big}`],
    ['1000 sessions during the event', () => `?programme=${big}&now=2027-03-26T11:00`],
  ]
  for (const [name, query] of cases) {
    it(`shows at least three sessions' titles whole: ${name}`, async t => {
      await runPage(site, t, { viewport: PHONE }, async page => {
        const titles = await firstScreen(page, query())
        assert.ok(titles.length >= 3, `titles on the first screen: ${JSON.stringify(titles)}`)
        // The header, the sections and the language come first, in one screen's top.
        assert.ok(await page.getByRole('link', { name: 'Mes favoris', exact: true }).isVisible())
        assert.ok(await page.getByRole('searchbox').isVisible())
      })
    })
  }

  it('keeps the place, the remote link and "À propos" one tap away', async t => {
    await runPage(site, t, { viewport: PHONE }, async page => {
      await firstScreen(page, '')
      const map = page.getByRole('link', { name: /OpenStreetMap/ })
      assert.equal(await map.isVisible(), false, 'folded at first')
      await page.getByText('Lieu et accès', { exact: true }).click()
      assert.ok(await map.isVisible(), 'one tap away')
      assert.ok(await page.getByText(/Sur place et à distance/).isVisible())
    })
  })

  it('folds "En ce moment" into one line, and unfolds it room by room', async t => {
    await runPage(site, t, { viewport: PHONE }, async page => {
      await firstScreen(page, `?programme=${big}&now=2027-03-26T11:00`)
      const heading = page.getByRole('heading', { name: 'En ce moment / À suivre', exact: true })
      assert.ok(await heading.isVisible())
      const rooms = page.locator('.agenda-now li')
      assert.ok(await rooms.count() > 3, 'many rooms under way')
      assert.equal(await rooms.first().isVisible(), false, 'folded at first')
      const jump = page.getByRole('button', { name: 'Aller à maintenant', exact: true })
      await heading.click()
      assert.ok(await rooms.first().isVisible(), 'the rooms unfold')
      assert.ok(await jump.isVisible(), '"Aller à maintenant" comes with them')
    })
  })

  it('shows three favourites on the first screen of "Mes favoris"', async t => {
    await runPage(site, t, { viewport: PHONE }, async page => {
      await firstScreen(page, '')
      const stars = cards(page).getByRole('button', { name: /favori/ })
      for (let i = 0; i < 4; i++) await stars.nth(i).click()
      await page.getByRole('link', { name: 'Mes favoris', exact: true }).click()
      await page.getByRole('heading', { name: 'Mes favoris', level: 2 }).waitFor()
      await page.evaluate(() => window.scrollTo(0, 0))
      const titles = await titlesOnFirstScreen(page)
      assert.ok(titles.length >= 3, `favourites on the first screen: ${JSON.stringify(titles)}`)
      // The calendar, printing and sharing: one tap away.
      const calendar = page.getByRole('button', { name: 'Ajouter mes favoris à mon calendrier' })
      assert.equal(await calendar.isVisible(), false)
      await page.getByText('Calendrier, impression et partage', { exact: true }).click()
      assert.ok(await calendar.isVisible())
    })
  })
})

describe('a grid you can read', () => {
  // Words of the visible cards' titles (the text of each title's link) drawn over two lines: each
  // part between hyphens must stay on one line. Also how many titles were looked at.
  const splitWords = page => page.evaluate(() => {
    const split = []
    let checked = 0
    for (const link of document.querySelectorAll('[data-layout=grid] article h4 a')) {
      const text = link.firstChild
      if (!link.checkVisibility() || text?.nodeType !== Node.TEXT_NODE) continue
      checked++
      for (const m of text.data.matchAll(/[^\s-]+/g)) {
        const range = document.createRange()
        range.setStart(text, m.index)
        range.setEnd(text, m.index + m[0].length)
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)))
        if (lines.size > 1) split.push(m[0])
      }
    }
    return { checked, split }
  })

  for (const [name, query] of [
    ['1000 sessions in 25 rooms', () => `?programme=${big}&view=grid`],
    ['DemoCon (pretalx)', () => '?programme=fixtures/frab-from-pretalx-democon.json&view=grid'],
  ]) {
    it(`breaks titles between words only: ${name}`, async t => {
      await runPage(site, t, { viewport: DESKTOP }, async page => {
        await page.goto(site.url + query())
        await page.locator('[data-layout=grid] article.agenda-session').first().waitFor()
        await page.waitForTimeout(500)
        const shown = await page.locator('[data-layout=grid] article h4').evaluateAll(hs => hs.filter(h => h.checkVisibility()).length)
        assert.ok(shown >= 3, `cards in the grid: ${shown}`)
        assert.deepEqual(await splitWords(page), { checked: shown, split: [] })
      })
    })
  }

  it('unfolds a card too short for its text on hover, its title whole in its name', async t => {
    await runPage(site, t, { viewport: DESKTOP }, async page => {
      await page.goto(site.url + `?programme=${big}&view=grid`)
      await page.locator('[data-layout=grid] article.agenda-session').first().waitFor()
      // A card in view whose content is taller than its box.
      const index = await cards(page).evaluateAll(as => as.findIndex(a => {
        const r = a.getBoundingClientRect()
        return a.checkVisibility() && r.top > 0 && r.bottom < innerHeight && a.scrollHeight > a.clientHeight + 2
      }))
      assert.ok(index >= 0, 'a card too short for its text')
      const card = cards(page).nth(index)
      const [before, needed] = await card.evaluate(a => [a.clientHeight, a.scrollHeight])
      await card.hover()
      const after = await card.evaluate(a => a.getBoundingClientRect().height)
      assert.ok(after >= needed - 1, `unfolded to ${after} px, its text needs ${needed} (was ${before})`)
      const title = (await card.locator('h4').textContent()).trim()
      assert.ok(await card.getByRole('link', { name: title, exact: true }).count() === 1)
    })
  })
})
