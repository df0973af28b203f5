// Finding a session (issue 3): the search box, the filters and their counts, "Tout effacer", the
// empty result, and the URL as the state (shared, reloaded, back and forward).
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { DESKTOP, PHONE, appReady, useSite, eventually, runPage } from './lib.mjs'

const site = useSite()

const withPage = (t, viewport, body) => runPage(site, t, { viewport }, body)

const DEMOCON = 'programme=fixtures/frab-from-pretalx-democon.json'
const THEME_A = 'Les territoires sous algorithmes'
const THEME_B = 'Sociabilités numériques et ancrages locaux'

const searchBox = page => page.getByRole('searchbox', { name: 'Rechercher…', exact: true })
const status = page => page.getByRole('status')
const shownTitles = page => page.locator('article.agenda-session:visible h4').allTextContents()
// What the search highlights: for each range of CSS.highlights' "agenda-search", the tag of the
// element it sits in (h4 title, p speakers or abstract) and its text.
const highlighted = page => page.evaluate(() => [...(CSS.highlights.get('agenda-search') ?? [])]
  .map(r => [r.startContainer.parentElement.closest('h4, p')?.tagName, r.toString()]))
const param = (page, name) => new URL(page.url()).searchParams.getAll(name)

// The status text, once it reads `expected` (a string or a RegExp).
async function statusReads (page, expected) {
  await eventually(async () => {
    const text = ((await status(page).textContent()) ?? '').replace(/\s+/g, ' ').trim()
    if (expected instanceof RegExp) assert.match(text, expected)
    else assert.equal(text, expected)
  })
}

async function open (page, query = '') {
  await page.goto(site.url + query)
  await appReady(page)
  await searchBox(page).waitFor()
}

describe('search (desktop)', () => {
  it('ignores case and accents, needs every word, marks what matched and updates the URL in place', async t => {
    await withPage(t, DESKTOP, async page => {
      await open(page)
      await statusReads(page, '6 séances')
      const before = await page.evaluate(() => history.length)
      await searchBox(page).pressSequentially('DEPENDANCES')
      await statusReads(page, '1 séance sur 6')
      assert.deepEqual(await shownTitles(page), ['Maîtriser nos dépendances, les choix numériques des territoires'])
      // The matched word is highlighted in the title, as written there (with its accent): the
      // CSS highlight API's "agenda-search" ranges, inside the title of a shown card.
      await eventually(async () => assert.deepEqual(await highlighted(page), [['H4', 'dépendances']]))
      await eventually(() => assert.deepEqual(param(page, 'q'), ['DEPENDANCES']))
      assert.equal(await page.evaluate(() => history.length), before, 'typing adds no history entry')
      // Every word, in any order.
      await searchBox(page).fill('territoires numerique')
      await statusReads(page, /^\d séances? sur 6$/)
      for (const title of await shownTitles(page)) {
        const text = (await page.locator('article.agenda-session:visible', { hasText: title }).textContent())
          .normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
        assert.ok(text.includes('territoires') && text.includes('numerique'), `"${title}" has both words`)
      }
      await searchBox(page).fill('numérique territoires')
      const n = await status(page).textContent()
      await searchBox(page).fill('territoires numerique')
      assert.equal(await status(page).textContent(), n, 'word order and accents do not matter')
      // Breaks are not results.
      await searchBox(page).fill('pause')
      await statusReads(page, '0 séance sur 6')
    })
  })

  it('an empty result says so in words and offers to clear; "Tout effacer" clears everything', async t => {
    await withPage(t, DESKTOP, async page => {
      await open(page, `?q=zzzz&track=${encodeURIComponent(THEME_A)}`)
      await statusReads(page, '0 séance sur 6')
      await page.getByText('Aucune séance ne correspond').waitFor()
      assert.equal(await page.locator('article.agenda-session:visible').count(), 0)
      const clear = page.getByRole('button', { name: 'Tout effacer' })
      assert.ok(await clear.count() >= 1)
      await clear.last().click()
      await statusReads(page, '6 séances')
      assert.ok(await page.getByText('Aucune séance ne correspond').isHidden(), 'the empty result is gone')
      await eventually(() => {
        assert.deepEqual(param(page, 'q'), [])
        assert.deepEqual(param(page, 'track'), [])
      })
      assert.equal(await searchBox(page).inputValue(), '')
      // Focus is not lost with the button: it is on the search box.
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'agenda-search')
      assert.equal(await page.getByRole('button', { name: 'Tout effacer' }).count(), 0, 'nothing to clear any more')
    })
  })

  it('stale or unknown values in a shared link are ignored, not an empty page', async t => {
    await withPage(t, DESKTOP, async page => {
      await open(page, '?track=Disparu&room=Nulle%20part&day=2099-01-01&format=&foo=bar&speaker=Personne')
      await statusReads(page, '6 séances')
      assert.equal(await page.locator('article.agenda-session:visible').count(), 6)
      // A theme written without its accents or capitals still works.
      await open(page, '?track=sociabilites%20NUMERIQUES%20et%20ancrages%20locaux')
      await statusReads(page, '1 séance sur 6')
      assert.deepEqual(await shownTitles(page), [THEME_B])
    })
  })
})

