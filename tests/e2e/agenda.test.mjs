// End-to-end tests of the built site (dist/) in Debian's Chromium, through playwright-core.
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/
// Elements are found by role and accessible name, as a visitor using assistive technology
// would find them. The DOM contract these tests hold the app to is in the repository's issue
// tracker; each test names the part it checks.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {
  DIST, FIXTURES, DESKTOP, PHONE, TIMEOUT, RESOURCE_404,
  openPage, useSite, eventually, runPage,
} from './lib.mjs'

const site = useSite()

// ---------------------------------------------------------------- helpers

const withPage = (t, options, body) => runPage(site, t, options, body)

const go = (page, query = '') => page.goto(site.url + query)
const sessions = page => page.locator('article.agenda-session')
const shownSessions = page => sessions(page).filter({ visible: true })
const visibleText = (page, text) => page.getByText(text).filter({ visible: true }).first()
const daysNav = page => page.getByRole('navigation', { name: 'Jours', exact: true })
// The session counter: role="status" reading "6 séances" (a no-break space is accepted too).
const COUNT = /^\s*(\d+)[ \u00a0\u202f]séances?\s*$/
const counter = page => page.getByRole('status').filter({ hasText: COUNT })

async function waitForAgenda (page) {
  await shownSessions(page).first().waitFor({ state: 'visible' })
}

async function counted (page) {
  const text = (await counter(page).textContent()) ?? ''
  const m = COUNT.exec(text)
  assert.ok(m, `status text ${JSON.stringify(text)} does not read "N séances"`)
  return Number(m[1])
}

// The status count and the sessions on screen agree (after any re-render has settled).
async function assertCountMatches (page, expected) {
  await eventually(async () => {
    assert.equal(await counter(page).count(), 1, 'exactly one role="status" element reads "N séance(s)"')
    const n = await counted(page)
    const shown = await shownSessions(page).count()
    assert.equal(n, shown, `status says ${n}, but ${shown} article.agenda-session are shown`)
    if (expected !== undefined) assert.equal(n, expected, `expected ${expected} sessions`)
  })
}

const searchParam = (page, name) => new URL(page.url()).searchParams.get(name)

// Asserts that an article.agenda-session holds a heading named `title` (h4: under the day's h2
// and the time slot's h3) that holds a link named `title` to ?session=<id>; returns that link.
async function assertSessionHeading (page, title) {
  const heading = sessions(page).getByRole('heading', { name: title, exact: true })
  assert.equal(await heading.count(), 1, `one session heading named "${title}"`)
  const tag = await heading.evaluate(el => el.tagName)
  assert.equal(tag, 'H4', `the heading of "${title}" is a ${tag}, not h4 (day h2, time slot h3)`)
  // The time slot's heading comes before it: "10:00" as a h3, in the same day section.
  const slot = await heading.evaluate(el => el.closest('.agenda-slot')?.querySelector('h3')?.textContent ?? null)
  const time = await heading.evaluate(el => el.closest('article').querySelector('time')?.textContent)
  assert.equal(slot, time, `the session "${title}" is under its start time's h3`)
  const link = heading.getByRole('link', { name: title, exact: true })
  assert.equal(await link.count(), 1, `the heading "${title}" holds a link named "${title}"`)
  const href = await link.getAttribute('href')
  assert.match(href ?? '', /[?&]session=[^&#]+/, `the link of "${title}" goes to ?session=<id> (href ${href})`)
  return link
}

// frab fixture: the events of one day, in file order.
const democon = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'frab-from-pretalx-democon.json'), 'utf8')).schedule.conference
const democonDays = democon.days.map(d => ({ date: d.date, events: Object.values(d.rooms).flat() }))
const DEMOCON = '?programme=fixtures/frab-from-pretalx-democon.json'

// The default programme, when it is the agenda's own format with a single day: the number of
// sessions that are not breaks, to check the status count independently of the page.
function defaultProgrammeSessionCount () {
  try {
    const p = JSON.parse(fs.readFileSync(path.join(DIST, 'programme.json'), 'utf8'))
    if (p.agenda_format !== 1 || !Array.isArray(p.sessions)) return undefined
    const breaks = new Set((p.formats || []).filter(f => f && f.kind === 'break').map(f => f.id))
    const days = new Set(p.sessions.map(s => String(s.start).slice(0, 10)))
    if (days.size !== 1) return undefined
    return p.sessions.filter(s => !breaks.has(s.format)).length
  } catch { return undefined }
}

