// Real programmes, honest failures (issue 14): a c3voc schedule 2.0 export and the rC3 pretalx
// export open as they are; texts given in several languages follow the interface's language;
// a file whose sessions are where its format has none is an error that says where.
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/exports.test.mjs
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { eventually, firstVisit, runPage, useSite } from './lib.mjs'

// The built site, the fixtures, and programmes generated for this file in a temporary folder.
const site = useSite({ generated: true })

const text = async locator => ((await locator.textContent()) ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim()
const status = page => page.locator('.agenda-count[role="status"]')
const cards = page => page.locator('article.agenda-session:visible')
const titles = async page => (await cards(page).locator('h4').allTextContents()).map(t => t.trim())

async function statusReads (page, expected) {
  await eventually(async () => {
    const said = await text(status(page))
    if (expected instanceof RegExp) assert.match(said, expected)
    else assert.equal(said, expected)
  })
}

// A schedule 2.0 export whose room, track and first title are given in French and English.
const BILINGUAL = {
  schedule: {
    version: 'test',
    conference: {
      acronym: 'bilingue',
      title: 'Bilingue',
      start: '2026-02-10T08:00:00+01:00',
      end: '2026-02-10T20:00:00+01:00',
      time_zone_name: 'Europe/Paris',
      defaults: { language: 'fr' },
      rooms: [
        { guid: 'r1', slug: 'grande-salle', name: { fr: 'Grande salle', en: 'Main hall' } },
        { guid: 'r2', slug: 'atelier', name: 'Atelier' },
      ],
      tracks: [
        { slug: 'donnees', name: { fr: 'Données', en: 'Data' }, colors: { light: '#2f6f9f', dark: '#8cc4ff' } },
        { slug: 'education', name: 'Éducation', color: '#123456' },
      ],
      days: [{ index: 1, date: '2026-02-10', start: '2026-02-10T06:00:00+01:00', end: '2026-02-11T06:00:00+01:00' }],
    },
    events: [
      {
        guid: 'e1', title: { fr: 'Ouverture', en: 'Opening' }, abstract: { fr: 'Bienvenue à tous.', en: 'Welcome, everyone.' },
        start: '2026-02-10T09:00:00+01:00', end: '2026-02-10T10:00:00+01:00', room: { guid: 'r1' }, track: { slug: 'donnees' },
        type: 'TALK', participants: [{ guid: 'p1', name: 'Ada' }],
      },
      {
        guid: 'e2', title: 'Atelier libre', start: '2026-02-10T10:00:00+01:00', duration: 'PT45M',
        room: { guid: 'r2' }, track: { slug: 'education' }, type: 'WORKSHOP', participants: [],
      },
    ],
    persons: [{ guid: 'p1', name: 'Ada' }],
  },
}

describe('c3voc schedule 2.0', () => {
  it('the hub export opens with its 2 sessions, their rooms and tracks', async t => {
    await runPage(site, t, {}, async page => {
      await page.goto(`${site.url}?programme=fixtures/hub-schedule2.json`)
      await page.getByRole('heading', { level: 1, name: '38C3', exact: true }).waitFor()
      await statusReads(page, '2 séances')
      assert.deepEqual(await titles(page), ['38C3: Opening Ceremony', 'A Competitive Time-Trial AI for Need for Speed:'])
      const [opening, late] = [cards(page).nth(0), cards(page).nth(1)]
      assert.equal(await text(opening.locator('.agenda-room')), 'Saal 1')
      assert.equal(await text(opening.locator('.agenda-theme')), 'CCC')
      assert.match(await text(opening), /Gabriela Bogk, Aline Blankertz, Senficon/)
      assert.equal(await text(late.locator('.agenda-room')), 'Saal ZIGZAG')
      assert.equal(await text(late.locator('.agenda-theme')), 'Hardware & Making')
      // Berlin's wall-clock times; the talk at 00:15 belongs to the evening before.
      assert.match(await text(late.locator('.agenda-time')), /^0?0:15–0?0:55$/)
      // The track's colour marks the card.
      assert.match(await opening.getAttribute('style'), /--agenda-accent:#f2f006/)
      // Nothing was left unread.
      assert.equal(await page.locator('details.agenda-warnings').count(), 0)
    })
  })

  it('switching to English switches the room, the track and the title given in both languages', async t => {
    const programme = site.write('bilingual-schedule2.json', BILINGUAL)
    await runPage(site, t, {}, async page => {
      await page.goto(`${site.url}?programme=${programme}`)
      await statusReads(page, '2 séances')
      const first = cards(page).first()
      assert.equal(await text(first.locator('h4')), 'Ouverture')
      assert.equal(await text(first.locator('.agenda-room')), 'Grande salle')
      assert.equal(await text(first.locator('.agenda-theme')), 'Données')
      assert.equal(await text(first.locator('.agenda-session-abstract')), 'Bienvenue à tous.')
      assert.equal(await first.locator('h4').getAttribute('lang'), 'fr')
      // Two colours, one for each scheme.
      assert.match(await first.getAttribute('style'), /--agenda-accent:light-dark\(#2f6f9f, #8cc4ff\)/)
      await page.getByRole('link', { name: 'Read this agenda in English' }).click()
      await statusReads(page, '2 sessions')
      const again = cards(page).first()
      await eventually(async () => assert.equal(await text(again.locator('h4')), 'Opening'))
      assert.equal(await again.locator('h4').getAttribute('lang'), 'en')
      assert.equal(await text(again.locator('.agenda-room')), 'Main hall')
      assert.equal(await text(again.locator('.agenda-theme')), 'Data')
      assert.equal(await text(again.locator('.agenda-session-abstract')), 'Welcome, everyone.')
      // A text in one language stays as written.
      assert.equal(await text(cards(page).nth(1).locator('.agenda-room')), 'Atelier')
      // The filters name the theme in English; a link may name it in French.
      await page.getByText('Filters', { exact: true }).click()
      await page.getByRole('checkbox', { name: /^Data \(1\)$/ }).waitFor()
      await page.goto(`${site.url}?lang=en&programme=${programme}&track=Donn%C3%A9es`)
      await statusReads(page, '1 of 2 sessions')
      assert.deepEqual(await titles(page), ['Opening'])
      // The search finds a session by its title in either language.
      await page.goto(`${site.url}?lang=en&programme=${programme}&q=ouverture`)
      await statusReads(page, '1 of 2 sessions')
      // Its own view, in English.
      await page.goto(`${site.url}?lang=en&programme=${programme}&session=e1`)
      await page.getByRole('heading', { level: 2, name: 'Opening', exact: true }).waitFor()
      assert.match(await text(page.locator('.agenda-facts')), /Main hall/)
    })
  })
})

describe('the rC3 pretalx export (frab schedule.json, German and English)', () => {
  it('opens with its 48 sessions over 4 days', async t => {
    await runPage(site, t, {}, async page => {
      await page.goto(`${site.url}?programme=fixtures/pretalx-rc3.json`)
      await page.getByRole('heading', { level: 1, name: 'rC3 Channels', exact: true }).waitFor()
      await statusReads(page, '12 séances')
      assert.equal(await page.getByRole('navigation', { name: 'Jours' }).getByRole('link').count(), 4, 'four days')
      const first = cards(page).first()
      assert.equal(await text(first.locator('h4')), 'Der faule Admin automatisiert: Gluon auf echter Hardware testen')
      assert.equal(await first.locator('h4').getAttribute('lang'), 'de')
      // Searching looks through every day, out of all 48.
      await page.goto(`${site.url}?programme=fixtures/pretalx-rc3.json&q=gluon`)
      await statusReads(page, /^\d+ séances? sur 48$/)
    })
  })
})

// As every visitor who came once: the service worker in control, then the network cut. Each export
// is read by the worker (which the shell precaches) and kept as a good copy.
describe('the exports with the service worker in control', () => {
  for (const [name, file, title, count] of [
    ['the schedule 2.0 hub export', 'fixtures/hub-schedule2.json', '38C3', '2 séances'],
    ['the rC3 pretalx export', 'fixtures/pretalx-rc3.json', 'rC3 Channels', '12 séances'],
  ]) {
    it(`${name} opens on a second visit, and offline from its kept copy`, async t => {
      await runPage(site, t, { allowConsole: [/Failed to load resource|ERR_INTERNET_DISCONNECTED/] }, async (page, p) => {
        const url = `${site.url}?programme=${file}`
        await firstVisit(page, url)
        await page.goto(url)
        assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker is in control')
        await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor()
        await statusReads(page, count)
        await p.context.setOffline(true)
        await page.goto(url)
        await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor()
        await statusReads(page, count)
        await eventually(async () => assert.match(await text(page.locator('#agenda-status')), /Hors ligne/))
      })
    })
  }
})

describe('sessions where the format has none', () => {
  it('are an error that says where they are, with the place listed', async t => {
    // schedule 1.0's days, with their events in a list rather than by room.
    const programme = site.write('misplaced.json', {
      schedule: {
        version: '1',
        conference: {
          title: 'Égarés', time_zone_name: 'Europe/Paris',
          days: [{
            index: 1, date: '2026-02-10',
            rooms: [
              { guid: 'a', title: 'Un', date: '2026-02-10T09:00:00+01:00', duration: '00:30' },
              { guid: 'b', title: 'Deux', date: '2026-02-10T10:00:00+01:00', duration: '00:30' },
            ],
          }],
        },
      },
    })
    await runPage(site, t, {}, async page => {
      await page.goto(`${site.url}?programme=${programme}`)
      const alert = page.getByRole('alert')
      await alert.waitFor()
      const said = await text(alert)
      assert.match(said, /Aucune séance n’a pu être lue, alors que le fichier contient 2 objets qui ressemblent à des séances/)
      assert.match(said, /dans « schedule\.conference\.days\[0\]\.rooms », mais pas sous la forme que ce format attend là/)
      assert.match(said, /schedule\.conference\.days\[0\]\.rooms : devrait être un objet/)
      assert.equal(await page.locator('article.agenda-session').count(), 0)
      await page.goto(`${site.url}?lang=en&programme=${programme}`)
      await page.getByRole('alert').waitFor()
      assert.match(await text(page.getByRole('alert')), /No session could be read, though the file holds 2 objects that look like sessions/)
    })
  })
})
