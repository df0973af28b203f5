#!/usr/bin/env node
// Deterministic generator of a frab/c3voc schedule.json for the benchmark.
//
// usage: node bench/gen-programme.mjs [--sessions 1000] [--seed agenda] [--out FILE]
//   default FILE: bench/out/programme-<sessions>.json (bench/out/ is gitignored)
//
// Same shape as tests/fixtures/frab-from-pretalx-democon.json (what pretalx exports):
// schedule.conference.days[].rooms[room][] events with id, guid, date (with its Europe/Paris
// offset), start, duration, room, slug, url, title, subtitle, track, type, language, abstract,
// description, persons [{id, code, public_name, biography}], links, attachments.
// The sessions are spread over 4 days (26-29 March 2027: the clocks go forward on the 28th, so
// both +01:00 and +02:00 occur), 25 rooms and 8 tracks; titles and abstracts look French (about
// one session in six mentions "numérique", so a search for it narrows the list); speakers come
// from a pool smaller than the number of sessions, so most speak more than once.
// The same arguments always give the same bytes (seeded PRNG, no clock, no Math.random).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const DAYS = [
  { date: '2027-03-26', offset: '+01:00' },
  { date: '2027-03-27', offset: '+01:00' },
  { date: '2027-03-28', offset: '+02:00' }, // summer time from 02:00 that night
  { date: '2027-03-29', offset: '+02:00' },
]

const ROOM_NAMES = [
  'Amphithéâtre Condorcet', 'Amphithéâtre Olympe de Gouges', 'Auditorium Jean Jaurès', 'Salle Ada Lovelace',
  'Salle Alan Turing', 'Salle Grace Hopper', 'Salle Marie Curie', 'Salle Louis Pouzin', 'Salle Hedy Lamarr',
  'Salle Blaise Pascal', 'Salle Sophie Germain', 'Salle Émilie du Châtelet', 'Salle Gustave Eiffel',
  'Salle Rosalind Franklin', 'Salle Jacques Prévert', 'Atelier A', 'Atelier B', 'Atelier C', 'Atelier D',
  'Atelier E', 'Forum des associations', 'Espace démonstrations', 'Petite salle du rez-de-chaussée',
  'Salle du conseil', 'Chapiteau',
]

const TRACKS = [
  { name: 'Territoires et algorithmes', color: '#1f5fa8' },
  { name: 'Communs numériques', color: '#8a3b12' },
  { name: 'Données ouvertes', color: '#2d6a2e' },
  { name: 'Inclusion et médiation', color: '#6b2d7a' },
  { name: 'Sobriété et environnement', color: '#0f6b6b' },
  { name: 'Services publics', color: '#9c2a4b' },
  { name: 'Éducation et recherche', color: '#5a5a12' },
  { name: 'Logiciels libres', color: '#3d3d8f' },
]

const TYPES = ['Conférence', 'Conférence', 'Conférence', 'Table ronde', 'Atelier', 'Retour d’expérience']

const FIRST = ['Camille', 'Claire', 'Dominique', 'Élise', 'Émilie', 'Hélène', 'Inès', 'Jeanne', 'Léa', 'Lucie',
  'Manon', 'Mathilde', 'Nadia', 'Noémie', 'Océane', 'Pauline', 'Rachida', 'Solène', 'Yasmine', 'Zoé',
  'Antoine', 'Bastien', 'Cédric', 'Damien', 'Étienne', 'François', 'Gaël', 'Hugo', 'Jérôme', 'Karim',
  'Loïc', 'Mathieu', 'Nicolas', 'Olivier', 'Pierre', 'Rémi', 'Sébastien', 'Thierry', 'Valentin', 'Yann']
const LAST = ['Bernard', 'Bonnet', 'Chevalier', 'Colin', 'Da Silva', 'Dubois', 'Durand', 'Fabre', 'Faure',
  'Fontaine', 'Garnier', 'Gauthier', 'Girard', 'Guérin', 'Lambert', 'Lefèvre', 'Legrand', 'Lemaire',
  'Leroy', 'Martin', 'Mercier', 'Moreau', 'Morel', 'Nguyen', 'Perrin', 'Petit', 'Renaud', 'Robin',
  'Rousseau', 'Roussel', 'Roux', 'Simon', 'Texier', 'Vidal', 'Vincent', 'Ben Saïd', 'Le Gall', 'Kerbrat',
  'Ollivier', 'Žižek']

const SUBJECTS = ['les données ouvertes', 'la cartographie participative', 'les algorithmes publics',
  'la médiation numérique', 'les tiers-lieux', 'la commande publique', 'les logiciels libres',
  'l’intelligence artificielle', 'les communs', 'la sobriété énergétique', 'les réseaux de collectivités',
  'l’inclusion', 'les archives', 'la mobilité', 'l’école', 'les bibliothèques', 'la santé', 'l’agriculture',
  'les fablabs', 'la démocratie locale', 'le très haut débit', 'les jeux vidéo', 'la presse locale',
  'l’open data', 'les plateformes', 'la cybersécurité', 'les élections', 'l’accessibilité']