describe('filters (desktop)', () => {
  // Drawn (and counted) the first time the panel opens, however it opens: a click on "Filtres",
  // or the browser opening it (find in page), as the pre-rendered view's panel is handed over.
  it('the choices are drawn when the panel first opens, by a click or not, counted as the search stands', async t => {
    await withPage(t, DESKTOP, async page => {
      await open(page, '?q=ancrages')
      await statusReads(page, '1 séance sur 6')
      const panel = page.locator('#agenda-root details.agenda-filters')
      assert.equal(await panel.evaluate(d => d.open), false, 'folded away')
      assert.equal(await panel.locator('input[type=checkbox]').count(), 0, 'no choice drawn while folded away')
      await panel.evaluate(d => { d.open = true })
      const themes = page.getByRole('group', { name: 'Thème' })
      await themes.getByRole('checkbox', { name: new RegExp(`^${THEME_B} \\(1\\)$`) }).waitFor()
      await themes.getByRole('checkbox', { name: new RegExp(`^${THEME_A} \\(0\\)$`) }).waitFor()
      // Folded and unfolded again: the same choices, once.
      await page.getByText('Filtres', { exact: true }).click()
      await page.getByText('Filtres', { exact: true }).click()
      assert.equal(await themes.getByRole('checkbox', { name: new RegExp(`^${THEME_B}`) }).count(), 1)
    })
  })

  it('add up within a filter, narrow across filters and the search; each option counts', async t => {
    await withPage(t, DESKTOP, async page => {
      await open(page)
      await page.getByText('Filtres', { exact: true }).click()
      const themes = page.getByRole('group', { name: 'Thème' })
      await themes.waitFor()
      const a = themes.getByRole('checkbox', { name: new RegExp(`^${THEME_A} \\(1\\)$`) })
      const b = themes.getByRole('checkbox', { name: new RegExp(`^${THEME_B} \\(1\\)$`) })
      await a.check()
      await statusReads(page, '1 séance sur 6')
      await b.check()
      await statusReads(page, '2 séances sur 6')
      await eventually(() => assert.deepEqual(param(page, 'track'), [THEME_A, THEME_B]))
      assert.deepEqual(await shownTitles(page), [THEME_A, THEME_B])
      // And the search narrows: only THEME_B's session speaks of "ancrages".
      await page.getByRole('searchbox', { name: 'Rechercher…' }).fill('ancrages')
      await statusReads(page, '1 séance sur 6')
      // With that search, the other theme would give nothing: its count says so.
      await themes.getByRole('checkbox', { name: new RegExp(`^${THEME_A} \\(0\\)$`) }).waitFor()
      assert.equal(await themes.getByRole('checkbox', { name: new RegExp(`^${THEME_A} \\(0\\)$`) }).isChecked(), true,
        'a choice stays checked when its count falls to 0')
      await themes.getByRole('checkbox', { name: new RegExp(`^${THEME_B}`) }).uncheck()
      await statusReads(page, '0 séance sur 6')
    })
  })

  it('a shared URL restores the same view; back and forward work between a session and the agenda', async t => {
    await withPage(t, DESKTOP, async page => {
      await open(page, `?q=territoires&track=${encodeURIComponent(THEME_A)}`)
      await statusReads(page, '1 séance sur 6')
      assert.equal(await searchBox(page).inputValue(), 'territoires')
      assert.equal(await page.getByRole('checkbox', { name: new RegExp(`^${THEME_A}`) }).isChecked(), true,
        'the filters open with the chosen theme checked')
      await page.getByRole('link', { name: THEME_A }).first().click()
      await page.getByRole('heading', { level: 2, name: THEME_A }).waitFor()
      await eventually(() => assert.ok(param(page, 'session').length === 1))
      await page.goBack()
      await statusReads(page, '1 séance sur 6')
      assert.equal(await searchBox(page).inputValue(), 'territoires')
      await page.goForward()
      await page.getByRole('heading', { level: 2, name: THEME_A }).waitFor()
      await page.goBack()
      await statusReads(page, '1 séance sur 6')
      await page.reload()
      await statusReads(page, '1 séance sur 6')
      assert.equal(await searchBox(page).inputValue(), 'territoires')
    })
  })

  it('on a programme of several days, a search looks through every day; a day tab narrows it', async t => {
    await withPage(t, DESKTOP, async page => {
      await open(page, `?${DEMOCON}`)
      const first = await page.locator('.agenda-day-section:visible h2').allTextContents()
      assert.equal(first.length, 1, 'without a search, one day')
      await page.getByText('Filtres', { exact: true }).click()
      await page.getByRole('group', { name: 'Salle' }).getByRole('checkbox', { name: /^Gray Room \(\d+\)$/ }).check()
      await statusReads(page, /^\d+ séances? sur 36$/)
      const headings = await page.locator('.agenda-day-section:visible h2').allTextContents()
      assert.ok(headings.length > 1, `results from several days (${headings.join(', ')})`)
      for (const room of await page.locator('article.agenda-session:visible .agenda-room').allTextContents()) {
        assert.equal(room, 'Gray Room')
      }
      const days = page.getByRole('navigation', { name: 'Jours' })
      const all = days.getByRole('link', { name: 'Tous les jours' })
      assert.equal(await all.getAttribute('aria-current'), 'date')
      await days.getByRole('link').nth(1).click()
      await statusReads(page, /^\d+ séances? sur 12$/)
      assert.equal((await page.locator('.agenda-day-section:visible h2').allTextContents()).length, 1)
      await eventually(() => {
        assert.equal(param(page, 'day').length, 1)
        assert.deepEqual(param(page, 'room'), ['Gray Room'], 'the day tab keeps the filters')
      })
      await all.click()
      await statusReads(page, /^\d+ séances? sur 36$/)
    })
  })
})

describe('search on a phone (360 px)', () => {
  it('search and open filters fit without sideways scrolling', async t => {
    await withPage(t, PHONE, async page => {
      await open(page, `?${DEMOCON}`)
      await page.getByText('Filtres', { exact: true }).click()
      await searchBox(page).fill('a')
      await page.locator('.agenda-facet').first().waitFor()
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth])
      assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px viewport`)
    })
  })
})
