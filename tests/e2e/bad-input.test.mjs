// Bad programme files and hostile content, in a real browser: every broken file gives a clear
// message in a role="alert" (never a blank page, never an uncaught error); one bad session among
// good ones is left out and reported discreetly; programme text is always text, links only http(s).
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { RESOURCE_404, openPage, useSite } from './lib.mjs'

const site = useSite()

async function withPage (body, allowConsole = []) {
  const p = await openPage(site.browser)
  try {
    await Promise.race([body(p.page), p.pageError])
    p.assertNoErrors({ allowConsole })
  } finally {
    await p.close()
  }
}

// file → words the alert must contain, in French (the default) and in English (lang=en)
const BROKEN = [
  ['html-page.json', /page web \(HTML\)/, /is a web page \(HTML\), not a JSON programme/],
  ['truncated.json', /incomplet \(coupé ligne 1, colonne \d+\)/, /incomplete \(cut off at line 1, column \d+\)/],
  ['empty.json', /est vide/, /The programme file is empty/],
  ['null.json', /contient null au lieu d’un programme/, /holds null instead of a programme/],
  ['wrong-shape.json', /contient une liste au lieu d’un programme/, /holds a list instead of a programme/],
  ['unknown-format.json', /n’est pas un programme lisible/, /is not a readable programme/],
  ['sessions-not-a-list.json', /ne peut pas être affiché : 1 problème à corriger[^]*sessions : devrait être une liste/,
    /cannot be shown: 1 problem to fix[^]*sessions: should be a list/],
  ['all-sessions-broken.json', /ne peut pas être affiché : 3 problèmes/, /cannot be shown: 3 problems to fix/],
  ['missing.json', /introuvable \(erreur 404\)/, /was not found \(error 404\)/],
]
const UI = {
  fr: { retry: 'Réessayer', back: 'Voir le programme par défaut' },
  en: { retry: 'Try again', back: 'See the default programme' },
}

describe('broken programme files', () => {
  for (const [file, fr, en] of BROKEN) {
    for (const [lang, words] of [['fr', fr], ['en', en]]) {
      it(`${file} (${lang}): an alert says what is wrong`, async () => {
        await withPage(async page => {
          await page.goto(`${site.url}?${lang === 'en' ? 'lang=en&' : ''}programme=fixtures/bad/${file}`)
          const alert = page.getByRole('alert')
          await alert.waitFor()
          assert.match(await alert.innerText(), words)
          assert.equal(await page.locator('html').getAttribute('lang'), lang)
          assert.equal(await page.locator('article.agenda-session').count(), 0)
          // Retrying helps only when the network or the server failed.
          const retry = await page.getByRole('button', { name: UI[lang].retry }).count()
          assert.equal(retry, file === 'missing.json' ? 1 : 0, `"${UI[lang].retry}" offered for ${file}`)
          // A way back to the default programme is always offered.
          assert.equal(await page.getByRole('link', { name: UI[lang].back }).count(), 1)
        }, [RESOURCE_404])
      })
    }
  }

  it('lists every problem with its place for the organiser', async () => {
    await withPage(async page => {
      await page.goto(`${site.url}?programme=fixtures/bad/all-sessions-broken.json`)
      const details = page.getByRole('alert').locator('li')
      await details.first().waitFor()
      const items = await details.allInnerTexts()
      assert.equal(items.length, 3)
      assert.match(items.join('\n'), /sessions\[0\]\.title : champ obligatoire absent/)
      assert.match(items.join('\n'), /sessions\[1\]\.start \(« Impossible »\) : date ou heure illisible/)
      assert.match(items.join('\n'), /sessions\[2\]\.end \(« Backwards »\) : la fin n’est pas après le début/)
    })
  })

  it('lists every problem with its place in English too', async () => {
    await withPage(async page => {
      await page.goto(`${site.url}?lang=en&programme=fixtures/bad/all-sessions-broken.json`)
      const details = page.getByRole('alert').locator('li')
      await details.first().waitFor()
      const items = (await details.allInnerTexts()).join('\n')
      assert.match(items, /sessions\[0\]\.title: required field missing or empty/)
      assert.match(items, /sessions\[1\]\.start \("Impossible"\): unreadable date or time "2026-02-30T10:00:00\+01:00": no such date or time/)
      assert.match(items, /sessions\[2\]\.end \("Backwards"\): the end is not after the start/)
    })
  })
})

describe('a network that never answers', () => {
  for (const [lang, words] of [['fr', /met trop de temps à arriver/], ['en', /is taking too long to arrive/]]) {
    it(`gives up after 15 s with a message and "${UI[lang].retry}", not a spinner forever (${lang})`, async () => {
      // A request accepted and never answered (a saturated venue network), on the page's own
      // origin: the Content-Security-Policy (connect-src 'self') refuses other origins at once.
      await withPage(async page => {
        await page.route('**/silent/programme.json', () => {})
        await page.goto(`${site.url}?lang=${lang}&programme=silent/programme.json`)
        const alert = page.getByRole('alert')
        await alert.waitFor({ timeout: 30000 })
        assert.match(await alert.innerText(), words)
        assert.equal(await page.getByRole('button', { name: UI[lang].retry }).count(), 1)
      })
    })
  }
})

describe('a programme with one bad session', () => {
  it('shows what is sound and reports the rest discreetly', async () => {
    await withPage(async page => {
      await page.goto(`${site.url}?programme=fixtures/bad/one-bad-session.json`)
      await page.getByRole('heading', { name: 'Sound session' }).waitFor()
      await page.getByRole('heading', { name: 'Unknown room' }).waitFor()
      assert.equal(await page.getByRole('heading', { name: 'Backwards' }).count(), 0)
      assert.equal((await page.getByRole('status').innerText()).trim(), '2 séances')
      assert.equal(await page.getByRole('alert').count(), 0, 'no alert for a programme that can be shown')
      const summary = page.getByText('Éléments du fichier non affichés (2)')
      await summary.click()
      assert.match(await page.locator('.agenda-warnings').innerText(), /salle inconnue « zz »/)
    })
  })
})

describe('hostile content', () => {
  it('stays text and runs nothing', async () => {
    await withPage(async page => {
      await page.goto(`${site.url}?programme=fixtures/bad/hostile.json`)
      await page.getByRole('heading', { level: 1 }).waitFor()
      assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), '<img src=x onerror="window.__pwned=1">Hostile')
      const title = page.locator('article.agenda-session h4 a')
      assert.equal((await title.textContent()).trim(), '<b onclick="window.__pwned=6">Bold?</b>')
      await title.hover()
      await page.getByText('<script>window.__pwned=3</script>Eve', { exact: false }).first().waitFor()
      // Open the session: its links are only the http(s) one.
      await title.click()
      await page.getByRole('heading', { level: 2, name: /Bold\?/ }).waitFor()
      const hrefs = await page.locator('a[href]').evaluateAll(as => as.map(a => a.getAttribute('href')))
      assert.ok(hrefs.every(h => !/^\s*(javascript|data):/i.test(h)), `no script link: ${hrefs.join(' ')}`)
      const external = await page.locator('a[href^="https://example.invalid"]').first().getAttribute('rel')
      assert.equal(external, 'noopener noreferrer')
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no programme text ran as code')
      // (The page's own classic script, in <head>, is js/prerender.js.)
      assert.equal(await page.locator('img, svg, script:not([type="module"]):not([src*="prerender-"]), b').count(), 0, 'no element made from programme text')
    }, [RESOURCE_404])
  })
})
