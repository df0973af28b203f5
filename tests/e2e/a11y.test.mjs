// Accessibility: axe-core (npm, pinned) finds no WCAG 2.x A/AA violation, nor best-practice
// issue, on each view of the agenda, in the light and the dark colour scheme; every control is a
// 44 px touch target on a phone; text at 200 % loses nothing.
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { DESKTOP, PHONE, REPO, RESOURCE_404, appReady, openPage, runPage, useSite } from './lib.mjs'

const AXE = fs.readFileSync(path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

const VIEWS = [
  ['the agenda', ''],
  ['a session', '?session=algorithmes'],
  ['the speakers', '?page=speakers'],
  ['a frab programme over several days', '?programme=fixtures/frab-from-pretalx-democon.json'],
  ['a programme spread over weeks', '?programme=programmes/fabrique-territoire-2021.json'],
  ['the English interface', '?lang=en&session=algorithmes'],
  ['the agenda in English', '?lang=en'],
  ['an error page', '?programme=fixtures/missing.json'],
  ['an error page in English, with the problems listed', '?lang=en&programme=fixtures/bad/all-sessions-broken.json'],
  ['a programme with tolerated problems', '?programme=fixtures/bad/tolerated.json'],
  ['a search with filters open and marks', '?q=territoires&track=Les%20territoires%20sous%20algorithmes'],
  ['a search that finds nothing', '?q=zzzz'],
  ['a frab programme searched over every day', '?programme=fixtures/frab-from-pretalx-democon.json&q=the&room=Gray%20Room'],
  ['the now-and-next panel', '?now=2026-02-10T14:05'],
  // Several rooms: at 1280 px the frab programme is a grid (as 'a frab programme over several
  // days' above already checks), here with one row per room in the panel.
  ['the now-and-next panel over a frab programme as a grid', '?programme=fixtures/frab-from-pretalx-democon.json&now=2020-12-15T11:40'],
  // Drawn by the worker: axe runs once its sessions are in.
  ['a shared selection in Mes favoris, with a clash and free time', '?programme=fixtures/mine.json&fav=1&shared=s1,s2,s4', '.agenda-mine .agenda-session'],
  ['Mes favoris without any', '?fav=1', '.agenda-mine .agenda-empty'],
]

const site = useSite()

for (const scheme of ['light', 'dark']) {
  describe(`axe-core, ${scheme} scheme`, () => {
    for (const [name, query, drawn] of VIEWS) {
      it(`finds no violation on ${name}`, async () => {
        const p = await openPage(site.browser)
        try {
          await p.page.emulateMedia({ colorScheme: scheme })
          await p.page.goto(site.url + query)
          // The app has rendered once the event's h1 (or the error's) is there.
          await appReady(p.page)
          if (drawn) await p.page.locator(drawn).first().waitFor()
          // The scheme is really the one checked: a dark page behind dark text would pass nothing.
          const dark = await p.page.evaluate(() => {
            const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number)
            return r + g + b < 3 * 128
          })
          assert.equal(dark, scheme === 'dark', `the page's background in the ${scheme} scheme`)
          // Evaluated, not added as a script element: the page's CSP refuses inline scripts.
          await p.page.evaluate(AXE)
          const violations = await p.page.evaluate(async tags => {
            const r = await window.axe.run(document, { runOnly: tags })
            return r.violations.map(v => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
          }, TAGS)
          assert.deepEqual(violations, [], `axe-core violations on ${query || '/'}:\n  ${violations.join('\n  ')}`)
          p.assertNoErrors({ allowConsole: [RESOURCE_404] })
        } finally {
          await p.close()
        }
      })
    }
  })
}

// Views with every kind of control: the event's links and panels, search, filters, days, list or
// grid switch, the now-and-next panel, stars, a session's links, the speakers, the error page.
const CONTROL_VIEWS = [
  '',
  '?now=2026-02-10T14:05',
  '?session=algorithmes',
  '?page=speakers',
  '?programme=fixtures/frab-from-pretalx-democon.json',
  '?programme=fixtures/frab-from-pretalx-democon.json&q=the&session=',
  '?programme=programmes/fabrique-territoire-2021.json',
  '?programme=fixtures/bad/hostile.json&session=x%22%20onmouseover%3D%22window.__pwned%3D5',
  '?programme=fixtures/bad/tolerated.json',
  '?programme=fixtures/missing.json',
]

// Every control shown in the page, with the box a finger can hit: a checkbox's is its label; a
// card's title link covers the card (its ::after, absolutely placed); a link within a sentence
// is exempt (WCAG 2.5.5 and 2.5.8: "inline"), and the agenda has none outside programme text.
const targets = page => page.evaluate(() => {
  const out = []
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary')) {
    if (!el.checkVisibility()) continue
    let box = el
    if (el.matches('input[type=checkbox], input[type=radio]') && el.closest('label')) box = el.closest('label')
    let r = box.getBoundingClientRect()
    const after = getComputedStyle(el, '::after')
    if (after.content !== 'none' && after.position === 'absolute' && el.offsetParent) r = el.offsetParent.getBoundingClientRect()
    if (r.width === 0 && r.height === 0) continue
    out.push({ what: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 40)}"`, width: r.width, height: r.height })
  }
  return out
})

