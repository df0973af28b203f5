// "En ce moment / À suivre" (what is on now and next, per room), "Aller à maintenant", and the
// times' zone: named for the visitor, with the offer of their own times when their zone differs.
// The clock is `?now=` (a wall-clock time in the event's zone), so the tests do not depend on
// the day they run; the visitor's zone is the browser context's `timezoneId`.
//   node --test --test-concurrency=1 tests/e2e/now.test.mjs
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { DESKTOP, useSite, eventually, runPage, agendaShown } from './lib.mjs'

const site = useSite()

// `options`: the viewport, and context options such as timezoneId.
const withPage = (t, options, body) => runPage(site, t, options, body)

const PARIS = { timezoneId: 'Europe/Paris' }
const NEW_YORK = { timezoneId: 'America/New_York' }

// During the afternoon's first round table (14:00–15:15, then a break at 15:15).
const AT_1405 = '?now=2026-02-10T14:05'
const UNDER_WAY = 'Sociabilités numériques et ancrages locaux'
// Several rooms over three days (14–16 December 2020, +01:00): the second day at 11:40 is in
// the 11:30 time slot (Gray Room 11:30–12:00, Tan Room 11:30–13:00).
const DEMOCON = 'programme=fixtures/frab-from-pretalx-democon.json'
const DEMOCON_DAY_2 = '2020-12-15'
const DEMOCON_AT = `?${DEMOCON}&now=${DEMOCON_DAY_2}T11:40`
const DEMOCON_SLOT = Date.parse(`${DEMOCON_DAY_2}T11:30:00+01:00`) / 1000
const DEMOCON_SLOT_TITLES = ['Reverse-engineered asymmetric complexity', 'Cross-group dedicated success']

// French puts a no-break space before ":"; \s matches it, so normalised text compares plainly.
const norm = s => (s ?? '').replace(/\s+/g, ' ').trim()
const panelHeading = page => page.getByRole('heading', { name: 'En ce moment / À suivre', exact: true })
// The section is named by its heading (aria-labelledby): a region landmark.
const panel = page => page.getByRole('region', { name: 'En ce moment / À suivre', exact: true })
const jumpButton = page => page.getByRole('button', { name: 'Aller à maintenant', exact: true })
const tzNote = page => page.locator('p.agenda-tz')
const cardTime = (page, title) => page.locator('article.agenda-session', {
  has: page.getByRole('link', { name: title, exact: true }),
}).locator('.agenda-session-when .agenda-time')
const storedTimes = page => page.evaluate(() => localStorage.getItem('agenda-times'))
// What has focus: its id, its session card's title and its time slot's start.
const focused = page => page.evaluate(() => {
  const a = document.activeElement
  return {
    tag: a?.tagName,
    id: a?.id ?? '',
    title: a?.closest('article.agenda-session')?.querySelector('h4')?.textContent.trim() ?? null,
    slot: a?.closest('.agenda-slot')?.getAttribute('data-start') ?? null,
    day: a?.closest('.agenda-day-section')?.getAttribute('aria-labelledby') ?? null,
  }
})
const currentDay = page => page.locator('nav.agenda-days a[aria-current="date"]')
const dayOf = link => link.evaluate(a => new URL(a.href).searchParams.get('day'))

async function open (page, query = '') {
  await page.goto(site.url + query)
  await agendaShown(page)
}

