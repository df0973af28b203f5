// Embedding (issue 5): a partner's page on another origin (127.0.0.2) embeds the agenda with
// the two lines of the README; the frame is as tall as its content, after load and after a
// search shortens it; a star can be pressed inside; "Ouvrir l'agenda complet" opens a new tab;
// no CSP violation, no uncaught error; axe-core finds nothing in embed mode.
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/embed.test.mjs
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DIST, REPO, eventually, launchBrowser, openPage, screenshot, startServer } from './lib.mjs'

const AXE = fs.readFileSync(path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')
let browser, app, partner, partnerDir

before(async () => {
  ({ browser } = await launchBrowser())
  app = await startServer({ '/': DIST })
  partnerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-partner-'))
  // The partner's page: the README's two lines, with absolute URLs to the agenda's origin.
  fs.writeFileSync(path.join(partnerDir, 'index.html'), `<!doctype html><html lang="fr"><meta charset="utf-8">
<title>Partenaire</title><body style="margin:0;background:#101820;color:#eee">
<h1>Un site partenaire</h1>
<div data-agenda data-programme="${app.url}programme.json" data-theme="dark" data-accent="#ffcf5c"></div>
<script src="${app.url}embed.js" async></script>
<p id="after">Après l’agenda</p></body></html>`)
  partner = await startServer({ '/': partnerDir }, { host: '127.0.0.2' })
})
after(async () => {
  await browser?.close()
  await app?.close()
  await partner?.close()
  if (partnerDir) fs.rmSync(partnerDir, { recursive: true, force: true })
})

const CSP_PROBE = () => {
  window.__csp = []
  document.addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`))
}

async function withPartner (t, body) {
  const p = await openPage(browser)
  try {
    await p.page.addInitScript(CSP_PROBE)
    await p.page.goto(partner.url)
    const frame = p.page.frameLocator('iframe')
    await frame.locator('article.agenda-session').first().waitFor()
    const run = body(p.page, frame, p)
    run.catch(() => {})
    await Promise.race([run, p.pageError])
    for (const f of p.page.frames()) assert.deepEqual(await f.evaluate(() => window.__csp), [], `no CSP violation in ${f.url()}`)
    p.assertNoErrors()
  } catch (e) {
    const file = await screenshot(p.page, `embed-${t.name}`)
    if (file && e && typeof e === 'object') e.message += `\n(screenshot: ${file})`
    throw e
  } finally {
    await p.close()
  }
}

// The frame's height and its document's, in CSS pixels.
async function heights (page) {
  const iframe = page.locator('iframe')
  const outer = (await iframe.boundingBox()).height
  const f = page.frames().find(f => f !== page.mainFrame())
  const inner = await f.evaluate(() => document.documentElement.getBoundingClientRect().height)
  const scrolls = await f.evaluate(() => document.documentElement.scrollHeight > innerHeight + 1)
  return { outer, inner, scrolls }
}

async function sameHeight (page) {
  await eventually(async () => {
    const h = await heights(page)
    assert.ok(Math.abs(h.outer - h.inner) <= 2, `frame ${h.outer}px, content ${h.inner}px`)
    assert.equal(h.scrolls, false, 'no scrolling inside the frame')
  })
  return (await heights(page)).outer
}

describe('embedded in a partner page', () => {
  it('the frame is named, as tall as its content, and follows a search', async t => {
    await withPartner(t, async (page, frame) => {
      const iframe = page.locator('iframe')
      assert.equal(await iframe.getAttribute('title'), 'Programme de l’événement')
      const src = new URL(await iframe.getAttribute('src'))
      assert.equal(src.origin, new URL(app.url).origin)
      assert.equal(src.searchParams.get('embed'), '1')
      assert.equal(src.searchParams.get('programme'), app.url + 'programme.json')
      assert.equal(src.searchParams.get('theme'), 'dark')
      const full = await sameHeight(page)
      // Embed mode: the event's title, not its whole header; the footer goes too.
      await frame.locator('h1.agenda-title').waitFor()
      assert.equal(await frame.locator('.agenda-header .agenda-when').isVisible(), false)
      assert.equal(await frame.locator('.agenda-footer').isVisible(), false)
      await frame.locator('#agenda-search').fill('algorithmes')
      await eventually(async () => assert.ok((await heights(page)).outer < full - 50, 'the frame shrinks with the list'))
      await sameHeight(page)
      // The partner's text after the agenda follows the frame.
      const after = await page.locator('#after').boundingBox()
      const box = await iframe.boundingBox()
      assert.ok(after.y >= box.y + box.height - 1)
    })
  })

  it('a star can be pressed inside the frame; the full agenda opens in a new tab', async t => {
    await withPartner(t, async (page, frame) => {
      const star = frame.locator('button.agenda-fav').first()
      await star.click()
      await eventually(async () => assert.equal(await star.getAttribute('aria-pressed'), 'true'))
      const link = frame.getByRole('link', { name: 'Ouvrir l’agenda complet' })
      assert.equal(await link.getAttribute('target'), '_blank')
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer')
      const href = new URL(await link.getAttribute('href'))
      assert.equal(href.searchParams.get('embed'), null)
      assert.equal(href.searchParams.get('programme'), app.url + 'programme.json')
      // A session opens inside the frame.
      await frame.locator('article.agenda-session h4 a').first().click()
      await frame.locator('article.agenda-detail').waitFor()
      assert.equal(page.url(), partner.url)
      await sameHeight(page)
    })
  })

  it('axe-core finds no violation in embed mode, dark with the partner\'s accent', async t => {
    await withPartner(t, async page => {
      const f = page.frames().find(f => f !== page.mainFrame())
      await f.evaluate(AXE)
      const violations = await f.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] })
        return r.violations.map(v => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
      })
      assert.deepEqual(violations, [])
    })
  })
})

// The accent is kept readable in the light scheme too (a pale yellow is darkened).
describe('embed mode on its own', () => {
  it('axe-core finds no violation with a pale accent in the light scheme', async () => {
    const p = await openPage(browser)
    try {
      await p.page.goto(app.url + '?embed=1&theme=light&accent=%23ffe066')
      await p.page.locator('article.agenda-session').first().waitFor()
      await p.page.evaluate(AXE)
      const violations = await p.page.evaluate(async () => (await window.axe.run(document, { runOnly: ['wcag2aa'] })).violations.map(v => v.id))
      assert.deepEqual(violations, [])
      p.assertNoErrors()
    } finally {
      await p.close()
    }
  })
})
