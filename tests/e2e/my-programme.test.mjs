// "Mes favoris" (issue 4): the favourites day by day with their clashes and the free time between
// them, what changed since they were chosen, a calendar file that a strict reader accepts, a
// share link that another browser profile opens, and a clean printed page.
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DIST, FIXTURES, REPO, startServer, launchBrowser, runPage, eventually } from './lib.mjs'

// The programme is served from a folder of its own, so that a test can change it between visits.
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-mine-'))
const V1 = fs.readFileSync(path.join(FIXTURES, 'mine.json'), 'utf8')
const site = { url: null, browser: null, server: null }
before(async () => {
  fs.writeFileSync(path.join(data, 'mine.json'), V1)
  site.server = await startServer({ '/': DIST, '/data/': data })
  site.url = site.server.url
  ;({ browser: site.browser } = await launchBrowser())
})
after(async () => {
  await site.browser?.close()
  await site.server?.close()
  fs.rmSync(data, { recursive: true, force: true })
})

const PROGRAMME = '?programme=data/mine.json'
const KEY = 'agenda:favourites:data/mine.json'
const withPage = (t, options, body) => runPage(site, t, options, body)

async function open (page, query = '') {
  await page.goto(site.url + PROGRAMME + query)
  await page.locator('.agenda-session, .agenda-mine h2').first().waitFor()
}

/** Stars sessions by their titles' start, in the agenda (Clôture is on the second day). */
async function starAll (page, ...titles) {
  for (const title of titles) {
    if (title === 'Clôture') await page.getByRole('link', { name: /11 févr/ }).first().click()
    const star = page.getByRole('button', { name: new RegExp(`^Ajouter « ${title}`) })
    await star.click()
    await eventually(async () => assert.equal(await page.locator(`button.agenda-fav[aria-pressed=true][aria-label*="${title}"]`).count(), 1))
  }
}

async function openMine (page) {
  await page.getByRole('link', { name: 'Mes favoris', exact: true }).click()
  await page.locator('#agenda-mine-heading').waitFor()
  await page.locator('.agenda-mine .agenda-session').first().waitFor()
}

/**
 * A strict reader of an iCalendar file (RFC 5545): CRLF line ends only, no line over 75 octets,
 * folded lines start with one space, components nested and closed; returns the events as
 * unfolded, unescaped property maps. Throws on anything else.
 */
function readCalendar (text) {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF')
  const raw = text.slice(0, -2).split('\r\n')
  for (const l of raw) {
    assert.ok(!l.includes('\n') && !l.includes('\r'), `bare line break in ${JSON.stringify(l)}`)
    assert.ok(Buffer.byteLength(l, 'utf8') <= 75, `line over 75 octets: ${l}`)
  }
  const lines = []
  for (const l of raw) {
    if (l.startsWith(' ')) lines[lines.length - 1] += l.slice(1)
    else lines.push(l)
  }
  const stack = []
  const events = []
  for (const l of lines) {
    const m = /^([A-Z-]+)(;[^:]*)?:(.*)$/.exec(l)
    assert.ok(m, `not a content line: ${l}`)
    const [, name, , value] = m
    if (name === 'BEGIN') { stack.push(value); if (value === 'VEVENT') events.push({}); continue }
    if (name === 'END') { assert.equal(stack.pop(), value, 'components nested'); continue }
    assert.ok(stack.length > 0, 'property inside a component')
    if (stack.at(-1) === 'VEVENT') {
      events.at(-1)[name] = value.replace(/\\([\\;,nN])/g, (_, c) => (c === 'n' || c === 'N') ? '\n' : c)
    }
  }
  assert.equal(stack.length, 0, 'every component closed')
  assert.equal(lines[0], 'BEGIN:VCALENDAR')
  assert.ok(lines.includes('VERSION:2.0'))
  for (const e of events) {
    for (const p of ['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY']) assert.ok(e[p], `${p} in every event`)
    assert.match(e.DTSTART, /^\d{8}T\d{6}Z$/)
    assert.match(e.DTEND, /^\d{8}T\d{6}Z$/)
  }
  return events
}

async function download (page, button) {
  const waiting = page.waitForEvent('download')
  await button.click()
  const file = await waiting
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') }
}