describe('En ce moment / À suivre', () => {
  it('during the event: per room, the session under way and the next one, as links', async t => {
    await withPage(t, PARIS, async page => {
      await open(page, AT_1405)
      await panelHeading(page).waitFor()
      assert.equal(await panelHeading(page).evaluate(h => h.tagName), 'H2')
      assert.equal(await panel(page).evaluate(s => s.tagName), 'SECTION')
      const rooms = panel(page).getByRole('listitem')
      assert.equal(await rooms.count(), 1, 'one row per room, and the programme has one room')
      const row = rooms.first()
      assert.equal(norm(await row.locator('.agenda-now-room').textContent()), 'Auditorium Maurice Gross')
      const text = await row.textContent()
      assert.match(text, /En ce moment\u00a0: /, 'a no-break space before the colon')
      assert.match(norm(text), new RegExp(`En ce moment : ${UNDER_WAY} \\(jusqu’à 15:15\\)`))
      assert.match(norm(text), /À suivre : Pause \(15:15\)/)
      // The room's name comes first, then what is on, then what is next.
      assert.ok(norm(text).indexOf('En ce moment') < norm(text).indexOf('À suivre'), norm(text))
      const links = row.getByRole('link')
      assert.deepEqual((await links.allTextContents()).map(norm), [UNDER_WAY, 'Pause'])
      for (const href of await links.evaluateAll(as => as.map(a => a.getAttribute('href')))) {
        assert.match(href, /[?&]session=/, `a link to the session's view (${href})`)
      }
      assert.ok(await panel(page).getByRole('button', { name: 'Aller à maintenant', exact: true }).isVisible())
    })
  })

  it('a session link in it opens the session view', async t => {
    await withPage(t, PARIS, async page => {
      await open(page, AT_1405)
      await panel(page).getByRole('link', { name: UNDER_WAY, exact: true }).click()
      await page.getByRole('button', { name: /Retour au programme/ }).waitFor()
      await eventually(() => assert.equal(new URL(page.url()).searchParams.get('session'), 'sociabilites'))
      assert.ok(await page.getByRole('heading', { name: UNDER_WAY, exact: true }).isVisible(), 'the session\'s own heading')
      assert.equal(await panelHeading(page).count(), 0, 'the panel belongs to the agenda, not to a session\'s view')
    })
  })

  for (const now of ['2026-02-11T09:00', '2026-02-09T12:00']) {
    it(`outside the event (${now}): no panel`, async t => {
      await withPage(t, PARIS, async page => {
        await open(page, `?now=${now}`)
        // The agenda is drawn (cards are there), and has no panel before it.
        assert.ok(await page.locator('article.agenda-session').count() >= 6)
        assert.equal(await panelHeading(page).count(), 0)
        assert.equal(await jumpButton(page).count(), 0)
      })
    })
  }
})

describe('Aller à maintenant', () => {
  it('scrolls to the time slot under way and gives focus to its first link', async t => {
    await withPage(t, PARIS, async page => {
      await open(page, AT_1405)
      const slot = page.locator('.agenda-slot', { has: page.locator('#agenda-link-sociabilites') })
      const inView = () => slot.evaluate(s => {
        const r = s.getBoundingClientRect()
        return r.top >= -1 && r.top < innerHeight
      })
      // Below the fold at first, or the scroll would prove nothing.
      assert.equal(await inView(), false, 'the 14:00 slot starts out of view')
      await jumpButton(page).click()
      await eventually(async () => {
        const f = await focused(page)
        assert.equal(f.tag, 'A')
        assert.match(f.id, /^agenda-link-/)
        assert.equal(f.title, UNDER_WAY)
      })
      assert.equal(await inView(), true, 'the 14:00 slot is scrolled into view')
    })
  })

  it('on a programme of several days, shows the day under way first', async t => {
    await withPage(t, PARIS, async page => {
      await open(page, DEMOCON_AT)
      // The first day is shown at first.
      assert.equal(await dayOf(currentDay(page)), '2020-12-14')
      await jumpButton(page).click()
      await eventually(async () => {
        assert.equal(await dayOf(currentDay(page)), DEMOCON_DAY_2)
        assert.equal(new URL(page.url()).searchParams.get('day'), DEMOCON_DAY_2)
        const f = await focused(page)
        assert.equal(f.tag, 'A')
        assert.match(f.id, /^agenda-link-/)
        assert.equal(f.slot, String(DEMOCON_SLOT), 'the 11:30 slot of the second day')
        assert.equal(f.day, `agenda-day-${DEMOCON_DAY_2}`)
        assert.ok(DEMOCON_SLOT_TITLES.includes(f.title), `focus on a session of that slot (${f.title})`)
      })
      assert.ok(await page.locator(':focus').isVisible(), 'the focused link is shown')
    })
  })
})