describe('touch targets on a phone (360 px)', () => {
  for (const query of CONTROL_VIEWS) {
    it(`every control is at least 44×44 px on ${query || '/'}`, async t => {
      await runPage(site, t, { viewport: PHONE, allowConsole: [RESOURCE_404] }, async page => {
        await page.goto(site.url + query)
        await appReady(page)
        // Open every panel, so that the controls inside are measured too.
        await page.evaluate(() => document.querySelectorAll('details').forEach(d => { d.open = true }))
        const all = await targets(page)
        assert.ok(all.length >= 2, `only ${all.length} controls found`)
        const small = all.filter(c => c.width < 44 - 0.5 || c.height < 44 - 0.5)
          .map(c => `${c.what}: ${c.width.toFixed(0)}×${c.height.toFixed(0)}`)
        assert.deepEqual(small, [], `controls smaller than 44×44 px:\n  ${small.join('\n  ')}`)
      })
    })
  }
})

// Text at 200 % (WCAG 1.4.4), as a visitor's larger default font does it: the root font size
// doubled, at a desktop width, at 640 px (a 1280 px window zoomed to 200 %) and on a phone.
// Nothing scrolls sideways, every control stays within the page (or within a strip that scrolls,
// as the days do), and no two controls overlap.
const TEXT_VIEWS = ['', '?session=algorithmes', '?programme=fixtures/frab-from-pretalx-democon.json&track=Sports',
  '?programme=fixtures/missing.json']

const layoutProblems = page => page.evaluate(() => {
  const problems = []
  const root = document.documentElement
  if (root.scrollWidth > root.clientWidth) problems.push(`page ${root.scrollWidth}px wide in ${root.clientWidth}px`)
  // The box of an element as far as it can be seen: cut by every ancestor that clips or scrolls.
  const seen = el => {
    const r = el.getBoundingClientRect()
    const box = { l: r.left, t: r.top, r: r.right, b: r.bottom, inStrip: false }
    for (let a = el.parentElement; a; a = a.parentElement) {
      const cs = getComputedStyle(a)
      if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue
      const c = a.getBoundingClientRect()
      box.l = Math.max(box.l, c.left); box.t = Math.max(box.t, c.top)
      box.r = Math.min(box.r, c.right); box.b = Math.min(box.b, c.bottom)
      box.inStrip = true
    }
    return box
  }
  const name = el => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30)}"`
  const controls = [...document.querySelectorAll('a[href], button, input:not(label input), summary, label:has(input)')]
    .filter(el => el.checkVisibility())
  for (const el of controls) {
    const r = el.getBoundingClientRect()
    if (!seen(el).inStrip && (r.left < -1 || r.right > root.clientWidth + 1)) problems.push(`${name(el)} outside the page (${r.left | 0}–${r.right | 0})`)
    // A control whose own text does not fit is cut (links wrap, so only the others).
    if (el.tagName !== 'A' && el.scrollWidth > el.clientWidth + 1) problems.push(`${name(el)} cut: ${el.scrollWidth} > ${el.clientWidth}`)
  }
  // Overlaps, line box by line box (a link wrapped around a floated star is not a rectangle).
  for (let i = 0; i < controls.length; i++) {
    for (let j = i + 1; j < controls.length; j++) {
      const [a, b] = [controls[i], controls[j]]
      if (a.contains(b) || b.contains(a)) continue
      const [sa, sb] = [seen(a), seen(b)]
      for (const ra of a.getClientRects()) {
        for (const rb of b.getClientRects()) {
          const w = Math.min(ra.right, rb.right, sa.r, sb.r) - Math.max(ra.left, rb.left, sa.l, sb.l)
          const h = Math.min(ra.bottom, rb.bottom, sa.b, sb.b) - Math.max(ra.top, rb.top, sa.t, sb.t)
          if (w > 1 && h > 1) problems.push(`${name(a)} overlaps ${name(b)} (${w | 0}×${h | 0})`)
        }
      }
    }
  }
  return problems
})

describe('text resized to 200 %', () => {
  for (const width of [DESKTOP.width, 640, PHONE.width]) {
    for (const query of TEXT_VIEWS) {
      it(`loses nothing at ${width} px on ${query || '/'}`, async t => {
        await runPage(site, t, { viewport: { width, height: 800 }, allowConsole: [RESOURCE_404] }, async page => {
          await page.goto(site.url + query)
          await appReady(page)
          const before = await page.locator('#agenda-root h1').first().evaluate(h => parseFloat(getComputedStyle(h).fontSize))
          await page.evaluate(() => { document.documentElement.style.fontSize = '200%' })
          const after = await page.locator('#agenda-root h1').first().evaluate(h => parseFloat(getComputedStyle(h).fontSize))
          assert.ok(after >= before * 1.5, `the heading grew from ${before}px to ${after}px only`)
          const problems = await layoutProblems(page)
          assert.deepEqual(problems, [], problems.join('\n'))
        })
      })
    }
  }
})