const SPEAKERS = ['Emmanuelle Roux', 'Loïc Dayot', 'Victor Potier', 'Alberica Bozzi', 'Antoine Courmont',
  'Xavier Capodano', 'Vincent Chabault']

// ---------------------------------------------------------------- the default programme

describe('default programme (desktop 1280×800)', () => {
  it('shows the event: title, theme, speakers, place, map link, notes', async t => {
    await withPage(t, {}, async page => {
      await go(page)
      await waitForAgenda(page)
      assert.equal(await page.locator('html').getAttribute('lang'), 'fr')
      const h1 = page.getByRole('heading', { level: 1 })
      assert.equal(await h1.count(), 1, 'one h1')
      assert.equal((await h1.innerText()).trim(), 'Rencontres du numérique 2026')
      await visibleText(page, 'Numérique et territoires').waitFor()
      for (const name of SPEAKERS) {
        await sessions(page).getByText(name).filter({ visible: true }).first().waitFor({ timeout: 2000 })
          .catch(() => assert.fail(`speaker "${name}" is not visible in any article.agenda-session`))
      }
      await visibleText(page, 'Auditorium Maurice Gross').waitFor()
      // The place, its map and the remote link are folded under "Lieu et accès" (one tap away).
      await page.getByText('Lieu et accès', { exact: true }).click()
      const osm = page.getByRole('link', { name: /OpenStreetMap/ })
      assert.ok(await osm.count() >= 1, 'a link named …OpenStreetMap…')
      assert.match(await osm.first().getAttribute('href') ?? '', /^https:\/\/(www\.)?openstreetmap\.org\//)
      assert.ok(await page.getByText(/horaire indicatif/i).count() >= 1, 'the text "horaire indicatif" is present')
      assert.ok(await page.getByText(/le lien sera bientôt disponible/i).count() >= 1,
        'the remote participation note "Le lien sera bientôt disponible" is present')
    })
  })

  it('counts its sessions in a status, breaks excluded', async t => {
    await withPage(t, {}, async page => {
      await go(page)
      await waitForAgenda(page)
      await assertCountMatches(page, defaultProgrammeSessionCount())
      const n = await counted(page)
      assert.ok(n >= 1)
      // breaks are .agenda-break, never articles, and never inside a session's article
      assert.equal(await page.locator('article.agenda-break, article.agenda-session .agenda-break, .agenda-break article.agenda-session').count(), 0,
        'a break is not an article.agenda-session and not inside one')
      if (defaultProgrammeSessionCount() !== undefined && (await page.locator('.agenda-break').count()) === 0) {
        const p = JSON.parse(fs.readFileSync(path.join(DIST, 'programme.json'), 'utf8'))
        const breaks = new Set((p.formats || []).filter(f => f.kind === 'break').map(f => f.id))
        assert.ok(!p.sessions.some(s => breaks.has(s.format)), 'the programme has breaks but no .agenda-break is shown')
      }
    })
  })

  it('gives every session a h4 heading under the h3 of its time slot, holding a link to ?session=<id>', async t => {
    await withPage(t, {}, async page => {
      await go(page)
      await waitForAgenda(page)
      const titles = await shownSessions(page).evaluateAll(articles => articles.map(a => {
        const h = a.querySelector('h4')
        return h ? h.textContent.replace(/\s+/g, ' ').trim() : null
      }))
      assert.ok(titles.length >= 1)
      for (const [i, title] of titles.entries()) {
        assert.ok(title, `article.agenda-session #${i + 1} has no h4`)
        await assertSessionHeading(page, title)
      }
    })
  })

  it('lists the speakers on ?page=speakers, with links to their sessions', async t => {
    await withPage(t, {}, async page => {
      await go(page)
      await waitForAgenda(page)
      await page.getByRole('link', { name: 'Intervenantes et intervenants' }).first().click()
      await page.getByRole('heading', { level: 2, name: 'Intervenantes et intervenants', exact: true }).waitFor()
      await eventually(() => assert.equal(searchParam(page, 'page'), 'speakers'))
      for (const name of SPEAKERS) {
        const h3 = page.getByRole('heading', { level: 3, name })
        await h3.first().waitFor({ timeout: 5000 }).catch(() => assert.fail(`no h3 for speaker "${name}"`))
        // the session links between this speaker's h3 and the next heading of level ≤ 3
        const links = await h3.first().evaluate(h => {
          const out = []
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT)
          walker.currentNode = h
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (/^H[1-3]$/.test(n.tagName)) break
            if (n.tagName === 'A' && /[?&]session=[^&#]+/.test(n.getAttribute('href') || '')) out.push(n.textContent.trim())
          }
          return out
        })
        assert.ok(links.length >= 1, `speaker "${name}" has no link to a session (?session=…)`)
      }
      // one of those links opens the session view
      const first = page.getByRole('heading', { level: 3, name: SPEAKERS[0] }).first()
      const href = await first.evaluate(h => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT)
        walker.currentNode = h
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.tagName === 'A' && /[?&]session=/.test(n.getAttribute('href') || '')) return n.getAttribute('href')
        }
      })
      await page.locator(`a[href="${href.replace(/"/g, '\\"')}"]`).first().click()
      await page.getByRole('button', { name: 'Retour au programme' }).waitFor()
      await eventually(() => assert.ok(searchParam(page, 'session'), 'the URL names the session'))
    })
  })
})