describe('time zones', () => {
  it('in the event\'s zone: names it, and offers nothing', async t => {
    await withPage(t, PARIS, async page => {
      await open(page)
      assert.equal(await tzNote(page).textContent(), 'Heures de l’événement\u00a0: heure de Paris')
      assert.equal(await tzNote(page).getByRole('button').count(), 0)
      assert.equal(norm(await cardTime(page, 'Ouverture').textContent()), '10:00–10:15')
    })
  })

  it('in another zone: offers the visitor\'s times, shows them, remembers the choice and goes back', async t => {
    await withPage(t, NEW_YORK, async page => {
      await open(page)
      // The event's times by default, named, with the offer.
      assert.equal(norm(await cardTime(page, 'Ouverture').textContent()), '10:00–10:15')
      const toLocal = tzNote(page).getByRole('button', { name: 'Afficher mes heures locales (heure de New York)', exact: true })
      // (The visitor's zone is asked of the browser once the first view is on screen.)
      await eventually(async () => assert.equal(norm(await tzNote(page).textContent()),
        'Heures de l’événement : heure de Paris Afficher mes heures locales (heure de New York)'))
      assert.equal(await storedTimes(page), null, 'nothing stored without a choice')
      await toLocal.click()
      // Paris 10:00 is New York 04:00 in February (UTC+1, UTC−5).
      const local = async () => {
        await eventually(async () => assert.equal(norm(await cardTime(page, 'Ouverture').textContent()), '04:00–04:15'))
        assert.equal(norm(await tzNote(page).textContent()),
          'Vos heures locales : heure de New York Afficher les heures de l’événement')
        assert.ok(await tzNote(page).getByRole('button', { name: 'Afficher les heures de l’événement', exact: true }).isVisible())
        // The time slots' headings too, not only the cards.
        const ouverture = page.locator('.agenda-slot', { has: page.locator('#agenda-link-ouverture') })
        assert.equal(norm(await ouverture.locator('h3').textContent()), '04:00')
      }
      await local()
      assert.equal(await storedTimes(page), 'local')
      // The agenda was drawn anew: focus is back on the switch, not lost on <body>.
      await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'agenda-times-switch'))
      await page.reload()
      await page.locator('article.agenda-session').first().waitFor()
      await local()
      // And back to the event's.
      await tzNote(page).getByRole('button', { name: 'Afficher les heures de l’événement', exact: true }).click()
      await eventually(async () => assert.equal(norm(await cardTime(page, 'Ouverture').textContent()), '10:00–10:15'))
      assert.equal(norm(await tzNote(page).textContent()),
        'Heures de l’événement : heure de Paris Afficher mes heures locales (heure de New York)')
      assert.equal(await storedTimes(page), 'event')
    })
  })

  it('a zone declared UTC while the times say +01:00 is not named (the times are right, the label would not be)', async t => {
    await withPage(t, PARIS, async page => {
      await open(page, '?programme=fixtures/frab-from-pretalx-democon.json')
      assert.equal(norm(await tzNote(page).textContent()), 'Heures locales de l’événement')
    })
  })

  it('in English', async t => {
    await withPage(t, NEW_YORK, async page => {
      await open(page, '?lang=en')
      await eventually(async () => assert.equal(norm(await tzNote(page).textContent()), 'Event times: Paris time Show my local times (New York time)'))
      assert.ok(await tzNote(page).getByRole('button', { name: 'Show my local times (New York time)', exact: true }).isVisible())
    })
  })

  it('the panel\'s times follow the choice', async t => {
    await withPage(t, NEW_YORK, async page => {
      await open(page, AT_1405)
      const row = () => panel(page).getByRole('listitem').first()
      assert.match(norm(await row().textContent()), /\(jusqu’à 15:15\).*À suivre : Pause \(15:15\)/, 'the event\'s times first')
      await tzNote(page).getByRole('button', { name: 'Afficher mes heures locales (heure de New York)', exact: true }).click()
      await eventually(async () => {
        const text = norm(await row().textContent())
        assert.match(text, new RegExp(`En ce moment : ${UNDER_WAY} \\(jusqu’à 09:15\\)`))
        assert.match(text, /À suivre : Pause \(09:15\)/)
      })
    })
  })
})
