// The page's own script, beside the app (no wasm: every byte of wasm counts, and none of this
// needs Rust). scripts/post-build.mjs puts it, with Trunk's bootstrap, in one hashed module: the
// page has no inline script (see its Content-Security-Policy), and no extra request.
// (the programme's download is started earlier, while the page is parsed: js/prerender.js)
// - registers the service worker (public/sw.js) and says what it reports: when a kept copy of
//   the programme is shown, which and why ("Hors ligne — programme du 10 février à 9:42", "Le
//   programme publié est illisible (erreur 500) : voici la version du 10 février à 9:42", see
//   `kept`), and "Nouvelle version disponible — Recharger" when a new build waits (nothing
//   reloads by itself);
// - tells the app the export reader's address (`<html data-worker>`), which the build names
//   after its content like every script (scripts/post-build.mjs);
// - embedded (`?embed=1`, see public/embed.js): js/embed-frame.js;
// - `?theme=light|dark`, `?accent=<colour>` and `?view=list|grid` as attributes of <html>,
//   which the stylesheet and the app follow.
// Its words follow <html lang>, which the app sets.
const doc = document
const root = doc.documentElement
const params = new URLSearchParams(location.search)
const status = doc.getElementById('agenda-status')
const sw = navigator.serviceWorker
// "sw.js" in a release build; empty in `trunk serve`'s debug build (scripts/post-build.mjs), so
// that a cached page never hides the change being worked on.
const SW = '__SW__'
// The kept copy of the programme shown, as the service worker reports it: when it was fetched
// (ISO date), and why the network's answer was not used (`kind`: offline, timeout, status with
// its `status`, broken).
let copy = null
let waiting = null // a new build's worker, waiting for the visitor to reload

const fr = () => root.lang !== 'en'

// "10 février à 9:42", "10 February at 9:42" (with the year when it is not this one), in the
// visitor's clock: it says when their device last had the programme.
function when (iso) {
  const d = new Date(iso)
  const year = d.getFullYear() === new Date().getFullYear() ? '' : ' ' + d.getFullYear()
  return `${d.getDate()} ${d.toLocaleDateString(fr() ? 'fr' : 'en', { month: 'long' })}${year} ${fr() ? 'à' : 'at'} ${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}`
}

function notice (text) {
  const p = doc.createElement('p')
  p.className = 'agenda-notice'
  p.setAttribute('role', 'status')
  p.textContent = text
  status.append(p)
  return p
}

// Why the kept copy is shown, in words that are true: the network failed (or is too slow), the
// programme is no longer at its address, or what was published cannot be read.
function kept ({ fetched, kind, status: http }) {
  const date = when(fetched)
  const code = http ? (fr() ? ` (erreur ${http})` : ` (error ${http})`) : ''
  if (http === 404 || http === 410) {
    return fr() ? `Le programme n’est plus à cette adresse${code} : voici la version du ${date}` : `The programme is no longer at this address${code}: here is the version of ${date}`
  }
  if (kind === 'status' || kind === 'broken') {
    return fr() ? `Le programme publié est illisible${code} : voici la version du ${date}` : `The published programme cannot be read${code}: here is the version of ${date}`
  }
  return fr() ? `Hors ligne — programme du ${date}` : `Offline — programme of ${date}`
}

// Draws the notices anew (each is role="status", like the app's own notices).
function show () {
  if (!status) return
  status.textContent = ''
  if (copy) notice(kept(copy))
  if (waiting) {
    const button = doc.createElement('button')
    button.type = 'button'
    button.className = 'agenda-button'
    button.textContent = fr() ? 'Recharger' : 'Reload'
    button.onclick = () => {
      sw.addEventListener('controllerchange', () => location.reload())
      waiting.postMessage('skip')
    }
    notice(fr() ? 'Nouvelle version disponible — ' : 'New version available — ').append(button)
  }
}
new MutationObserver(show).observe(root, { attributeFilter: ['lang'] })

if (SW && sw) {
  sw.addEventListener('message', e => {
    const m = e.data
    if (!m || m.agenda !== 'programme') return
    const next = m.fetched && !isNaN(new Date(m.fetched)) ? { fetched: m.fetched, kind: m.kind, status: m.status } : null
    if (JSON.stringify(next) !== JSON.stringify(copy)) {
      copy = next
      show()
    }
  })
  const controlled = !!sw.controller
  // After the page's own downloads: the worker's precache must not compete with them, and takes
  // the wasm from the browser's cache rather than downloading it a second time. So once the page
  // has loaded and the app has drawn (where the view is pre-rendered, the wasm is fetched after
  // the page's load event); 10 s after the load at most (an app that never says it has drawn).
  const drawn = new Promise(resolve => {
    doc.addEventListener('agenda-drawn', resolve, { once: true })
    addEventListener('load', () => setTimeout(resolve, 10000), { once: true })
  })
  const loaded = new Promise(resolve => addEventListener('load', resolve, { once: true }))
  Promise.all([loaded, drawn]).then(() => {
    sw.register(SW).then(reg => {
      // Some browsers (and test harnesses blocking workers) resolve with nothing.
      if (!reg) return
      const offer = w => {
        // Only an update: the first install has no page to replace.
        if (w && sw.controller) {
          waiting = w
          show()
        }
      }
      offer(reg.waiting)
      reg.addEventListener('updatefound', () => {
        const w = reg.installing
        if (w) w.addEventListener('statechange', () => w.state === 'installed' && offer(w))
      })
    }, () => {}) // refused (some private modes, blocked storage): the agenda works online
    // This page's programme came before any worker: have the new worker keep it.
    if (!controlled) {
      const programme = new URL(params.get('programme') || 'programme.json', location.href).href
      sw.ready.then(reg => reg.active && reg.active.postMessage({ programme }))
    }
  })
}

// The export reader's worker: the app starts it by this name (src/browser.rs, `worker_script`).
root.dataset.worker = 'agenda-worker_loader.js'

// Embedded: its own small module, fetched only then (the default page does not carry it).
if (params.get('embed') === '1') import('./__EMBED__')

// `?view=list|grid`: read by the app (browser::page_view_choice) as the layout first shown.
const view = params.get('view')
if (view) root.dataset.view = view
const theme = params.get('theme')
if (theme === 'light' || theme === 'dark') root.dataset.theme = theme
const accent = params.get('accent')
if (accent && CSS.supports('color', accent)) {
  root.style.setProperty('--agenda-brand', accent)
  root.dataset.accent = ''
}

// The pre-rendered view shown (js/prerender.js): the app's wasm is fetched once the view is
// painted (its first contentful paint, then two frames for the rest of it; 3 s at most), so that
// its download does not delay the view on a slow network (its <meta name=agenda-wasm> has no
// preload there). The app then starts as everywhere else.
if (root.dataset.agendaPrerender !== undefined) {
  await new Promise(resolve => {
    const later = () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)))
    const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0
    try {
      if (painted()) later()
      else {
        new PerformanceObserver((list, observer) => {
          if (painted()) {
            observer.disconnect()
            later()
          }
        }).observe({ type: 'paint' })
      }
    } catch {
      later() // no paint timing in this browser: one frame
    }
    setTimeout(resolve, 3000)
  })
}