// ---------------------------------------------------------------- days and session view

describe('days and the session view (desktop, DemoCon fixture)', () => {
  it('shows a day navigation; another day shows its sessions and puts day= in the URL', async t => {
    await withPage(t, {}, async page => {
      await go(page, DEMOCON)
      await waitForAgenda(page)
      const nav = daysNav(page)
      await nav.waitFor()
      const links = nav.getByRole('link')
      assert.equal(await links.count(), 3, 'one link per day')
      assert.equal(await links.nth(0).getAttribute('aria-current'), 'date', 'the first day is current')
      assert.equal(await nav.locator('[aria-current="date"]').count(), 1, 'exactly one current day')
      // day 1: exactly its sessions, each with a proper heading
      await assertCountMatches(page, democonDays[0].events.length)
      for (const e of democonDays[0].events) await assertSessionHeading(page, e.title)

      await links.nth(1).click()
      await eventually(() => assert.equal(searchParam(page, 'day'), democonDays[1].date))
      await page.getByRole('heading', { name: democonDays[1].events[0].title, exact: true }).waitFor()
      await eventually(async () => {
        assert.equal(await links.nth(1).getAttribute('aria-current'), 'date', 'the second day is now current')
        assert.equal(await links.nth(0).getAttribute('aria-current'), null, 'the first day is no longer current')
      })
      await assertCountMatches(page, democonDays[1].events.length)
      assert.equal(await shownSessions(page).filter({ hasText: democonDays[0].events[0].title }).count(), 0,
        'a session of the first day is still shown')
      for (const e of democonDays[1].events) await assertSessionHeading(page, e.title)
    })
  })

  it('opens a session without reloading, focuses its title, and back returns to the same day', async t => {
    await withPage(t, {}, async page => {
      await go(page, DEMOCON)
      await waitForAgenda(page)
      await page.evaluate(() => { window.__sameDocument = true })
      await daysNav(page).getByRole('link').nth(1).click()
      await eventually(() => assert.equal(searchParam(page, 'day'), democonDays[1].date))
      const ev = democonDays[1].events[0]
      const link = await assertSessionHeading(page, ev.title)
      const id = new URL(await link.getAttribute('href'), page.url()).searchParams.get('session')
      await link.click()

      const h2 = page.getByRole('heading', { level: 2, name: ev.title, exact: true })
      await h2.waitFor()
      // (The address follows once the view is on screen.)
      await eventually(() => assert.equal(searchParam(page, 'session'), id, 'the URL is ?session=<id> of the clicked link'))
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was reloaded (no pushState)')
      await eventually(async () => assert.ok(await h2.evaluate(el => el === document.activeElement), 'the title h2 has the focus'))
      await visibleText(page, ev.description.split('\n')[0]).waitFor()
      for (const p of ev.persons) await visibleText(page, p.public_name).waitFor()
      await page.getByRole('button', { name: 'Retour au programme' }).waitFor()
      assert.equal(await shownSessions(page).count(), 0, 'the agenda list is hidden in the session view')

      await page.goBack()
      await waitForAgenda(page)
      await eventually(() => assert.equal(searchParam(page, 'session'), null))
      assert.equal(searchParam(page, 'day'), democonDays[1].date, 'back keeps the day in the URL')
      await eventually(async () => assert.equal(
        await daysNav(page).getByRole('link').nth(1).getAttribute('aria-current'), 'date', 'back shows the same day'))
      await assertSessionHeading(page, ev.title)
      assert.equal(await page.getByRole('button', { name: 'Retour au programme' }).filter({ visible: true }).count(), 0,
        'the session view is gone')
    })
  })

  it('a session opened and closed before the address follows leaves the visitor on the agenda, history as it was', async t => {
    await withPage(t, {}, async page => {
      await go(page, DEMOCON)
      await waitForAgenda(page)
      const ev = democonDays[0].events[0]
      const link = await assertSessionHeading(page, ev.title)
      const url = page.url()
      const before = await page.evaluate(() => history.length)
      // The click and Escape in one task: the new address is not written yet when Escape comes
      // (going back then would leave the page).
      await link.evaluate(a => {
        a.click()
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
      })
      await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))))
      await assertSessionHeading(page, ev.title)
      assert.equal(page.url(), url, 'still the agenda, at its address')
      assert.equal(await page.evaluate(() => history.length), before, 'no history entry left behind')
      assert.equal(await page.getByRole('button', { name: 'Retour au programme' }).filter({ visible: true }).count(), 0,
        'no session view')
    })
  })

  it('shows the same session view after a reload, and "Retour au programme" goes back to the list', async t => {
    await withPage(t, {}, async page => {
      await go(page, DEMOCON)
      await waitForAgenda(page)
      const ev = democonDays[0].events[0]
      await (await assertSessionHeading(page, ev.title)).click()
      const h2 = page.getByRole('heading', { level: 2, name: ev.title, exact: true })
      await h2.waitFor()
      await eventually(() => assert.ok(searchParam(page, 'session')))
      const url = page.url()

      await page.reload()
      await h2.waitFor()
      assert.equal(page.url(), url)
      await visibleText(page, ev.description.split('\n')[0]).waitFor()
      for (const p of ev.persons) await visibleText(page, p.public_name).waitFor()

      await page.getByRole('button', { name: 'Retour au programme' }).click()
      await waitForAgenda(page)
      await eventually(() => assert.equal(searchParam(page, 'session'), null, 'the URL no longer names the session'))
      await assertSessionHeading(page, ev.title)
    })
  })

  it('opens a session given in the URL of a first visit', async t => {
    await withPage(t, {}, async page => {
      await go(page, DEMOCON)
      await waitForAgenda(page)
      const ev = democonDays[2].events[3]
      await daysNav(page).getByRole('link').nth(2).click()
      const href = await (await assertSessionHeading(page, ev.title)).getAttribute('href')
      const url = new URL(href, page.url()).href
      // a fresh page (new context: nothing in memory or storage) at that address
      const other = await openPage(site.browser, { viewport: DESKTOP })
      try {
        await other.page.goto(url)
        await other.page.getByRole('heading', { level: 2, name: ev.title, exact: true }).waitFor()
        await other.page.getByRole('button', { name: 'Retour au programme' }).waitFor()
        other.assertNoErrors()
      } finally { await other.close() }
    })
  })
})