const PLACES = ['en milieu rural', 'dans les quartiers', 'à l’échelle d’une métropole', 'dans les villes moyennes',
  'en Bretagne', 'outre-mer', 'en montagne', 'au collège', 'à la mairie', 'dans un département',
  'entre deux régions', 'en Europe', 'sur le littoral', 'au quotidien']
const VERBS = ['Mesurer', 'Cartographier', 'Gouverner', 'Partager', 'Documenter', 'Réparer', 'Financer',
  'Ouvrir', 'Évaluer', 'Repenser', 'Outiller', 'Animer', 'Raconter', 'Relocaliser', 'Mutualiser']
const NOUNS = ['Retour sur', 'Enquête sur', 'Regards croisés sur', 'Bilan d’étape :', 'Petite histoire de',
  'Manuel pour', 'Controverses autour de', 'Dix ans de']
const QUALIFIERS = ['ce que nous avons appris', 'méthodes et outils', 'un cas d’école', 'premiers résultats',
  'questions ouvertes', 'un guide pratique', 'limites et promesses', 'pour qui, pour quoi ?']
const ABSTRACT_WORDS = ('abordera pratiques méthodes outils territoires collectivités habitants élus agents ' +
  'associations chercheuses chercheurs données résultats enquête terrain usages réseaux coopération ' +
  'partage accompagnement formation bénévoles public ouvertes libres locales réemploi confiance ' +
  'gouvernance évaluation budget écoles quartiers campagnes expérimentation retour expérience ' +
  'question réponse projet équipe réel curieuse partagée éducatifs méthodes durables').split(' ')
const LINK_TITLES = ['Support de présentation', 'Article de blog', 'Dépôt du code', 'Rapport d’étude']

// ---------------------------------------------------------------- seeded PRNG

function hashSeed (s) {
  let h = 2166136261 >>> 0
  for (const c of String(s)) { h ^= c.codePointAt(0); h = Math.imul(h, 16777619) >>> 0 }
  return h
}
// mulberry32
function prng (seed) {
  let a = hashSeed(seed)
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = n => Math.floor(next() * n)
  const pick = list => list[int(list.length)]
  return { next, int, pick }
}

const pad = n => String(n).padStart(2, '0')
const hhmm = minutes => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
const slugify = s => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
const cap = s => s.charAt(0).toUpperCase() + s.slice(1)

