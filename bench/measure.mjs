#!/usr/bin/env node
// Copied from /work/shared/bench/measure.mjs (the shared measurement harness, kept here so the
// repository is self-contained). Unchanged apart from this header: keep it in step with the
// shared copy, so that the figures stay comparable with the reference table in bench/bench.mjs.
// Browser measurement harness for agenda / schedule web pages.
//
// usage:
//   node measure.mjs --url URL --selector CSS [--count N]
//        [--search-selector CSS --query TEXT [--search-open CSS] [--no-wait-change]]
//        [--click-selector CSS [--click-open CSS]]
//        [--runs 5] [--profiles fast,slow] [--viewport 1280x800]
//        [--screenshot /path/prefix] [--label NAME] [--out result.json] [--timeout 120000]
//        [--browser-settle 1000] [--quiet 50] [--timezone Europe/Paris] [--locale fr-FR]
//
// For every profile it loads URL --runs times, each time in a fresh headless Chromium
// with a fresh user-data-dir (cold cache; the browser first idles --browser-settle ms on
// about:blank so its own start-up work does not overlap the measured load), and records:
//   bytes     sum of CDP Network.loadingFinished.encodedDataLength (what went over the wire,
//             headers included) for every request made until the page is rendered and the
//             network has been idle for 500 ms; plus decoded body bytes (Network.dataReceived)
//   requests  number of Network.requestWillBeSent (data:/blob: excluded)
//   renderMs  ms from navigation start (performance.timeOrigin) to the first animation frame
//             in which >= N elements match --selector (light DOM and open shadow roots) and
//             the first of them is visible (checkVisibility)
//   domSettledMs  ms from navigation start to the last DOM mutation (document + shadow roots)
//             before a 500 ms quiet period (i.e. when the page stopped changing after load)
//   heap      Performance.getMetrics JSHeapUsedSize once rendered+idle (as found, and after
//             HeapProfiler.collectGarbage)
//   searchMs  (if --search-selector) ms from the 'input' event produced by one
//             locator.fill(query) to the animation frame after the last DOM mutation, where
//             "last" means: no mutation (MutationObserver on document + shadow roots) for
//             --quiet (50) ms, the quiet window itself not counted. By default the settle
//             point is only accepted once the number of visible --selector elements has
//             changed (so a debounce in the app is not mistaken for "settled").
//   clickMs   (if --click-selector) same, for one click instead of a fill.
// Profiles:
//   fast  no throttling
//   slow  Emulation.setCPUThrottlingRate {rate: 4} + Network.emulateNetworkConditions
//         {latency: 150 ms, download 200000 B/s (1.6 Mbit/s), upload 93750 B/s (750 kbit/s)}
// Output: JSON (stdout, and --out) with per-profile medians and all raw runs.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execSync } from 'node:child_process'
import { chromium } from 'playwright-core'

const argv = process.argv.slice(2)
function opt (name, def) {
  const i = argv.indexOf(`--${name}`)
  if (i < 0) return def
  const v = argv[i + 1]
  return v === undefined || v.startsWith('--') ? true : v
}
const flag = name => argv.includes(`--${name}`)

const cfg = {
  url: opt('url'),
  selector: opt('selector'),
  count: Number(opt('count', 1)),
  searchSelector: opt('search-selector'),
  query: opt('query'),
  searchOpen: opt('search-open'),
  clickSelector: opt('click-selector'),
  clickOpen: opt('click-open'),
  waitChange: !flag('no-wait-change'),
  quiet: Number(opt('quiet', 50)),
  runs: Number(opt('runs', 5)),
  profiles: String(opt('profiles', 'fast,slow')).split(','),
  viewport: String(opt('viewport', '1280x800')).split('x').map(Number),
  screenshot: opt('screenshot'),
  label: opt('label', ''),
  out: opt('out'),
  timeout: Number(opt('timeout', 120000)),
  executablePath: opt('chromium', process.env.CHROMIUM || execSync('command -v chromium', { shell: '/bin/sh' }).toString().trim()),
  timezone: opt('timezone', 'Europe/Paris'),
  locale: opt('locale', 'fr-FR'),
  verbose: flag('verbose'),
  settleBrowserMs: Number(opt('browser-settle', 1000)),
}
if (!cfg.url || !cfg.selector) {
  console.error('usage: node measure.mjs --url URL --selector CSS [--count N] [--search-selector CSS --query TEXT] ...')
  process.exit(2)
}

const CHROME_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

