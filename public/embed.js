/*! The agenda on a partner's page, with two lines (see the README, "Embedding"):
 *
 *   <div data-agenda data-programme="https://example.org/programme.json"></div>
 *   <script src="https://agenda.example.org/embed.js" async></script>
 *
 * Each element with `data-agenda` becomes an iframe of the agenda (the folder this script comes
 * from) in embed mode. Options, as attributes of that element (all optional):
 *   data-programme  the programme's URL, relative to this page or absolute (its host must allow
 *                   the agenda's origin with CORS, and the agenda's CSP must allow it)
 *   data-lang       fr (default) or en
 *   data-view       list or grid
 *   data-day        YYYY-MM-DD, the day shown first
 *   data-track      a theme's name, as in the programme: only its sessions at first
 *   data-room       a room's name, likewise
 *   data-accent     a CSS colour for links and buttons (made darker or lighter if needed so that
 *                   text stays readable: WCAG AA)
 *   data-theme      light, dark or auto (default: the visitor's setting)
 *   data-title      the frame's name for screen readers (default "Programme de l'événement")
 * The frame is as tall as its content (the agenda posts its height; no inner scrollbar). No
 * dependency, no cookie, nothing else loaded. */
(function () {
  var me = document.currentScript || document.querySelector('script[src*="embed.js"]')
  if (!me) return
  var app = new URL('./', me.src)
  var frames = []

  function embed (el) {
    var d = el.dataset
    var q = new URLSearchParams({ embed: '1' })
    // Resolved here, against the partner's page, like any URL in it.
    if (d.programme) q.set('programme', new URL(d.programme, document.baseURI).href)
    ;['lang', 'view', 'day', 'track', 'room', 'accent', 'theme'].forEach(function (k) {
      if (d[k] && d[k] !== 'auto') q.set(k, d[k])
    })
    var f = document.createElement('iframe')
    f.src = app.href + '?' + q
    f.title = d.title || (d.lang === 'en' ? 'Event programme' : 'Programme de l’événement')
    f.setAttribute('scrolling', 'no')
    f.style.cssText = 'display:block;width:100%;height:40rem;border:0;overflow:hidden'
    el.replaceWith(f)
    frames.push(f)
  }

  function run () {
    document.querySelectorAll('[data-agenda]').forEach(embed)
  }

  // Only the agenda's own frames, from the agenda's origin, may set a frame's height.
  addEventListener('message', function (e) {
    var m = e.data
    if (e.origin !== app.origin || !Array.isArray(m) || m[0] !== 'agenda-height' || !(m[1] > 0)) return
    frames.forEach(function (f) {
      if (f.contentWindow === e.source) f.style.height = Math.ceil(m[1]) + 'px'
    })
  })

  run()
  // `async`: this may run before the rest of the page is read.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run)
})()
