// The agenda's service worker: the app opens with the network off after one visit.
// - The shell (page, script, wasm, style, icons, the export reader) is precached at install in a
//   cache named after this build's version; older versions' caches go at activation.
// - The page itself is served from that cache (a new build waits until the visitor chooses to
//   reload: "Nouvelle version disponible — Recharger", see js/page.js).
// - A programme (any other GET the page fetches) is asked of the network first; after TIMEOUT ms,
//   or when the network fails, answers with an error status or with what is not JSON (a venue's
//   login page), the last good copy is used if there is one, and the page is told when that copy
//   was fetched. Only an OK, JSON-parsable answer is ever stored.
// The next line is rewritten by scripts/post-build.mjs with the build's version and its hashed
// file names; as written here (`trunk serve` in debug does not register it) it caches nothing.
const VERSION = 'dev', SHELL = []
const SHELL_CACHE = 'agenda-shell-' + VERSION
const DATA_CACHE = 'agenda-programmes-v1'
const FETCHED = 'X-Agenda-Fetched'
const TIMEOUT = 3500
const INDEX = new URL('./', self.registration.scope).href

self.addEventListener('install', event => {
  // A file named by its content's hash is the same wherever it comes from: the copy the page has
  // just downloaded (the browser's cache) serves, rather than a second download of the wasm on a
  // first visit. Other files (the page, the manifest, the icons) are asked of the server.
  const mode = f => /-[0-9a-f]{16}[._]/.test(f) ? 'force-cache' : 'reload'
  event.waitUntil(caches.open(SHELL_CACHE).then(c => c.addAll(SHELL.map(f => new Request(f, { cache: mode(f) })))))
})

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
  const fresh = fetch(req, { cache: 'no-cache' }).then(async res => {
    if (!res.ok) return res.status < 500 ? res : null
    try {
      JSON.parse(await res.clone().text())
    } catch {
      return null
    }
    const headers = new Headers(res.headers)
    // The stored body is the decoded one.
    headers.delete('content-encoding')
    headers.delete('content-length')
    headers.set(FETCHED, new Date().toISOString())
    await cache.put(key, new Response(await res.clone().blob(), { status: res.status, statusText: res.statusText, headers }))
    return res
  }).catch(() => null)
  if (event) event.waitUntil(fresh)
  const timer = new Promise(resolve => setTimeout(resolve, TIMEOUT, null))
  let res = await Promise.race([fresh, timer])
  if (!res) {
    const copy = await cache.match(key)
    if (copy) {
      tell(client, { url: key, fetched: copy.headers.get(FETCHED) })
      return copy
    }
    // No copy: the network's answer however late (the page has its own timeout), or an error.
    res = await fresh
  }
  tell(client, { url: key, fetched: null })
  return res || Response.error()
}

function tell (client, message) {
  if (client) client.postMessage({ agenda: 'programme', ...message })
}