const PROFILES = {
  fast: { cpu: 1, net: null },
  slow: { cpu: 4, net: { offline: false, latency: 150, downloadThroughput: 200000, uploadThroughput: 93750, connectionType: 'cellular4g' } },
}

const log = (...a) => { if (cfg.verbose) console.error(...a) }

// ---------------------------------------------------------------- in-page probe
// Installed before any page script runs. Tracks open shadow roots, and detects
// the "rendered" frame with a requestAnimationFrame loop.
function probe ({ selector, count }) {
  const pb = window.__pb = { roots: [], renderAt: null, frames: 0 }
  pb.lastMut = null
  const lastMutObserver = new MutationObserver(() => { pb.lastMut = performance.now() })
  lastMutObserver.observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
  const orig = Element.prototype.attachShadow
  Element.prototype.attachShadow = function (...a) {
    const r = orig.apply(this, a)
    pb.roots.push(r)
    lastMutObserver.observe(r, { subtree: true, childList: true, attributes: true, characterData: true })
    return r
  }
  pb.all = sel => {
    const out = []
    for (const root of [document, ...pb.roots]) out.push(...root.querySelectorAll(sel))
    return out
  }
  pb.countVisible = sel => pb.all(sel).filter(el => el.checkVisibility()).length
  const tick = () => {
    pb.frames++
    const els = pb.all(selector)
    if (els.length >= count && els[0].checkVisibility()) {
      pb.renderAt = performance.now()
      pb.renderCount = els.length
      return
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)

  // Settle detector for an interaction (fill or click), armed before the interaction.
  pb.armSettle = ({ sel, quiet, timeout, waitChange, event }) => {
    const roots = [document, ...pb.roots]
    const st = { t0: null, firstMut: null, lastMut: null, lastMutFrame: null, mutationRecords: 0,
      before: sel ? pb.countVisible(sel) : null, after: null, changed: !(waitChange && sel), status: null }
    pb.settle = new Promise(resolve => {
      let rafPending = false
      let timer = null
      const onEvent = () => { if (st.t0 === null) st.t0 = performance.now() }
      window.addEventListener(event, onEvent, true)
      const mo = new MutationObserver(recs => {
        if (st.t0 === null) return
        const now = performance.now()
        st.mutationRecords += recs.length
        if (st.firstMut === null) st.firstMut = now
        st.lastMut = now
        if (!rafPending) {
          rafPending = true
          requestAnimationFrame(() => {
            rafPending = false
            st.lastMutFrame = performance.now()
            if (!st.changed) st.changed = pb.countVisible(sel) !== st.before
            arm()
          })
        }
        arm()
      })
      for (const r of roots) mo.observe(r, { subtree: true, childList: true, attributes: true, characterData: true })
      const arm = () => { clearTimeout(timer); timer = setTimeout(check, quiet) }
      const finish = status => {
        mo.disconnect()
        window.removeEventListener(event, onEvent, true)
        const now = performance.now()
        st.status = status
        st.after = sel ? pb.countVisible(sel) : null
        st.settleMs = st.t0 === null ? null : ((st.lastMutFrame ?? st.lastMut ?? st.t0) - st.t0)
        st.quietDetectedMinusQuietMs = st.t0 === null ? null : (now - quiet - st.t0)
        resolve(st)
      }
      const started = performance.now()
      const check = () => {
        const now = performance.now()
        if (now - started > timeout) return finish('timeout')
        if (st.t0 === null || !st.changed || rafPending) return arm()
        if (now - (st.lastMut ?? st.t0) >= quiet) return finish('ok')
        arm()
      }
      arm()
    })
    return st.before
  }
  // Wait until the DOM has been quiet for `quiet` ms (used before arming an interaction).
  pb.waitQuiet = (quiet, max) => new Promise(resolve => {
    const start = performance.now()
    let last = start
    const mo = new MutationObserver(() => { last = performance.now() })
    for (const r of [document, ...pb.roots]) mo.observe(r, { subtree: true, childList: true, attributes: true, characterData: true })
    const poll = () => {
      const now = performance.now()
      if (now - last >= quiet || now - start > max) { mo.disconnect(); resolve(now - start) } else setTimeout(poll, 10)
    }
    poll()
  })
}

// ---------------------------------------------------------------- one run
async function oneRun (profileName, runIdx) {
  const prof = PROFILES[profileName]
  if (!prof) throw new Error(`unknown profile ${profileName}`)
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-profile-'))
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: cfg.executablePath,
    headless: true,
    args: CHROME_ARGS,
    viewport: { width: cfg.viewport[0], height: cfg.viewport[1] },
    timezoneId: cfg.timezone,
    locale: cfg.locale,
  })
  const result = { profile: profileName, run: runIdx }
  try {
    const page = ctx.pages()[0] || await ctx.newPage()
    const consoleErrors = []
    page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300)) })
    page.on('pageerror', e => consoleErrors.push('pageerror: ' + String(e).slice(0, 300)))
    const cdp = await ctx.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Performance.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    if (prof.cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: prof.cpu })
    if (prof.net) await cdp.send('Network.emulateNetworkConditions', prof.net)

    const reqs = new Map()
    let inflight = 0
    let lastNetActivity = Date.now()
    cdp.on('Network.requestWillBeSent', e => {
      if (/^(data|blob):/.test(e.request.url)) return
      if (!reqs.has(e.requestId)) inflight++
      reqs.set(e.requestId, { url: e.request.url, type: e.type, encoded: 0, decoded: 0, status: null, done: false })
      lastNetActivity = Date.now()
    })
    cdp.on('Network.responseReceived', e => {
      const r = reqs.get(e.requestId); if (r) { r.status = e.response.status; r.encoding = e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || '' }
    })
    cdp.on('Network.dataReceived', e => { const r = reqs.get(e.requestId); if (r) r.decoded += e.dataLength; lastNetActivity = Date.now() })
    cdp.on('Network.loadingFinished', e => {
      const r = reqs.get(e.requestId); if (!r || r.done) return
      r.encoded = e.encodedDataLength; r.done = true; inflight--; lastNetActivity = Date.now()
    })
    cdp.on('Network.loadingFailed', e => {
      const r = reqs.get(e.requestId); if (!r || r.done) return
      r.failed = e.errorText; r.done = true; inflight--; lastNetActivity = Date.now()
    })

    // let the freshly started browser finish its own start-up work (2-core machine)
    await page.goto('about:blank')
    await new Promise(r => setTimeout(r, cfg.settleBrowserMs))
    await page.addInitScript(probe, { selector: cfg.selector, count: cfg.count })
    const wall0 = Date.now()
    await page.goto(cfg.url, { waitUntil: 'commit', timeout: cfg.timeout })
    await page.waitForFunction(() => window.__pb && window.__pb.renderAt !== null, null, { timeout: cfg.timeout, polling: 50 })
    const rendered = await page.evaluate(() => ({ renderAt: window.__pb.renderAt, renderCount: window.__pb.renderCount, frames: window.__pb.frames }))
    // network idle: nothing in flight for 500 ms (max 15 s after render)
    const idleDeadline = Date.now() + 15000
    while (Date.now() < idleDeadline && (inflight > 0 || Date.now() - lastNetActivity < 500)) await new Promise(r => setTimeout(r, 50))
    // DOM settled: no mutation anywhere for 500 ms (max 15 s after network idle)
    const settledMs = await page.evaluate(() => new Promise(resolve => {
      const start = performance.now()
      const poll = () => {
        const now = performance.now()
        const last = window.__pb.lastMut ?? 0
        if (now - last >= 500 || now - start > 15000) resolve(last); else setTimeout(poll, 25)
      }
      poll()
    }))
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0]
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]
      return { domContentLoaded: n && n.domContentLoadedEventEnd, load: n && n.loadEventEnd, fcp: fcp ? fcp.startTime : null }
    })
    const m1 = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(x => [x.name, x.value]))
    await cdp.send('HeapProfiler.collectGarbage')
    const m2 = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(x => [x.name, x.value]))
    const list = [...reqs.values()]
    Object.assign(result, {
      renderMs: rendered.renderAt,
      renderCount: rendered.renderCount,
      domSettledMs: settledMs,
      fcpMs: nav.fcp,
      domContentLoadedMs: nav.domContentLoaded,
      loadMs: nav.load,
      bytes: list.reduce((s, r) => s + r.encoded, 0),
      decodedBytes: list.reduce((s, r) => s + r.decoded, 0),
      requests: list.length,
      requestList: list.map(r => ({ url: r.url.replace(/^https?:\/\/[^/]+/, ''), status: r.status, encoded: r.encoded, decoded: r.decoded, encoding: r.encoding, failed: r.failed })),
      heapUsedMB: m1.JSHeapUsedSize / 1048576,
      heapUsedAfterGcMB: m2.JSHeapUsedSize / 1048576,
      heapTotalMB: m1.JSHeapTotalSize / 1048576,
      domNodes: m2.Nodes,
      scriptDurationMs: m1.ScriptDuration * 1000,
      layoutDurationMs: m1.LayoutDuration * 1000,
      recalcStyleDurationMs: m1.RecalcStyleDuration * 1000,
      taskDurationMs: m1.TaskDuration * 1000,
      wallMsToRendered: null,
    })
    result.wallMsToRendered = Date.now() - wall0
    const shot = cfg.screenshot && runIdx === 0
    if (shot) await page.screenshot({ path: `${cfg.screenshot}-${profileName}.png` })

    async function interact (kind) {
      const isFill = kind === 'search'
      const openSel = isFill ? cfg.searchOpen : cfg.clickOpen
      const targetSel = isFill ? cfg.searchSelector : cfg.clickSelector
      if (openSel) {
        await page.locator(openSel).first().click({ timeout: 30000 })
      }
      const target = page.locator(targetSel).first()
      await target.waitFor({ state: 'visible', timeout: 30000 })
      await page.evaluate(() => window.__pb.waitQuiet(200, 10000))
      await page.evaluate(a => window.__pb.armSettle(a), { sel: cfg.selector, quiet: cfg.quiet, timeout: 30000, waitChange: cfg.waitChange, event: isFill ? 'input' : 'click' })
      if (isFill) await target.fill(cfg.query)
      else await target.click()
      const st = await page.evaluate(() => window.__pb.settle)
      if (shot) await page.screenshot({ path: `${cfg.screenshot}-${profileName}-${kind}.png` })
      return st
    }
    if (cfg.searchSelector) {
      const st = await interact('search')
      Object.assign(result, { searchMs: st.settleMs, searchStatus: st.status, searchFirstMutationMs: st.firstMut === null ? null : st.firstMut - st.t0, searchQuietDetectedMinusQuietMs: st.quietDetectedMinusQuietMs, searchVisibleBefore: st.before, searchVisibleAfter: st.after, searchMutationRecords: st.mutationRecords })
    }
    if (cfg.clickSelector) {
      const st = await interact('click')
      Object.assign(result, { clickMs: st.settleMs, clickStatus: st.status, clickFirstMutationMs: st.firstMut === null ? null : st.firstMut - st.t0, clickVisibleBefore: st.before, clickVisibleAfter: st.after, clickMutationRecords: st.mutationRecords })
    }
    result.consoleErrors = consoleErrors
  } finally {
    await ctx.close()
    fs.rmSync(userDataDir, { recursive: true, force: true })
  }
  return result
}

