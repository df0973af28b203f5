// The agenda with the keyboard alone (issue 6, WCAG 2.1.1, 2.4.3, 2.4.7): from the page's load,
// Tab reaches the search box, typing searches, Tab goes on to a favourite's star and Space presses
// it; every stop shows where focus is; the order follows the page; the session view takes focus
// to its heading and gives it back to its link; Escape closes what is open. (Each test starts once
// the app has taken over from the page's pre-rendered view: the keyboard during the hand-over is
// prerender.test.mjs's.)
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/keyboard.test.mjs
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { DESKTOP, PHONE, agendaShown, eventually, runPage, useSite } from './lib.mjs'

const site = useSite()

const status = async page => ((await page.getByRole('status').first().textContent()) ?? '').replace(/\s+/g, ' ').trim()

// What has focus: its tag, id, name, where it is on the page, and whether focus can be seen on
// it (an outline or a box-shadow on it, or on the ::after that makes a card's title link cover
// the card).
const focused = page => page.evaluate(() => {
  const el = document.activeElement
  if (!el || el === document.body) return null
  const ring = style => (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
  const r = el.getBoundingClientRect()
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    name: (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60),
    // A star: its session's id (from its card's title link).
    fav: el.classList.contains('agenda-fav') ? (el.closest('article')?.querySelector('h4 a')?.id ?? '').replace(/^agenda-link-/, '') : null,
    pressed: el.getAttribute('aria-pressed'),
    top: r.top + window.scrollY,
    visible: ring(getComputedStyle(el)) || ring(getComputedStyle(el, '::after')),
  }
})

// Presses Tab until `until(focused)` holds, checking at every stop that focus is visible and that
// it never goes back up the page (a logical order). Returns the stops, the last one included.
async function tabUntil (page, until, { max = 60, shift = false } = {}) {
  const stops = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab')
    const f = await focused(page)
    assert.ok(f, `Tab ${i + 1} left focus on <body>`)
    assert.ok(f.visible, `no visible focus on ${f.tag}#${f.id} "${f.name}"`)
    const last = stops.at(-1)
    // A few pixels of tolerance: items of one row are centred on it, a star sits a little above
    // its card's title.
    if (last && !shift) assert.ok(f.top >= last.top - 12, `focus went back up from "${last.name}" to "${f.name}"`)
    stops.push(f)
    if (until(f)) return stops
  }
  assert.fail(`not reached in ${max} Tabs; stops: ${stops.map(s => s.name).join(' | ')}`)
}

describe('keyboard only', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    it(`Tab to the search, type, Tab to a star, Space (${viewport.width} px)`, async t => {
      await runPage(site, t, { viewport }, async page => {
        await page.goto(site.url)
        await agendaShown(page)
        const toSearch = await tabUntil(page, f => f.id === 'agenda-search')
        // The event's links and the sections come first: the search is reached in a few steps.
        assert.ok(toSearch.length <= 10, `${toSearch.length} Tabs to the search`)
        await page.keyboard.type('territoires')
        await eventually(async () => assert.match(await status(page), /^\d séances? sur 6$/))
        // (The address follows once the answer is on screen.)
        await eventually(async () => assert.equal(new URL(page.url()).searchParams.get('q'), 'territoires'))
        // Onwards to the first session's star (the filters' summary is passed on the way).
        const toStar = await tabUntil(page, f => f.fav !== null)
        assert.ok(toStar.some(f => f.tag === 'summary'), 'the filters are on the way')
        const star = toStar.at(-1)
        assert.equal(star.tag, 'button')
        assert.equal(star.pressed, 'false')
        assert.match(star.name, /^Ajouter « .+ » à mes favoris$/)
        await page.keyboard.press('Space')
        await eventually(async () => {
          const f = await focused(page)
          assert.equal(f.fav, star.fav, 'focus stays on the star')
          assert.equal(f.pressed, 'true')
          assert.match(f.name, /^Retirer « .+ » de mes favoris$/)
          assert.ok(f.visible)
        }, { timeout: 2000 })
        await page.keyboard.press('Enter')
        await eventually(async () => assert.equal((await focused(page)).pressed, 'false'), { timeout: 2000 })
        // The next stop is the same session's title link, which opens it.
        const [link] = (await tabUntil(page, () => true)).slice(-1)
        assert.equal(link.tag, 'a')
        assert.equal(link.id, `agenda-link-${star.fav}`)
      })
    })
  }

  it('the session view takes focus to its heading; Escape and "Retour au programme" give it back to the link', async t => {
    await runPage(site, t, {}, async page => {
      await page.goto(site.url)
      await agendaShown(page)
      // The second session's link: focus must come back to that one, not to the first of the page.
      const link = await tabUntil(page, f => f.id.startsWith('agenda-link-') && f.id !== 'agenda-link-ouverture')
      const title = link.at(-1).name
      for (const close of ['Escape', 'Retour au programme']) {
        await page.keyboard.press('Enter')
        await eventually(async () => {
          const f = await focused(page)
          assert.equal(f?.id, 'agenda-detail-title')
          assert.equal(f.tag, 'h2')
          assert.equal(f.name, title)
        })
        await eventually(() => assert.ok(new URL(page.url()).searchParams.get('session')))
        if (close === 'Escape') {
          await page.keyboard.press('Escape')
        } else {
          // The button is just before the heading.
          const back = await tabUntil(page, () => true, { shift: true, max: 1 })
          assert.equal(back[0].name, '← Retour au programme')
          await page.keyboard.press('Enter')
        }
        await eventually(async () => {
          assert.equal(new URL(page.url()).searchParams.get('session'), null)
          assert.equal((await focused(page))?.id, link.at(-1).id, `focus back on the link after ${close}`)
        })
      }
    })
  })

  it('Escape folds the open filters away and leaves focus on "Filtres"; a checkbox works with Space', async t => {
    await runPage(site, t, {}, async page => {
      await page.goto(site.url)
      await agendaShown(page)
      await tabUntil(page, f => f.tag === 'summary' && f.name === 'Filtres')
      const filters = page.locator('details.agenda-filters')
      await page.keyboard.press('Enter')
      assert.equal(await filters.evaluate(d => d.open), true)
      const box = await tabUntil(page, f => f.tag === 'input', { max: 3 })
      assert.ok(box.at(-1).visible)
      await page.keyboard.press('Space')
      await eventually(async () => assert.match(await status(page), /^\d séances? sur 6$/))
      await page.keyboard.press('Escape')
      assert.equal(await filters.evaluate(d => d.open), false)
      assert.equal((await focused(page))?.name, 'Filtres')
      // The choice stays: folding is not clearing.
      assert.match(await status(page), /^\d séances? sur 6$/)
      // Escape with nothing open changes nothing.
      await page.keyboard.press('Escape')
      assert.equal((await focused(page))?.name, 'Filtres')
    })
  })
})
