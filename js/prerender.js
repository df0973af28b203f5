// The page's pre-rendered first view (<div id="agenda-prerendered">, drawn at build time by the
// app's own components: `agenda-check --publish`), shown before the first paint where the app
// will draw the same, then handed over to the app once it has drawn. A classic script in <head>,
// blocking and small: it runs before the body is parsed.
//
// Shown only at the bare default address: no query parameter at all (another programme, another
// language, a session, a day, favourites, embedded… the service worker serves this same page for
// every address, and nothing of the default programme must flash there); with the language, the
// times, the layout and the favourites as a fresh visitor's (none kept: the view's stars are all
// off; and storage that works: else the app says favourites are not kept); outside the event
// ("En ce moment" is not pre-rendered); and not where the app would choose the grid (rooms as
// columns on a wide screen).
//
// Also: the programme starts downloading now, while the page is parsed (a preload that the app's
// own request then uses), at every address.
{
  const doc = document
  const root = doc.documentElement
  const params = new URLSearchParams(location.search)

  const preload = doc.createElement('link')
  preload.rel = 'preload'
  preload.as = 'fetch'
  preload.crossOrigin = 'anonymous'
  preload.href = params.get('programme') || 'programme.json'
  doc.head.append(preload)

  // What the build wrote beside the view (src/prerender.rs, `conditions`).
  const meta = doc.querySelector('meta[name=agenda-prerender]')
  let built = null
  try {
    built = JSON.parse(meta.content)
  } catch {}

  // The keys and values the app reads (src/state/route.rs, src/components/session_list.rs; the
  // favourites' key: agenda_core::favourites::storage_key for the default programme's address).
  const fresh = () => {
    try {
      const s = localStorage
      const lang = s.getItem('agenda-lang')
      const layout = s.getItem('agenda-layout')
      if ((lang && lang !== 'fr') || s.getItem('agenda-times') === 'local' || layout === 'grid') return false
      // Favourites kept for the default programme: the view's stars would show them off until
      // the app takes over. Only an empty list (every star taken back) is a fresh visitor's.
      const favs = s.getItem('agenda:favourites:programme.json')
      if (favs !== null) {
        let items = null
        try {
          const stored = JSON.parse(favs)
          items = Array.isArray(stored) ? stored : stored && stored.items
        } catch {}
        if (!Array.isArray(items) || items.length > 0) return false
      }
      // The app chooses the grid for rooms as columns where they fit: at least 880 px wide.
      if (layout !== 'list' && built.rooms > 1 && innerWidth >= 880) return false
      s.setItem('agenda:probe', '1')
      s.removeItem('agenda:probe')
      return true
    } catch {
      return false
    }
  }
  const now = Date.now() / 1000
  const show = built && built.until > 0 && !location.search.replace('?', '') &&
    !(built.from <= now && now < built.until) && fresh()

  // The page's wasm (its name: scripts/post-build.mjs): preloaded now where the view is not shown;
  // where it is, js/page.js fetches it once the view is painted.
  const wasm = doc.querySelector('meta[name=agenda-wasm]')
  if (!show && wasm) {
    const link = doc.createElement('link')
    link.rel = 'preload'
    link.as = 'fetch'
    link.type = 'application/wasm'
    link.crossOrigin = 'anonymous'
    link.href = wasm.content
    doc.head.append(link)
  }

  if (!show) {
    // Not shown: gone before the app draws, so that its ids are the only ones in the page (the
    // app finds its search box, links and slots by id).
    const drop = () => doc.getElementById('agenda-prerendered')?.remove()
    doc.addEventListener('DOMContentLoaded', drop, { once: true })
    doc.addEventListener('agenda-start', drop, { once: true })
  } else {
    root.dataset.agendaPrerender = ''
    // The visitor's zone is the event's when its offset from UTC is the programme's at each
    // instant given (as the app decides: src/browser.rs, `zone_differs`).
    if (built.zones.some(([t, offset]) => -new Date(t * 1000).getTimezoneOffset() !== offset)) {
      root.dataset.agendaZone = 'other'
    }
    const view = () => doc.getElementById('agenda-prerendered')
    const app = () => doc.getElementById('agenda-root')

    // The app starts (src/lib.rs): the view's ids are set aside, so that the app's own are the
    // only ones in the page (kept as data-agenda-id, to find their counterparts).
    doc.addEventListener('agenda-start', () => {
      for (const el of view().querySelectorAll('[id]')) {
        el.dataset.agendaId = el.id
        el.removeAttribute('id')
      }
    }, { once: true })

    // The element of the app that stands where `el` stands in the view: the same id, else the
    // same tag and classes at the same rank.
    const counterpart = el => {
      const id = el.dataset.agendaId
      if (id) return doc.getElementById(id)
      const selector = el.localName + [...el.classList].map(c => '.' + CSS.escape(c)).join('')
      const rank = [...view().querySelectorAll(selector)].indexOf(el)
      return app().querySelectorAll(selector)[rank] || null
    }

    // The app has drawn (src/components/agenda.rs; or says why it cannot): one frame later it
    // takes the view's place, with what the visitor did meanwhile: the panels unfolded, the
    // search typed, and focus.
    doc.addEventListener('agenda-drawn', () => requestAnimationFrame(() => {
      const pre = view()
      if (!pre) return
      for (const details of pre.querySelectorAll('details')) {
        const there = counterpart(details)
        if (there && there.open !== details.open) there.open = details.open
      }
      const typed = pre.querySelector('[data-agenda-id=agenda-search]')
      const search = doc.getElementById('agenda-search')
      const focused = pre.contains(doc.activeElement) ? counterpart(doc.activeElement) : null
      // The app's cards drawn so far are laid out whole, as the view's were (see the stylesheet):
      // skipped at first, they would be drawn at their placeholder's size for a frame, then at
      // theirs (a layout shift). Cards drawn later keep the app's content-visibility.
      for (const el of app().querySelectorAll('.agenda-session')) el.style.contentVisibility = 'visible'
      delete root.dataset.agendaPrerender
      pre.remove()
      if (typed && typed.value && search) {
        search.value = typed.value
        search.dispatchEvent(new Event('input', { bubbles: true }))
      }
      if (focused) focused.focus({ preventScroll: true })
    }), { once: true })
  }
}
