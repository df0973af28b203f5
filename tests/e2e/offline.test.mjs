// Offline, installable, and no inline script (issue 5; issue 6's Content-Security-Policy): the
// service worker keeps the shell and the last good programme, the page says when it shows a kept
// copy, a new build is offered and never forced, and the manifest makes the app installable.
// Each test serves its own copy of dist/ (the files change under it); "offline" is the browser's
// offline mode and the server stopped, so that neither the page nor its worker can reach it.
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/offline.test.mjs
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DIST, FIXTURES, agendaShown, eventually, firstVisit, launchBrowser, openPage, screenshot, startServer } from './lib.mjs'

let browser
before(async () => { ({ browser } = await launchBrowser()) })
after(async () => { await browser?.close() })

// A copy of dist/ served on 127.0.0.1 (a secure context for service workers), whose files a
// test may change, and stop (the network gone for the page and its worker alike).
async function site () {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-offline-'))
  fs.cpSync(DIST, root, { recursive: true })
  const server = await startServer({ '/': root })
  let stopped = false
  return {
    url: server.url,
    write: (file, text) => fs.writeFileSync(path.join(root, file), text),
    read: file => fs.readFileSync(path.join(root, file), 'utf8'),
    async stop () { stopped = true; await server.close() },
    async close () { if (!stopped) await server.close(); fs.rmSync(root, { recursive: true, force: true }) },
  }
}

