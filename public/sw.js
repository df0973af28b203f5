// The agenda's service worker: the app opens with the network off after one visit.
// - The shell (page, script, wasm, style, icons) is precached at install in a cache named after
//   this build's version; older versions' caches go at activation.
// - The export reader (the worker that reads frab, pretalx and schedule 2.0 exports, `READER`) is
//   not: most visitors never need it, and it is a third of the shell. It is kept in the shell's
//   cache as soon as a programme that needs it is kept, and a new version precaches it when such
//   a programme is kept (so an export kept offline still opens after an update).
// - The page itself is served from that cache (a new build waits until the visitor chooses to
//   reload: "Nouvelle version disponible — Recharger", see js/page.js).
// - A programme (any other GET the page fetches) is asked of the network first. Only a file the
//   agenda can read as a programme (see `readable`) is kept, as the last good copy. When the
//   network fails, takes more than TIMEOUT ms, or answers with anything else (an error status, a
//   404, a venue's login page, an empty or cut-off file, `null`), the last good copy is used if
//   there is one, and the page is told when that copy was fetched and why it is shown; without a
//   copy, the page gets the network's answer as it came, and says itself what is wrong with it.
// The next line is rewritten by scripts/post-build.mjs with the build's version and its hashed
// file names; as written here (`trunk serve` in debug does not register it) it caches nothing.
const VERSION = 'dev', SHELL = [], READER = []
const SHELL_CACHE = 'agenda-shell-' + VERSION
const DATA_CACHE = 'agenda-programmes-v1'
const FETCHED = 'X-Agenda-Fetched'
// On a kept programme: 'export' when it needs the export reader to be read.
const KIND = 'X-Agenda-Kind'
const TIMEOUT = 3500
const INDEX = new URL('./', self.registration.scope).href

// A file named by its content's hash is the same wherever it comes from: the copy the page has
// just downloaded (the browser's cache) serves, rather than a second download of the wasm on a
// first visit. Other files (the page, the manifest, the icons) are asked of the server.
const shellRequest = f => new Request(f, { cache: /-[0-9a-f]{16}[._]/.test(f) ? 'force-cache' : 'reload' })

self.addEventListener('install', event => {
  event.waitUntil((async () => {
    const files = await exportKept() ? [...SHELL, ...READER] : SHELL
    await (await caches.open(SHELL_CACHE)).addAll(files.map(shellRequest))
  })())
})

// Whether a programme kept needs the export reader (see `programme`).
async function exportKept () {
  const kept = await (await caches.open(DATA_CACHE)).matchAll()
  return kept.some(r => r.headers.get(KIND) === 'export')
}

// Keeps the export reader in this version's shell (what is there already stays).
async function keepReader () {
  const cache = await caches.open(SHELL_CACHE)
  await Promise.all(READER.map(async f => (await cache.match(f)) || cache.add(shellRequest(f)))).catch(() => {})
}

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('agenda-shell-') && k !== SHELL_CACHE).map(k => caches.delete(k))))
    // The first visit's page is controlled at once, so that the programme it shows is kept.
    .then(() => self.clients.claim()))
})

self.addEventListener('message', event => {
  const m = event.data
  // The visitor chose "Recharger": this version takes over, and the page reloads.
  if (m === 'skip') self.skipWaiting()
  // A page loaded before this worker controlled it: keep the programme it fetched.
  else if (m && m.programme) event.waitUntil(programme(new Request(m.programme), null, null))
})