describe('my programme', () => {
  it('shows the favourites day by day, their clashes and the free time with what is on then', async t => {
    await withPage(t, {}, async page => {
      await open(page)
      await starAll(page, 'Données', 'Sobriété', 'Accessibilité', 'Clôture')
      await openMine(page)
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'agenda-mine-heading', 'focus on the view')
      await eventually(() => assert.match(page.url(), /[?&]fav=1/))
      assert.equal(await page.getByRole('status').filter({ hasText: 'favoris' }).innerText(), '4 favoris')
      const days = page.locator('.agenda-mine-day h3')
      assert.deepEqual(await days.allInnerTexts(), ['Mardi 10 février 2026', 'Mercredi 11 février 2026'])
      const mine = page.locator('.agenda-mine')
      await assert.doesNotReject(mine.getByText('Chevauche « Sobriété numérique » (09:30–10:30)').waitFor())
      await assert.doesNotReject(mine.getByText('Chevauche « Données, territoires » (09:00–10:00)').waitFor())
      assert.equal(await mine.locator('.agenda-clash').count(), 2, 'each of the two says it')
      // Free from the later end of the two to the next favourite; one tap shows what is on then.
      const free = mine.getByText('Libre de 10:30 à 14:00 — 1 autre séance à ce moment')
      await free.click()
      const other = mine.getByRole('link', { name: 'Logiciels libres' })
      await other.click()
      await page.locator('#agenda-detail-title, .agenda-detail h2').first().waitFor()
      await eventually(() => assert.match(page.url(), /session=s3/))
      await page.goBack()
      await page.locator('#agenda-mine-heading').waitFor()
      // A star taken off in this view: the session leaves it, focus stays in the view.
      await mine.getByRole('button', { name: /^Retirer « Clôture/ }).click()
      await eventually(async () => assert.equal(await mine.locator('.agenda-mine-day').count(), 1))
      await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'agenda-mine-heading'))
      assert.equal(await page.getByRole('status').filter({ hasText: 'favoris' }).innerText(), '3 favoris')
    })
  })

  it('says what changed since they were chosen, until the visitor has seen it', async t => {
    await withPage(t, {}, async page => {
      await open(page)
      await starAll(page, 'Données', 'Sobriété', 'Logiciels', 'Accessibilité')
      const v2 = JSON.parse(V1)
      v2.sessions[0].start = '2026-02-10T09:15:00+01:00' // moved
      v2.sessions[1].room = 'a' // another room
      v2.sessions[2].status = 'cancelled'
      v2.sessions.splice(3, 1) // gone
      fs.writeFileSync(path.join(data, 'mine.json'), JSON.stringify(v2))
      try {
        await open(page)
        // Moved, another room, cancelled: marked in the agenda, and counted among the favourites.
        await page.getByText('3 séances modifiées depuis votre dernière visite, dont 3 parmi vos favoris.').waitFor()
        await openMine(page)
        const mine = page.locator('.agenda-mine')
        await mine.getByText('Déplacée — était le mardi 10 février 2026, 09:00').waitFor()
        await mine.getByText('Changement de salle — était Salle B').waitFor()
        await mine.locator('.agenda-cancelled').getByText('Annulée').waitFor()
        await mine.getByText('« Accessibilité des services publics en ligne : un titre assez long pour être plié en plusieurs lignes » n’est plus au programme.').waitFor()
        await mine.getByRole('button', { name: 'J’ai vu ces changements' }).click()
        await eventually(async () => assert.deepEqual(await page.locator('.agenda-changed, .agenda-notice').allInnerTexts(), []))
        // The cancelled one stays, marked by its status; the gone one went.
        assert.equal(await page.getByRole('status').filter({ hasText: 'favoris' }).innerText(), '3 favoris')
        // Seen, for good: another visit flags nothing.
        await page.reload()
        await page.locator('#agenda-mine-heading').waitFor()
        await page.locator('.agenda-mine .agenda-session').first().waitFor()
        assert.equal(await page.locator('.agenda-changed, .agenda-notice').count(), 0)
      } finally {
        fs.writeFileSync(path.join(data, 'mine.json'), V1)
      }
    })
  })

  it('marks the sessions changed since the last visit ("modifié"), and counts the favourites among them', async t => {
    await withPage(t, {}, async page => {
      await open(page)
      await starAll(page, 'Sobriété')
      assert.equal(await page.locator('.agenda-modified').count(), 0, 'a first visit marks nothing')
      const v2 = JSON.parse(V1)
      v2.sessions[1].title = 'Sobriété numérique (table ronde)'
      v2.sessions[2].start = '2026-02-10T11:15:00+01:00'
      fs.writeFileSync(path.join(data, 'mine.json'), JSON.stringify(v2))
      try {
        await open(page)
        await page.getByText('2 séances modifiées depuis votre dernière visite, dont 1 parmi vos favoris.').waitFor()
        const marked = page.locator('.agenda-session:has(.agenda-modified) .agenda-session-title')
        await eventually(async () => assert.deepEqual(await marked.allInnerTexts(), ['Sobriété numérique (table ronde)', 'Logiciels libres']))
        assert.equal(await page.locator('.agenda-modified').first().innerText(), 'modifié')
        // The visitor has now seen this version: the next visit marks nothing.
        await open(page)
        await page.locator('.agenda-session').first().waitFor()
        assert.equal(await page.locator('.agenda-modified').count(), 0)
      } finally {
        fs.writeFileSync(path.join(data, 'mine.json'), V1)
      }
    })
  })

  it('exports the favourites, or one session, as a calendar file a strict reader accepts', async t => {
    await withPage(t, {}, async page => {
      await open(page)
      await starAll(page, 'Données', 'Accessibilité', 'Clôture')
      await openMine(page)
      const all = await download(page, page.getByRole('button', { name: 'Ajouter mes favoris à mon calendrier' }))
      assert.equal(all.name, 'mes-favoris.ics')
      const events = readCalendar(all.text)
      assert.deepEqual(events.map(e => e.SUMMARY), [
        'Données, territoires',
        'Accessibilité des services publics en ligne : un titre assez long pour être plié en plusieurs lignes',
        'Clôture',
      ])
      assert.equal(events[0].DTSTART, '20260210T080000Z', '09:00 in Paris in February')
      assert.equal(events[0].DTEND, '20260210T090000Z')
      assert.equal(events[0].LOCATION, 'Salle A')
      assert.match(events[0].DESCRIPTION, /Une virgule, un point-virgule; une barre \\ oblique\./)
      assert.ok(all.text.includes('SUMMARY:Données\\, territoires'), 'commas escaped')
      assert.equal(new Set(events.map(e => e.UID)).size, 3, 'a UID per session')
      await page.getByRole('status').filter({ hasText: 'Fichier de calendrier' }).waitFor()
      // The same session exported again keeps its UID (a calendar updates rather than duplicates).
      await page.goto(site.url + PROGRAMME + '&session=s1')
      const one = await download(page, page.getByRole('button', { name: 'Ajouter à mon calendrier', exact: true }))
      assert.equal(one.name, 'seance-s1.ics')
      const [only] = readCalendar(one.text)
      assert.equal(only.UID, events[0].UID)
    })
  })

  it('shares the favourites by a link and a QR code; another browser adds them or takes them instead', async t => {
    let link
    await withPage(t, {}, async page => {
      await open(page)
      await starAll(page, 'Données', 'Logiciels')
      await openMine(page)
      await page.getByText('Partager mes favoris').click()
      link = await page.getByRole('textbox', { name: 'Lien de partage' }).inputValue()
      assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?programme=data%2Fmine\.json&fav=1&shared=s1%2Cs3$/)
      await page.getByRole('button', { name: 'Afficher le code QR' }).click()
      const qr = page.getByRole('img', { name: 'Code QR du lien de partage' })
      await qr.waitFor()
      const box = await qr.boundingBox()
      assert.ok(box.width >= 150 && Math.abs(box.width - box.height) < 1, `a square code big enough to scan: ${box.width}×${box.height}`)
    })
    // A fresh profile (another phone): its own favourites are untouched until it chooses.
    await withPage(t, {}, async page => {
      await page.goto(site.url + PROGRAMME)
      await page.locator('.agenda-session').first().waitFor()
      await starAll(page, 'Clôture')
      await page.goto(link)
      await page.getByRole('heading', { name: 'Sélection partagée' }).waitFor()
      const mine = page.locator('.agenda-mine')
      await mine.locator('.agenda-session').first().waitFor()
      assert.deepEqual(await mine.locator('.agenda-session-title').allInnerTexts(), ['Données, territoires', 'Logiciels libres'])
      assert.doesNotMatch(await page.evaluate(k => localStorage.getItem(k), KEY), /s1|s3/, 'nothing taken yet')
      await page.getByRole('button', { name: 'Ajouter à mes favoris', exact: true }).click()
      await page.getByRole('heading', { name: 'Mes favoris' }).waitFor()
      assert.doesNotMatch(page.url(), /shared=/)
      await eventually(async () => assert.deepEqual(await mine.locator('.agenda-session-title').allInnerTexts(),
        ['Données, territoires', 'Logiciels libres', 'Clôture']))
      // Taking a shared selection instead of one's own.
      await page.goto(link.replace('shared=s1%2Cs3', 'shared=s2'))
      await page.getByRole('button', { name: 'Remplacer mes favoris' }).click()
      await eventually(async () => assert.deepEqual(await mine.locator('.agenda-session-title').allInnerTexts(), ['Sobriété numérique']))
      assert.match(await page.evaluate(k => localStorage.getItem(k), KEY), /"id":"s2"/)
    })
  })

  it('prints as a clean A4 page: sessions only, no buttons or navigation', async t => {
    await withPage(t, {}, async page => {
      await open(page)
      await starAll(page, 'Données', 'Sobriété')
      await openMine(page)
      await page.emulateMedia({ media: 'print' })
      for (const hidden of ['.agenda-sections', '.agenda-actions', '.agenda-share', 'button.agenda-fav']) {
        assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} not printed`)
      }
      assert.ok(await page.locator('.agenda-clash').first().isVisible(), 'clashes are printed')
      const pdf = await page.pdf({ format: 'A4' })
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length
      assert.equal(pages, 1, 'one A4 page for two sessions')
    })
  })

  it('speaks English with lang=en', async t => {
    await withPage(t, {}, async page => {
      await page.goto(site.url + PROGRAMME + '&lang=en&fav=1&shared=s1,s2')
      await page.getByRole('heading', { name: 'Shared selection' }).waitFor()
      await page.locator('.agenda-mine .agenda-session').first().waitFor()
      await page.getByText('Overlaps “Sobriété numérique” (09:30–10:30)').waitFor()
      await page.getByRole('button', { name: 'Add to my favourites' }).waitFor()
      assert.equal(await page.title(), 'My favourites — Journée d’essai des favoris')
    })
  })
})
