// What the page says when the programme's address answers badly, with the service worker in
// control, as it is for every visitor who came once (issue 14): the file was served, so the
// organiser is told what is wrong with it, never sent looking for a network problem.
// - no good copy kept: the page gets the network's answer as it came and says what it says
//   without the service worker (each case is checked both ways), "Réessayer" only where retrying
//   may help (a server error, a 404: as without the worker);
// - a good copy kept: the agenda shows it and says why, in words that are true ("Le programme
//   publié est illisible (erreur 500) : voici la version du …"); "Hors ligne" only when the
//   network failed or did not answer in time; the copy is never replaced by a broken answer.
// The server answers each case in turn at the programme's address (lib.mjs, `answer`).
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/broken-answers.test.mjs
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { DIST, eventually, firstVisit, openPage, screenshot, useSite } from './lib.mjs'

const site = useSite()
const GOOD = fs.readFileSync(path.join(DIST, 'programme.json'), 'utf8')
const HTML = 'text/html; charset=utf-8'
const TEXT = 'text/plain; charset=utf-8'
const DATE = /\d{1,2} [a-zéû]+ à \d{1,2}:\d\d$/
const DATE_EN = /\d{1,2} [A-Z][a-z]+ at \d{1,2}:\d\d$/

// name, the server's answer, what the page says without a copy (French, English), whether
// "Réessayer" is offered then, what it says with a copy (before the copy's date).
const BROKEN = [
  ['a login page (HTML, 200)', { body: '<!doctype html><title>Wi-Fi</title><p>Connectez-vous', type: HTML },
    /Le fichier reçu est une page web \(HTML\), pas un programme JSON/, /The file received is a web page \(HTML\), not a JSON programme/, false,
    'Le programme publié est illisible : voici la version du ', 'The published programme cannot be read: here is the version of '],
  ['an empty file', { body: '' },
    /Le fichier du programme est vide\./, /The programme file is empty\./, false,
    'Le programme publié est illisible : voici la version du ', 'The published programme cannot be read: here is the version of '],
  ['a truncated file', { body: GOOD.slice(0, 600) },
    /Le fichier du programme est incomplet \(coupé ligne 1, colonne \d+\)\./, /The programme file is incomplete \(cut off at line 1, column \d+\)\./, false,
    'Le programme publié est illisible : voici la version du ', 'The published programme cannot be read: here is the version of '],
  ['null', { body: 'null' },
    /Le fichier du programme contient null au lieu d’un programme\./, /The programme file holds null instead of a programme\./, false,
    'Le programme publié est illisible : voici la version du ', 'The published programme cannot be read: here is the version of '],
  ['{"error":"x"}', { body: '{"error":"x"}' },
    /Ce fichier JSON n’est pas un programme lisible/, /This JSON file is not a readable programme/, false,
    'Le programme publié est illisible : voici la version du ', 'The published programme cannot be read: here is the version of '],
  ['a server error (500)', { status: 500, body: 'Internal Server Error', type: TEXT },
    /Le serveur du programme a rencontré une erreur \(500\)\. Réessayez dans un instant\./, /The programme's server had an error \(500\)\. Try again in a moment\./, true,
    'Le programme publié est illisible (erreur 500) : voici la version du ', 'The published programme cannot be read (error 500): here is the version of '],
  ['not found (404)', { status: 404, body: 'not found\n', type: TEXT },
    /Le programme est introuvable \(erreur 404\) : vérifiez son adresse\./, /The programme was not found \(error 404\): check its address\./, true,
    'Le programme n’est plus à cette adresse (erreur 404) : voici la version du ', 'The programme is no longer at this address (error 404): here is the version of '],
]
const RETRY = { fr: 'Réessayer', en: 'Try again' }
// The browser reports the error statuses it receives; the rest must be silent.
const STATUS_LOGGED = /Failed to load resource: the server responded with a status of (404|500)/