// Collects Content-Security-Policy violations from the start of every document.
const CSP_PROBE = () => {
  window.__csp = []
  document.addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`))
}

async function withPage (t, body, options = {}) {
  const s = await site()
  const p = await openPage(browser, options)
  try {
    await p.page.addInitScript(CSP_PROBE)
    const run = body(p.page, s, p)
    run.catch(() => {})
    await Promise.race([run, p.pageError])
    assert.deepEqual(p.errors.page, [], 'no uncaught error')
  } catch (e) {
    const file = await screenshot(p.page, `offline-${t.name}`)
    if (file && e && typeof e === 'object') e.message += `\n(screenshot: ${file})`
    throw e
  } finally {
    await p.close()
    await s.close()
  }
}

const noViolations = async page => assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation')
const status = page => page.locator('#agenda-status')

describe('offline and installable', () => {
  it('the page has a strict Content-Security-Policy, no inline script, and breaks none of it', async t => {
    await withPage(t, async (page, s, p) => {
      await page.goto(s.url + '?q=territoires')
      await agendaShown(page)
      const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content')
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/)
      assert.match(csp, /connect-src 'self'(;|$)/)
      assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/)
      assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script')
      // The grid (style attributes), a session, the frab reader's worker: all under the policy.
      await page.goto(s.url + '?programme=programmes/fing-2015.json')
      await agendaShown(page)
      await page.goto(s.url + '?session=algorithmes')
      await page.locator('article.agenda-detail').waitFor()
      await noViolations(page)
      assert.deepEqual(p.errors.console, [])
    })
  })

  it('is installable: the manifest parses, its icons load, Chromium reports no installability error', async t => {
    await withPage(t, async (page, s, p) => {
      await firstVisit(page, s.url)
      const cdp = await p.context.newCDPSession(page)
      const manifest = await cdp.send('Page.getAppManifest')
      assert.deepEqual(manifest.errors, [], 'the manifest parses')
      const m = JSON.parse(manifest.data)
      assert.equal(m.display, 'standalone')
      assert.equal(m.start_url, './')
      assert.ok(m.icons.some(i => i.sizes === '192x192') && m.icons.some(i => i.sizes === '512x512') && m.icons.some(i => i.purpose === 'maskable'))
      for (const icon of m.icons) {
        const r = await page.request.get(new URL(icon.src, s.url).href)
        assert.equal(r.status(), 200, icon.src)
      }
      // Playwright's contexts are off the record, which alone keeps Chromium from offering to
      // install ("in-incognito"); any other criterion (manifest, icons, worker) would be listed.
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
      assert.deepEqual(installabilityErrors.map(e => e.errorId).filter(id => id !== 'in-incognito'), [])
    })
  })

  it('after one visit, opens offline with the favourites and says when its copy was fetched', async t => {
    await withPage(t, async (page, s, p) => {
      await firstVisit(page, s.url)
      await page.getByRole('button', { name: 'Ajouter « Ouverture » à mes favoris', exact: true }).click()
      await p.context.setOffline(true)
      await s.stop()
      await page.reload()
      await agendaShown(page)
      const star = page.getByRole('button', { name: 'Retirer « Ouverture » de mes favoris', exact: true })
      await eventually(async () => assert.equal(await star.getAttribute('aria-pressed'), 'true'))
      await eventually(async () => assert.match(await status(page).textContent(), /^Hors ligne — programme du \d{1,2} [a-zéû]+ à \d{1,2}:\d\d$/))
      assert.equal(await status(page).locator('p').getAttribute('role'), 'status')
      // In English too, when the visitor switches.
      await page.goto(s.url + '?lang=en')
      await agendaShown(page)
      await eventually(async () => assert.match(await status(page).textContent(), /^Offline — programme of \d{1,2} [A-Z][a-z]+ at \d{1,2}:\d\d$/))
      // A programme never fetched: the clear network error with "Réessayer", not a blank page.
      await page.goto(s.url + '?programme=programmes/fing-2015.json')
      const alert = page.getByRole('alert')
      await alert.waitFor()
      assert.match(await alert.textContent(), /le réseau ne répond pas/)
      assert.equal(await page.getByRole('button', { name: 'Réessayer' }).count(), 1)
      await noViolations(page)
    })
  })

  it('online, a changed programme is shown; a broken one never replaces the good copy', async t => {
    await withPage(t, async (page, s) => {
      await firstVisit(page, s.url)
      s.write('programme.json', s.read('programme.json').replace('"Ouverture"', '"Ouverture officielle"'))
      await page.reload()
      await page.getByRole('heading', { name: 'Ouverture officielle' }).first().waitFor()
      assert.equal(await status(page).textContent(), '', 'no offline notice online')
      // A venue's login page instead of the programme: the kept copy, said to be one, and why
      // (the network answered: not "Hors ligne"; see broken-answers.test.mjs for every case).
      s.write('programme.json', '<!doctype html><title>Wi-Fi</title><p>Connectez-vous')
      await page.reload()
      await page.getByRole('heading', { name: 'Ouverture officielle' }).first().waitFor()
      await eventually(async () => assert.match(await status(page).textContent(), /^Le programme publié est illisible : voici la version du /))
      const kept = await page.evaluate(async () => (await caches.match(new URL('programme.json', location.href).href)).text())
      assert.match(kept, /Ouverture officielle/, 'the good copy is still the kept one')
    }, {})
  })

  it('a new build is offered ("Nouvelle version disponible — Recharger") and only taken when asked', async t => {
    await withPage(t, async (page, s) => {
      await firstVisit(page, s.url)
      s.write('sw.js', s.read('sw.js').replace(/VERSION="[0-9a-f]+"/, 'VERSION="0000000000000000"'))
      await page.reload()
      await agendaShown(page)
      const reload = page.getByRole('button', { name: 'Recharger' })
      await reload.waitFor()
      assert.match(await status(page).textContent(), /^Nouvelle version disponible — Recharger$/)
      // Nothing reloads by itself.
      await page.evaluate(() => { window.__same = true })
      await page.waitForTimeout(1000)
      assert.equal(await page.evaluate(() => window.__same), true)
      const navigated = page.waitForEvent('framenavigated')
      await reload.click()
      await navigated
      await agendaShown(page)
      assert.equal(await page.evaluate(() => window.__same), undefined, 'reloaded when asked')
      await eventually(async () => assert.deepEqual(await page.evaluate(async () => (await caches.keys()).filter(k => k.startsWith('agenda-shell-'))), ['agenda-shell-0000000000000000']))
      assert.equal(await page.getByRole('button', { name: 'Recharger' }).count(), 0)
    })
  })

  // The export reader (a third of the shell) is for frab, pretalx and schedule 2.0 exports only.
  it('the export reader is downloaded only for an export, then kept, across a new version and offline', async t => {
    await withPage(t, async (page, s, p) => {
      const reader = () => page.evaluate(async () => {
        const shell = (await caches.keys()).filter(k => k.startsWith('agenda-shell-'))
        const kept = await Promise.all(shell.map(async k => (await (await caches.open(k)).keys()).map(r => r.url)))
        return { shell, reader: kept.flat().filter(u => /agenda-worker/.test(u)).length }
      })
      await firstVisit(page, s.url)
      assert.equal((await reader()).reader, 0, 'a visit of the default programme keeps no export reader')
      assert.deepEqual(await page.evaluate(() => performance.getEntriesByType('resource').map(e => e.name).filter(u => /agenda-worker/.test(u))), [],
        'nor downloads it')

      s.write('frab.json', fs.readFileSync(path.join(FIXTURES, 'frab-camp2019.json'), 'utf8'))
      const url = `${s.url}?programme=frab.json`
      await page.goto(url)
      await agendaShown(page)
      await eventually(async () => assert.equal((await reader()).reader, 3, 'the reader\'s loader, glue and wasm are kept once used'))

      // A new version: the reader is precached, since an export is kept.
      s.write('sw.js', s.read('sw.js').replace(/VERSION="[0-9a-f]+"/, 'VERSION="0000000000000000"'))
      await page.reload()
      await agendaShown(page)
      const navigated = page.waitForEvent('framenavigated')
      await page.getByRole('button', { name: 'Recharger' }).click()
      await navigated
      await agendaShown(page)
      await eventually(async () => assert.deepEqual(await reader(), { shell: ['agenda-shell-0000000000000000'], reader: 3 }))

      await p.context.setOffline(true)
      await s.stop()
      await page.goto(url)
      await agendaShown(page)
      await eventually(async () => assert.match(await status(page).textContent(), /Hors ligne/))
      assert.ok(await page.getByRole('heading', { level: 1 }).count(), 'the export is read offline by the kept reader')
    })
  })
})