// ---------------------------------------------------------------- other programmes

describe('?programme= loads another file (desktop)', () => {
  it('reads frab from pretalx (relative address): DemoCon, 3 days', async t => {
    await withPage(t, {}, async page => {
      await go(page, DEMOCON)
      await page.getByRole('heading', { level: 1, name: 'DemoCon', exact: true }).waitFor()
      await daysNav(page).waitFor()
      assert.equal(await daysNav(page).getByRole('link').count(), 3)
      await assertSessionHeading(page, 'Focused 5thgeneration hardware')
    })
  })

  it('reads an absolute address', async t => {
    await withPage(t, {}, async page => {
      await go(page, '?programme=' + encodeURIComponent(site.url + 'fixtures/frab-from-pretalx-democon.json'))
      await page.getByRole('heading', { level: 1, name: 'DemoCon', exact: true }).waitFor()
      await assertSessionHeading(page, 'Focused 5thgeneration hardware')
    })
  })

  it('reads the pretalx widget JSON', async t => {
    await withPage(t, {}, async page => {
      await go(page, '?programme=fixtures/pretalx-widget-sample.json')
      await waitForAgenda(page)
      await assertSessionHeading(page, 'Mesurer les données ouvertes en milieu scolaire')
      await assertCountMatches(page)
    })
  })

  it('reads frab as exported by frab (Camp 2019, with its deviations from the schema)', async t => {
    await withPage(t, {}, async page => {
      await go(page, '?programme=fixtures/frab-camp2019.json')
      await page.getByRole('heading', { level: 1, name: 'Chaos Communication Camp 2019', exact: true }).waitFor()
      await waitForAgenda(page)
      await assertCountMatches(page)
    })
  })

  it('shows a day navigation for a programme over several weeks', async t => {
    await withPage(t, {}, async page => {
      await go(page, '?programme=programmes/fabrique-territoire-2021.json')
      await daysNav(page).waitFor()
      assert.ok(await daysNav(page).getByRole('link').count() >= 2, 'at least two days')
      await waitForAgenda(page)
      await assertCountMatches(page)
    })
  })
})