// One page for a group of tests (the service worker installs once), each test run against it
// with a screenshot when it fails.
function usePage (options = {}) {
  const shared = { page: null, p: null }
  before(async () => {
    shared.p = await openPage(site.browser, options)
    shared.page = shared.p.page
    if (options.serviceWorkers !== 'block') await firstVisit(shared.page, site.url)
  })
  after(async () => { await shared.p?.close() })
  shared.run = async (t, body) => {
    // Each test's own errors only.
    for (const list of Object.values(shared.p.errors)) list.length = 0
    try {
      await Promise.race([body(shared.page), shared.p.pageError])
      shared.p.assertNoErrors({ allowConsole: [STATUS_LOGGED] })
    } catch (e) {
      const file = await screenshot(shared.page, `broken-answers-${t.name}`)
      if (file && e && typeof e === 'object') e.message += `\n(screenshot: ${file})`
      throw e
    } finally {
      site.server.answer('/programme.json', null)
    }
  }
  return shared
}

const alert = page => page.getByRole('alert')
const notice = page => page.locator('#agenda-status')
const controlled = page => page.evaluate(() => !!navigator.serviceWorker.controller)

for (const [mode, options] of [['without the service worker', { serviceWorkers: 'block' }], ['with the service worker in control', {}]]) {
  describe(`no good copy kept, ${mode}: the page names the fault of what was served`, () => {
    const shared = usePage(options)
    BROKEN.forEach(([name, reply, fr, en, retry], i) => {
      for (const [lang, words] of [['fr', fr], ['en', en]]) {
        it(`${name} (${lang})`, async t => {
          await shared.run(t, async page => {
            // A programme never served well before: no copy of it anywhere.
            const address = `broken/${i}-${lang}.json`
            site.server.answer('/' + address, reply)
            await page.goto(`${site.url}?${lang === 'en' ? 'lang=en&' : ''}programme=${address}`)
            await alert(page).waitFor()
            assert.equal(await controlled(page), !options.serviceWorkers)
            assert.match(await alert(page).innerText(), words)
            assert.equal(await page.getByRole('button', { name: RETRY[lang] }).count(), retry ? 1 : 0, `"${RETRY[lang]}" offered`)
            assert.equal(await notice(page).textContent(), '', 'no notice of a kept copy')
            site.server.answer('/' + address, null)
          })
        })
      }
    })
  })
}

describe('a good copy kept, with the service worker in control: the copy, and why it is shown', () => {
  const shared = usePage()
  const kept = page => page.evaluate(async () => (await caches.match(new URL('programme.json', location.href).href)).text())

  BROKEN.forEach(([name, reply, , , , fr, en]) => {
    for (const [lang, words, date] of [['fr', fr, DATE], ['en', en, DATE_EN]]) {
      it(`${name} (${lang})`, async t => {
        await shared.run(t, async page => {
          site.server.answer('/programme.json', reply)
          await page.goto(site.url + (lang === 'en' ? '?lang=en' : ''))
          await page.getByRole('heading', { name: 'Ouverture' }).first().waitFor()
          await eventually(async () => assert.equal((await notice(page).textContent()).slice(0, words.length), words))
          assert.match(await notice(page).textContent(), date)
          assert.equal(await notice(page).locator('p').getAttribute('role'), 'status')
          assert.equal(await alert(page).count(), 0, 'no alert: the agenda is shown')
          assert.equal(await page.getByRole('button', { name: RETRY[lang] }).count(), 0)
          // The broken answer did not replace the good copy (a 200 `null` included).
          assert.equal(await kept(page), GOOD)
        })
      })
    }
  })

  // Only a network that fails or does not answer is "Hors ligne".
  for (const [name, reply] of [['the connection fails', { fail: true }], ['no answer in 3.5 s', { hang: true }]]) {
    it(`${name}: "Hors ligne — programme du …"`, async t => {
      await shared.run(t, async page => {
        site.server.answer('/programme.json', reply)
        await page.goto(site.url)
        await page.getByRole('heading', { name: 'Ouverture' }).first().waitFor()
        await eventually(async () => assert.match(await notice(page).textContent(), /^Hors ligne — programme du \d{1,2} [a-zéû]+ à \d{1,2}:\d\d$/))
        assert.equal(await kept(page), GOOD)
      })
    })
  }

  it('the good file again: no notice', async t => {
    await shared.run(t, async page => {
      await page.goto(site.url)
      await page.getByRole('heading', { name: 'Ouverture' }).first().waitFor()
      await page.waitForTimeout(500)
      assert.equal(await notice(page).textContent(), '')
    })
  })
})
