// The agenda inside a partner's page (`?embed=1`, public/embed.js), loaded by js/page.js only
// then: "Ouvrir l'agenda complet" (the standalone agenda at the view shown, in a new tab), and
// the page's height sent to the partner's page at every change, so that its frame has no
// scrollbar of its own. scripts/post-build.mjs names it after its content's hash.
const doc = document
const root = doc.documentElement
const framed = parent !== self
root.dataset.embed = framed ? 'framed' : ''

const full = doc.createElement('a')
full.className = 'agenda-full'
full.target = '_blank'
full.rel = 'noopener noreferrer'
// The app keeps the URL up to date: the link follows it, without `embed`.
const standalone = () => {
  const u = new URL(location.href)
  u.searchParams.delete('embed')
  full.href = u.href
}
// In a landmark of its own (every part of the page is in one), named like the link.
const nav = doc.createElement('nav')
nav.append(full)
// Its words follow <html lang>, which the app sets.
const words = () => {
  full.textContent = root.lang === 'en' ? 'Open the full agenda' : 'Ouvrir l’agenda complet'
  nav.setAttribute('aria-label', full.textContent)
}
standalone()
words()
full.onfocus = full.onpointerdown = standalone
new MutationObserver(words).observe(root, { attributeFilter: ['lang'] })
doc.body.prepend(nav)

// The app writes its URLs from what it knows (crates/agenda-core/src/query.rs), which is not
// these parameters: they are put back, so that a reload (after "Recharger") stays as embedded.
const look = [...new URLSearchParams(location.search)].filter(([k]) => ['embed', 'view', 'accent', 'theme'].includes(k))
for (const name of ['pushState', 'replaceState']) {
  const write = history[name]
  history[name] = function (state, title, url) {
    if (url != null) {
      url = new URL(url, location.href)
      for (const [k, v] of look) url.searchParams.set(k, v)
    }
    return write.call(this, state, title, url)
  }
}

if (framed) {
  let last = 0
  new ResizeObserver(() => {
    standalone()
    const height = Math.ceil(root.getBoundingClientRect().height)
    // Any origin may embed the agenda; the height is no secret. embed.js checks who sends it.
    if (height !== last) parent.postMessage(['agenda-height', (last = height)], '*')
  }).observe(root)
}