self.addEventListener('fetch', event => {
  const req = event.request
  if (req.method !== 'GET') return
  const url = new URL(req.url)
  if (req.mode === 'navigate') {
    // The agenda's page, whatever its query: this version's copy. Other pages: the network.
    url.search = ''
    if (url.href === INDEX || url.href === INDEX + 'index.html') {
      event.respondWith(caches.match(INDEX, { cacheName: SHELL_CACHE }).then(r => r || fetch(req)))
    }
    return
  }
  if (SHELL.some(f => new URL(f, INDEX).href === url.href)) {
    event.respondWith(caches.match(req, { cacheName: SHELL_CACHE }).then(r => r || fetch(req)))
  } else if (READER.some(f => new URL(f, INDEX).href === url.href)) {
    // Kept once asked for: the export it reads is kept too (see `programme`).
    event.respondWith(caches.match(req, { cacheName: SHELL_CACHE }).then(r => r || fetch(req).then(res => {
      if (res.ok) event.waitUntil(caches.open(SHELL_CACHE).then(c => c.put(req, res.clone())).catch(() => {}))
      return res
    })))
  } else if (req.destination === '') {
    event.respondWith(programme(req, event, null))
  }
})

// Network first, then the last good copy (see the top of this file). `event` keeps the worker
// alive while a slow answer arrives after the copy was used; `client` is told which was used.
async function programme (req, event, client) {
  client = client || (event && event.clientId && await self.clients.get(event.clientId))
  const cache = await caches.open(DATA_CACHE)
  const key = req.url
  // What the network said: `res` (none when the request failed), and `why` it is not a good
  // programme, if it is not ({ kind: 'offline' | 'status' | 'broken', status }).
  const fresh = fetch(req, { cache: 'no-cache' }).then(async res => {
    if (!res.ok) return { res, why: { kind: 'status', status: res.status } }
    const kind = readable(await res.clone().text())
    if (!kind) return { res, why: { kind: 'broken' } }
    const headers = new Headers(res.headers)
    // The stored body is the decoded one.
    headers.delete('content-encoding')
    headers.delete('content-length')
    headers.set(FETCHED, new Date().toISOString())
    headers.set(KIND, kind)
    // Storage refused (full, private mode): the answer is still good.
    await cache.put(key, new Response(await res.clone().blob(), { status: res.status, statusText: res.statusText, headers })).catch(() => {})
    // An export kept offline is read by the export reader: keep it too.
    if (kind === 'export') await keepReader()
    return { res }
  }).catch(() => ({ why: { kind: 'offline' } }))
  if (event) event.waitUntil(fresh)
  const timer = new Promise(resolve => setTimeout(resolve, TIMEOUT, { why: { kind: 'timeout' } }))
  let answer = await Promise.race([fresh, timer])
  if (answer.why) {
    const copy = await cache.match(key)
    if (copy) {
      tell(client, { url: key, fetched: copy.headers.get(FETCHED), ...answer.why })
      return copy
    }
    // No copy: the network's answer however late (the page has its own timeout), as it came.
    if (answer.why.kind === 'timeout') answer = await fresh
  }
  tell(client, { url: key, fetched: null })
  return answer.res || Response.error()
}

// Whether `text` is a programme the agenda can read: JSON whose shape is one of the formats the
// app detects (crates/agenda-core/src/read/mod.rs, `detect`). A cheap check of the structure, so
// that `null`, `{"error": …}` or a page never replace a good copy; the app reads the rest.
// 'own' for the agenda's own format (read by the page), 'export' for the others (read by the
// export reader), false for anything else.
function readable (text) {
  let v
  try {
    v = JSON.parse(text)
  } catch {
    return false
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false
  const has = (o, k) => !!o && typeof o === 'object' && Object.hasOwn(o, k) && o[k] !== null
  if (has(v, 'agenda_format') || (has(v, 'event') && has(v, 'sessions'))) return 'own'
  return (has(v.schedule, 'conference') || // frab / c3voc schedule.json, schedule 2.0 included
    Array.isArray(v.talks) || // pretalx's widget
    ((has(v, '$schema') || has(v, 'version')) && has(v, 'conference') && Array.isArray(v.events))) && // schedule 2.0, unwrapped
    'export'
}

function tell (client, message) {
  if (client) client.postMessage({ agenda: 'programme', ...message })
}