describe('errors are shown, never a blank page (desktop)', () => {
  // Rust panics reach the console as errors: those are never allowed.
  it('a missing file: an alert in French and a "Réessayer" button that retries', async t => {
    await withPage(t, { allowConsole: [RESOURCE_404] }, async page => {
      await go(page, '?programme=fixtures/does-not-exist.json')
      const alert = page.getByRole('alert').filter({ visible: true }).first()
      await alert.waitFor()
      assert.match(await alert.innerText(),
        /introuvable|impossible|n[’']a pas pu|n[’']existe pas|échec|erreur|404|pas été trouvé|indisponible/i,
        'the alert says (in French) that loading failed')
      const retry = page.getByRole('button', { name: 'Réessayer' })
      await retry.waitFor()
      const again = page.waitForRequest(r => r.url().includes('does-not-exist.json'), { timeout: TIMEOUT })
      await retry.click()
      await again
      await page.getByRole('alert').filter({ visible: true }).first().waitFor()
    })
  })

  it('a file the c3voc validator rejects: the programme or an alert', async t => {
    await withPage(t, { allowConsole: [/^(?![\s\S]*panicked)/] }, async page => {
      await go(page, '?programme=fixtures/frab-invalid-example.json')
      await page.locator('article.agenda-session, [role="alert"]').filter({ visible: true }).first().waitFor()
      const text = await page.evaluate(() => document.body.innerText.trim())
      assert.ok(text.length > 0, 'the page is blank')
    })
  })
})

// ---------------------------------------------------------------- phone

describe('phone (360×740): no sideways scrolling', () => {
  const assertNoSideScroll = async page => {
    const { scroll, widest } = await page.evaluate(() => {
      let widest = null
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect()
        if (r.right > document.documentElement.clientWidth + 0.5 && (!widest || r.right > widest.right)) {
          widest = { right: Math.round(r.right), tag: el.tagName.toLowerCase(), cls: el.className?.toString?.() ?? '', text: (el.textContent || '').trim().slice(0, 60) }
        }
      }
      return { scroll: document.documentElement.scrollWidth, widest }
    })
    assert.ok(scroll <= 360, `documentElement.scrollWidth is ${scroll} > 360` +
      (widest ? `; widest element: <${widest.tag} class="${widest.cls}"> "${widest.text}" reaching ${widest.right}px` : ''))
  }

  it('the default programme fits in 360 px', async t => {
    await withPage(t, { viewport: PHONE }, async page => {
      await go(page)
      await waitForAgenda(page)
      await counter(page).waitFor()
      await assertNoSideScroll(page)
    })
  })

  it('a session view fits in 360 px', async t => {
    await withPage(t, { viewport: PHONE }, async page => {
      await go(page)
      await waitForAgenda(page)
      const title = await shownSessions(page).first().locator('h4').first().textContent()
      await (await assertSessionHeading(page, title.replace(/\s+/g, ' ').trim())).click()
      await page.getByRole('button', { name: 'Retour au programme' }).waitFor()
      await page.getByRole('heading', { level: 2, name: title.replace(/\s+/g, ' ').trim(), exact: true }).waitFor()
      await assertNoSideScroll(page)
    })
  })
})