function uuid (r) {
  const hex = Array.from({ length: 32 }, () => r.int(16).toString(16))
  hex[12] = '4'
  hex[16] = (8 + r.int(4)).toString(16)
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ3456789'
const code = r => Array.from({ length: 6 }, () => CODE_CHARS[r.int(CODE_CHARS.length)]).join('')

function sentence (r, min, max, extra) {
  const n = min + r.int(max - min + 1)
  const words = Array.from({ length: n }, () => r.pick(ABSTRACT_WORDS))
  if (extra) words.splice(1 + r.int(n - 1), 0, extra)
  return cap(words.join(' ')) + '.'
}

function title (r, numerique) {
  const subject = r.pick(SUBJECTS)
  let t
  switch (r.int(4)) {
    case 0: t = `${r.pick(VERBS)} ${subject} ${r.pick(PLACES)}`; break
    case 1: t = `${r.pick(NOUNS)} ${subject}`; break
    case 2: t = `${cap(subject)} ${r.pick(PLACES)} : ${r.pick(QUALIFIERS)}`; break
    default: t = `${r.pick(VERBS)} ${subject} : ${r.pick(QUALIFIERS)}`
  }
  return numerique ? t.replace(subject, `${subject} et le numérique`) : t
}

// ---------------------------------------------------------------- the programme

export function generate ({ sessions = 1000, seed = 'agenda' } = {}) {
  const N = Math.max(1, Math.floor(sessions))
  const r = prng(`${seed}:${N}`)
  const rooms = ROOM_NAMES.map(name => ({ name, guid: uuid(r), description: null, capacity: 20 + 10 * r.int(30) }))

  // A pool smaller than the sessions: most speakers appear in several sessions.
  const poolSize = Math.max(8, Math.round(N * 0.6))
  const used = new Set()
  const people = []
  for (let i = 0; people.length < poolSize; i++) {
    let name = `${r.pick(FIRST)} ${r.pick(LAST)}`
    if (used.has(name)) name = `${name} ${i}` // a bigger pool than the name combinations: keep names unique
    used.add(name)
    people.push({ id: 1000 + people.length, code: code(r), public_name: name,
      biography: `${sentence(r, 6, 12)} ${sentence(r, 5, 10)}`, answers: [] })
  }
  // Skewed choice: some speakers are much in demand.
  const speaker = () => people[Math.floor(poolSize * r.next() ** 1.6)]

  // Sessions per day (as even as possible), then per room, each room filled from 09:00.
  const perDay = DAYS.map((_, d) => Math.floor(N / DAYS.length) + (d < N % DAYS.length ? 1 : 0))
  let id = 10000
  const days = DAYS.map((day, d) => {
    const count = perDay[d]
    const byRoom = Object.fromEntries(rooms.map(room => [room.name, []]))
    const perRoom = rooms.map((_, k) => Math.floor(count / rooms.length) + (k < count % rooms.length ? 1 : 0))
    rooms.forEach((room, k) => {
      const k_ = perRoom[k]
      // 09:00-21:00 (720 minutes) holds every room's sessions, however many there are
      const budget = 720 / Math.max(1, k_)
      let t = 9 * 60 + 15 * r.int(3)
      for (let j = 0; j < k_; j++) {
        let dur = r.pick([30, 45, 60, 60, 90])
        // at least 5 minutes, and never past the day: 100 sessions a room still end by 21:00
        if (dur > budget) dur = Math.max(5, Math.floor(budget / 5) * 5)
        const gap = budget - dur >= 30 ? 15 * r.int(2) : 0
        const sid = id++
        const numerique = r.next() < 1 / 6
        const tt = title(r, numerique)
        const track = r.pick(TRACKS).name
        const persons = []
        const np = 1 + (r.next() < 0.35 ? 1 : 0) + (r.next() < 0.12 ? 1 : 0)
        while (persons.length < np) {
          const p = speaker()
          if (!persons.includes(p)) persons.push(p)
        }
        const c = code(r)
        const slug = `bench-${sid}-${slugify(tt)}`.slice(0, 80)
        byRoom[room.name].push({
          id: sid,
          guid: uuid(r),
          logo: '',
          date: `${day.date}T${hhmm(t)}:00${day.offset}`,
          start: hhmm(t),
          duration: hhmm(dur),
          room: room.name,
          slug,
          url: `https://agenda.invalid/bench/talk/${c}/`,
          title: tt,
          subtitle: r.next() < 0.3 ? cap(r.pick(QUALIFIERS)) : '',
          track,
          type: r.pick(TYPES),
          language: r.next() < 0.9 ? 'fr' : 'en',
          abstract: `${sentence(r, 8, 16, numerique ? 'numérique' : null)} ${sentence(r, 6, 14)}`,
          description: Array.from({ length: 1 + r.int(2) }, () => `${sentence(r, 8, 18)} ${sentence(r, 6, 14)}`).join('\n\n'),
          recording_license: '',
          do_not_record: r.next() < 0.1,
          persons: persons.map(p => ({ ...p })),
          links: r.next() < 0.3 ? [{ url: `https://agenda.invalid/bench/doc/${c}`, title: r.pick(LINK_TITLES) }] : [],
          attachments: [],
        })
        t += dur + gap
      }
    })
    return {
      index: d + 1,
      date: day.date,
      day_start: `${day.date}T04:00:00${day.offset}`,
      day_end: `${DAYS[d + 1] ? DAYS[d + 1].date : '2027-03-30'}T03:59:00${day.offset}`,
      rooms: byRoom,
    }
  })

  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'agenda bench/gen-programme.mjs', version: '1' },
    schedule: {
      version: `bench-${N}-${seed}`,
      base_url: 'https://agenda.invalid/bench/',
      conference: {
        acronym: `bench${N}`,
        title: `Banc d’essai — ${N} séances`,
        start: DAYS[0].date,
        end: DAYS[DAYS.length - 1].date,
        daysCount: DAYS.length,
        timeslot_duration: '00:05',
        time_zone_name: 'Europe/Paris',
        rooms,
        tracks: TRACKS,
        days,
      },
    },
  }
}

/** Counts per day of a generated (or any frab) programme: [{date, sessions}]. */
export const sessionsPerDay = programme => programme.schedule.conference.days
  .map(d => ({ date: d.date, sessions: Object.values(d.rooms).reduce((n, evs) => n + evs.length, 0) }))

export const BENCH_OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out')

export function writeProgramme ({ sessions = 1000, seed = 'agenda', out } = {}) {
  const programme = generate({ sessions, seed })
  const file = path.resolve(out || path.join(BENCH_OUT, `programme-${sessions}.json`))
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(programme, null, 1) + '\n')
  return { file, programme }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2)
  const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : def }
  const sessions = Number(opt('sessions', 1000))
  if (!Number.isInteger(sessions) || sessions < 1) {
    console.error('usage: node bench/gen-programme.mjs [--sessions N] [--seed S] [--out FILE]')
    process.exit(2)
  }
  const { file, programme } = writeProgramme({ sessions, seed: opt('seed', 'agenda'), out: opt('out') })
  const perDay = sessionsPerDay(programme).map(d => `${d.date}: ${d.sessions}`).join(', ')
  console.log(`${file}: ${sessions} sessions (${perDay}), ${fs.statSync(file).size} bytes`)
}