const median = xs => {
  const v = xs.filter(x => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)
  if (!v.length) return null
  const m = v.length >> 1
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2
}

const out = {
  label: cfg.label,
  url: cfg.url,
  config: { ...cfg, chromeArgs: CHROME_ARGS, profilesDef: PROFILES },
  chromium: null,
  startedAt: new Date().toISOString(),
  profiles: {},
}
for (const p of cfg.profiles) {
  const runs = []
  for (let i = 0; i < cfg.runs; i++) {
    const r = await oneRun(p, i)
    log(`[${cfg.label}] ${p} run ${i}: render ${r.renderMs?.toFixed(0)} ms, ${r.bytes} B, ${r.requests} req, heap ${r.heapUsedMB?.toFixed(1)} MB` +
      (r.searchMs !== undefined ? `, search ${r.searchMs?.toFixed(1)} ms (${r.searchStatus}, ${r.searchVisibleBefore}->${r.searchVisibleAfter})` : '') +
      (r.clickMs !== undefined ? `, click ${r.clickMs?.toFixed(1)} ms (${r.clickStatus}, ${r.clickVisibleBefore}->${r.clickVisibleAfter})` : ''))
    runs.push(r)
  }
  const keys = ['renderMs', 'domSettledMs', 'fcpMs', 'domContentLoadedMs', 'loadMs', 'bytes', 'decodedBytes', 'requests', 'heapUsedMB', 'heapUsedAfterGcMB', 'domNodes',
    'scriptDurationMs', 'layoutDurationMs', 'recalcStyleDurationMs', 'taskDurationMs', 'searchMs', 'searchFirstMutationMs', 'searchVisibleAfter', 'clickMs', 'clickVisibleAfter']
  const med = {}
  for (const k of keys) if (runs.some(r => r[k] !== undefined)) med[k] = median(runs.map(r => r[k]))
  out.profiles[p] = { median: med, runs }
}
{
  // record browser version
  const b = await chromium.launch({ executablePath: cfg.executablePath, headless: true, args: CHROME_ARGS })
  out.chromium = b.version()
  await b.close()
}
const json = JSON.stringify(out, null, 2)
if (cfg.out) fs.writeFileSync(cfg.out, json)
console.log(json)
