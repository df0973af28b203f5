// Accessibility: axe-core (npm, pinned) finds no WCAG 2.x A/AA violation, nor best-practice
// issue, on each view of the agenda, in the light and the dark colour scheme.
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { REPO, RESOURCE_404, openPage, useSite } from './lib.mjs'

const AXE = fs.readFileSync(path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

const VIEWS = [
  ['the agenda', ''],
  ['a session', '?session=algorithmes'],
  ['the speakers', '?page=speakers'],
  ['a frab programme over several days', '?programme=fixtures/frab-from-pretalx-democon.json'],
  ['a programme spread over weeks', '?programme=programmes/fabrique-territoire-2021.json'],
  ['the English interface', '?lang=en&session=algorithmes'],
  ['an error page', '?programme=fixtures/missing.json'],
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
          await p.page.locator('h1').first().waitFor()
          if (drawn) await p.page.locator(drawn).first().waitFor()
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
