// Trustworthy whatever the file (issue 6): problems that do not prevent showing the programme are
// tolerated and reported discreetly; a server error or a refused connection gives a message and
// "Réessayer"; a huge programme (10 000 sessions) and a huge abstract (1 MB) load and stay usable.
// Only behaviour is asserted here: speed figures belong to `make bench`.
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/trust.test.mjs
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { eventually, runPage, useSite } from './lib.mjs'
import { generate, sessionsPerDay } from '../../bench/gen-programme.mjs'

// The built site, the fixtures, and programmes generated for this file in a temporary folder.
const site = useSite({ generated: true })

const text = async locator => ((await locator.textContent()) ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim()
const status = page => text(page.getByRole('status').first())

// A session of the agenda's own format, on 10 February 2026 (Paris), `minutes` after 08:00.
function session (id, minutes, extra = {}) {
  const at = m => {
    const h = String(8 + Math.floor(m / 60)).padStart(2, '0')
    return `2026-02-10T${h}:${String(m % 60).padStart(2, '0')}:00+01:00`
  }
  return { id, title: `Session ${id}`, start: at(minutes), end: at(minutes + 2), room: 'a', ...extra }
}
const programme = sessions => ({
  agenda_format: 1,
  event: { title: 'Generated', time_zone: 'Europe/Paris' },
  rooms: [{ id: 'a', name: 'Salle A' }],
  sessions,
})
const write = (name, value) => site.write(name, value)

describe('tolerated problems', () => {
  it('unknown fields, references and a duplicate id: what is sound is shown, the rest listed in a details panel', async t => {
    await runPage(site, t, {}, async page => {
      await page.goto(`${site.url}?programme=fixtures/bad/tolerated.json`)
      await page.getByRole('heading', { name: 'Unknown speaker' }).waitFor()
      await page.getByRole('heading', { name: 'Unknown theme' }).waitFor()
      // The second session "one" is left out: the first keeps its id.
      assert.equal(await page.getByRole('heading', { name: 'Duplicate id' }).count(), 0)
      assert.equal(await status(page), '2 séances')
      assert.equal(await page.getByRole('alert').count(), 0, 'no alert for a programme that can be shown')
      // The known speaker stays; the unknown one is dropped, not shown as a raw id.
      const card = page.locator('article.agenda-session').filter({ hasText: 'Unknown speaker' })
      assert.match(await text(card), /Ada/)
      assert.doesNotMatch(await text(card), /nobody/)
      // Folded away until asked for.
      const panel = page.locator('details.agenda-warnings')
      assert.equal(await panel.evaluate(d => d.open), false)
      await page.getByText('Éléments du fichier non affichés (4)').click()
      const items = await panel.locator('li').allTextContents()
      assert.equal(items.length, 4, items.join('\n'))
      const all = items.join('\n')
      assert.match(all, /rooms\[1\]\.id \(« Salle A bis »\) : identifiant « a » déjà utilisé/)
      assert.match(all, /sessions\[0\]\.speakers \(« Unknown speaker »\) : intervenant·e inconnu·e « nobody »/)
      assert.match(all, /sessions\[1\]\.theme \(« Unknown theme »\) : thème inconnu « zz »/)
      assert.match(all, /sessions\[2\]\.id \(« Duplicate id »\) : identifiant « one » déjà utilisé : cet élément est ignoré/)
      assert.doesNotMatch(all, /generator|sponsor_level|mood/, 'unknown extra fields are not problems')
    })
  })

  it('the same in English with lang=en', async t => {
    await runPage(site, t, {}, async page => {
      await page.goto(`${site.url}?lang=en&programme=fixtures/bad/tolerated.json`)
      await page.getByRole('heading', { name: 'Unknown theme' }).waitFor()
      assert.equal(await status(page), '2 sessions')
      await page.getByText('Parts of the file not shown (4)').click()
      const all = (await page.locator('details.agenda-warnings li').allTextContents()).join('\n')
      assert.match(all, /sessions\[0\]\.speakers \("Unknown speaker"\): unknown speaker "nobody"/)
      assert.match(all, /sessions\[1\]\.theme \("Unknown theme"\): unknown theme "zz"/)
      assert.match(all, /sessions\[2\]\.id \("Duplicate id"\): id "one" already used: this item is left out/)
    })
  })

  it('one bad session among 200: the 199 others are shown, the bad one reported', async t => {
    const sessions = Array.from({ length: 200 }, (_, i) => session(`s${i}`, i * 3))
    // Number 117 ends before it starts.
    sessions[117] = { ...sessions[117], title: 'Backwards', end: sessions[117].start.replace(/T\d\d/, 'T07') }
    const file = write('two-hundred.json', programme(sessions))
    await runPage(site, t, {}, async page => {
      await page.goto(`${site.url}?programme=${file}`)
      await page.getByRole('heading', { name: 'Session s0', exact: true }).waitFor()
      await eventually(async () => assert.equal(await status(page), '199 séances'))
      // Drawn a few slots at a time, between the visitor's taps: all of them, soon.
      await eventually(async () => assert.equal(await page.locator('article.agenda-session').count(), 199))
      assert.equal(await page.getByRole('heading', { name: 'Backwards' }).count(), 0)
      assert.equal(await page.getByRole('alert').count(), 0)
      await page.getByText('Éléments du fichier non affichés (1)').click()
      assert.match(await text(page.locator('details.agenda-warnings li')),
        /^sessions\[117\]\.end \(« Backwards »\) : la fin n’est pas après le début$/)
    })
  })
})

describe('a server error', () => {
  // The programme's server answers 500, then, once told to, the programme: "Réessayer" fetches
  // again. On the page's own origin (page.route): the Content-Security-Policy (connect-src
  // 'self') refuses another origin before any server could answer.
  const body = JSON.stringify(programme([session('back', 0, { title: 'Back again' })]))
  const SERVER_500 = /Failed to load resource: the server responded with a status of 500/

  for (const [lang, words, retry] of [
    ['fr', /Le serveur du programme a rencontré une erreur \(500\)\. Réessayez dans un instant\./, 'Réessayer'],
    ['en', /The programme's server had an error \(500\)\. Try again in a moment\./, 'Try again'],
  ]) {
    it(`says so (${lang}) and "${retry}" loads the programme once the server is back`, async t => {
      let healthy = false
      let requests = 0
      // The service worker (registered once the page has loaded) would fetch the retry itself,
      // out of page.route's reach.
      await runPage(site, t, { allowConsole: [SERVER_500], serviceWorkers: 'block' }, async page => {
        await page.route('**/failing/programme.json', route => {
          requests++
          return healthy
            ? route.fulfill({ status: 200, contentType: 'application/json', body })
            : route.fulfill({ status: 500, contentType: 'application/json', body: '{"error": "internal"}' })
        })
        await page.goto(`${site.url}?lang=${lang}&programme=failing/programme.json`)
        const alert = page.getByRole('alert')
        await alert.waitFor()
        assert.match(await text(alert), words)
        assert.equal(await page.locator('html').getAttribute('lang'), lang)
        const before = requests
        healthy = true
        await page.getByRole('button', { name: retry }).click()
        await page.getByRole('heading', { name: 'Back again' }).waitFor()
        assert.ok(requests > before, 'the programme was fetched again')
        assert.equal(await page.getByRole('alert').count(), 0)
      })
    })
  }
})

describe('a server that cannot be reached', () => {
  for (const [lang, words, retry] of [
    ['fr', /Le programme n’a pas pu être chargé : le réseau ne répond pas/, 'Réessayer'],
    ['en', /The programme could not be loaded: the network is not answering/, 'Try again'],
  ]) {
    it(`says so (${lang}) with "${retry}"`, async t => {
      await runPage(site, t, { allowConsole: [/ERR_CONNECTION_REFUSED|ERR_FAILED/] }, async page => {
        // The connection is refused (on the page's own origin, as above).
        await page.route('**/unreachable/p.json', route => route.abort('connectionrefused'))
        await page.goto(`${site.url}?lang=${lang}&programme=unreachable/p.json`)
        const alert = page.getByRole('alert')
        await alert.waitFor()
        assert.match(await text(alert), words)
        assert.equal(await page.getByRole('button', { name: retry }).count(), 1)
      })
    })
  }
})

describe('huge input stays usable', () => {
  it('a programme of 10 000 sessions loads, counts them, and a search works', async t => {
    const generated = generate({ sessions: 10000 })
    const file = write('ten-thousand.json', generated)
    const perDay = sessionsPerDay(generated).map(d => d.sessions)
    assert.equal(perDay.reduce((a, b) => a + b, 0), 10000)
    // Grouped by thousands as French writes numbers: "2 500", with a space of some kind.
    const fr = n => String(n).replace(/\B(?=(\d{3})+$)/g, ' ')
    // Waits as long as a loaded 2-core machine may need: what is asserted is that the page gets
    // there and answers, not how fast (that is `make bench`'s).
    const slow = { timeout: 120000 }
    await runPage(site, t, {}, async page => {
      await page.goto(`${site.url}?programme=${file}`)
      const search = page.locator('#agenda-search')
      await search.waitFor(slow)
      // The first day is shown, with its count.
      await eventually(async () => assert.equal(await status(page), `${fr(perDay[0])} séances`), slow)
      // A search looks through every day: the count says how many of the 10 000 match.
      await search.fill('numérique', slow)
      await eventually(async () => assert.match(await status(page), /^[\d ]+ séances? sur 10 000$/), slow)
      const found = Number((await status(page)).split(' sur ')[0].replace(/\D/g, ''))
      assert.ok(found > 0 && found < 10000, `${found} sessions found`)
      await eventually(() => assert.equal(new URL(page.url()).searchParams.get('q'), 'numérique'))
      // The page still answers: the first card found opens its session view (with the keyboard:
      // in the grid, a pointer would land on the sticky room names once the card is scrolled to).
      await page.locator('article.agenda-session:visible h4 a').first().focus()
      await page.keyboard.press('Enter')
      await page.locator('#agenda-detail-title').waitFor(slow)
    })
  })

  it('an abstract of 1 MB: the card and the session view show it, and it can be searched', async t => {
    // Words, so that the text wraps and can be searched; the last one is unique.
    const words = 'programme agenda séance territoire numérique '.repeat(Math.ceil(1_000_000 / 45))
    const abstract = words + 'zyxwvutsrq'
    assert.ok(abstract.length > 1_000_000)
    const file = write('huge-abstract.json', programme([
      session('huge', 0, { title: 'Huge abstract', abstract }),
      session('small', 60, { title: 'Small one' }),
    ]))
    await runPage(site, t, {}, async page => {
      await page.goto(`${site.url}?programme=${file}`)
      await page.getByRole('heading', { name: 'Huge abstract' }).waitFor()
      await eventually(async () => assert.equal(await status(page), '2 séances'))
      await page.locator('#agenda-search').fill('zyxwvutsrq')
      await eventually(async () => assert.equal(await status(page), '1 séance sur 2'))
      await page.getByRole('link', { name: 'Huge abstract' }).click()
      await page.locator('#agenda-detail-title').waitFor()
      const shown = await page.locator('.agenda-detail-text').evaluate(e => e.textContent.length)
      assert.ok(shown >= abstract.length, `the session view shows the whole abstract (${shown} characters)`)
      // No sideways scroll: the long text wraps.
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth])
      assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px viewport`)
    })
  })
})
