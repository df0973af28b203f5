#!/usr/bin/env node
// Interaction latency, long tasks and memory, as a visitor on a phone feels them. Extends
// ../shared/bench/interact.mjs (open, star, search: same probe, same contract) with going back
// (the "Retour au programme" button or link, and Escape), changing day and ticking a filter, and
// measures in the same runs the long tasks after the first view and the page's memory.
//
// usage: node bench/interact.mjs URL [--runs 3] [--cpu 4] [--query numerique] [--first 10]
//        [--settle 3000] [--label NAME] [--out FILE] [--verbose]
//
// Each run opens a fresh Chromium (fresh user-data-dir), slows its CPU --cpu times before the
// page loads, and:
// 1. loads URL; "first view" = once the first animation frame with >= --first <article>s in the
//    DOM, the first of them visible, is rendered (stamped by a task posted from that frame);
// 2. waits --settle ms (the settle window), then reads the longest task (PerformanceObserver
//    'longtask', installed before any page script) that started after the first view, the JS heap
//    (CDP Runtime.getHeapUsage, after a garbage collection) and the wasm memory (every
//    WebAssembly.Memory the page instantiated: buffer.byteLength, summed);
// 3. times each interaction from its input event (click, input or keydown, in capture) to the first
//    animation frame that shows the answer, locating elements by role and accessible name:
//    open    the title link of the third <article>, until an h1/h2 with that title is visible;
//    back    the button (or link) named "Retour au programme", until the list shows that session's
//            link again and the heading is gone;
//    escape  the same session opened again (untimed), then Escape (null when the page ignores it);
//    star    the button named /favori/ of the fourth <article>, until it is aria-pressed="true";
//    search  the whole query typed as one input in the searchbox, until the number of visible
//            <article>s changes (then cleared, untimed);
//    day     another day: a link of nav "Jours" (the agenda) or the "Jour" select (plain JS), until
//            the first visible <article> is another one;
//    filter  the first checkbox of the first fieldset that has one (its <details> opened first,
//            untimed; a "Filtres" panel that draws its choices when opened is opened to find
//            them), until the number of visible <article>s changes;
//    and the longest task that overlaps each interaction (input to answer, plus 300 ms).
// Prints JSON (medians and every run) on stdout, and to --out.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execSync } from 'node:child_process'
import { chromium } from 'playwright-core'

const args = process.argv.slice(2)
const url = args[0]
const opt = (name, dflt) => { const i = args.indexOf('--' + name); return i > 0 ? args[i + 1] : dflt }
const runs = Number(opt('runs', 3))
const cpu = Number(opt('cpu', 4))
const query = opt('query', 'numerique')
const firstCount = Number(opt('first', 10))
const settleMs = Number(opt('settle', 3000))
const label = opt('label', '')
const outFile = opt('out', null)
const verbose = args.includes('--verbose')
const BACK = 'Retour au programme'
if (!url || url.startsWith('--')) {
  console.error('usage: node bench/interact.mjs URL [--runs 3] [--cpu 4] [--query numerique] [--first 10] [--settle 3000] [--out FILE]')
  process.exit(2)
}
const log = (...a) => { if (verbose) console.error(`[interact${label ? ' ' + label : ''}]`, ...a) }

const CHROME_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

async function browser () {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interact-'))
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || execSync('command -v chromium', { shell: '/bin/sh' }).toString().trim(),
    headless: true, locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 800 }, args: CHROME_ARGS,
  })
  return { ctx, dir }
}

// Installed before any page script: long tasks, the first view, and the wasm memories.
function init (first) {
  const lt = window.__lt = []
  try {
    new PerformanceObserver(list => { for (const e of list.getEntries()) lt.push([e.startTime, e.duration]) })
      .observe({ type: 'longtask', buffered: true })
  } catch {}
  window.__first = null
  const tick = () => {
    const a = document.querySelectorAll('article')
    if (a.length >= first && a[0].checkVisibility()) {
      // On screen once this frame is rendered (its style, layout and paint follow this
      // callback, in the same task): stamped by the task after it.
      const ch = new MessageChannel()
      ch.port1.onmessage = () => { window.__first = performance.now() }
      ch.port2.postMessage(null)
      return
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  const mem = window.__wasmMemories = new Set()
  const W = WebAssembly
  const keep = inst => { try { for (const v of Object.values(inst.exports)) if (v instanceof W.Memory) mem.add(v) } catch {} }
  const importsOf = imports => { try { for (const m of Object.values(imports || {})) for (const v of Object.values(m)) if (v instanceof W.Memory) mem.add(v) } catch {} }
  const inst = W.instantiate
  W.instantiate = function (src, imports) { importsOf(imports); return inst.apply(this, arguments).then(r => { keep(r.instance || r); return r }) }
  const stream = W.instantiateStreaming
  if (stream) W.instantiateStreaming = function (src, imports) { importsOf(imports); return stream.apply(this, arguments).then(r => { keep(r.instance); return r }) }
  W.Instance = new Proxy(W.Instance, { construct (t, a, nt) { const i = Reflect.construct(t, a, nt); importsOf(a[1]); keep(i); return i } })
}

// Arms a probe: t0 at the next input/click/keydown (capture), t1 at the first animation frame in
// which `done(arg)` holds.
async function arm (page, doneSrc, arg) {
  await page.evaluate(([src, arg]) => {
    const done = new Function('arg', src)
    const p = window.__probe = { t0: null, t1: null }
    const start = () => { if (p.t0 === null) p.t0 = performance.now() }
    for (const k of ['click', 'input', 'keydown']) document.addEventListener(k, start, { capture: true, once: true })
    const tick = () => {
      if (window.__probe !== p) return
      if (p.t0 !== null && p.t1 === null && done(arg)) { p.t1 = performance.now(); return }
      if (p.t1 === null) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  }, [doneSrc, arg])
}
async function read (page, timeout = 15000) {
  await page.waitForFunction(() => window.__probe && window.__probe.t1 !== null, null, { timeout })
  return page.evaluate(() => [window.__probe.t0, window.__probe.t1])
}
// The longest task that overlaps [from, to] (an interaction), or that starts in it (`starting`:
// the settle window, which begins once the first view is on screen).
const longestIn = (page, from, to, starting = false) => page.evaluate(([from, to, starting]) =>
  window.__lt.filter(([s, d]) => (starting ? s >= from : s + d > from) && s < to).reduce((m, [, d]) => Math.max(m, d), 0), [from, to, starting])

const VISIBLE = `[...document.querySelectorAll('article')].filter((a) => a.checkVisibility())`
const DONE = {
  heading: `return [...document.querySelectorAll('h1,h2')].some((h) => h.textContent.trim() === arg && h.checkVisibility());`,
  backOnList: `return ![...document.querySelectorAll('h1,h2')].some((h) => h.textContent.trim() === arg && h.checkVisibility()) &&
    [...document.querySelectorAll('article a')].some((a) => a.textContent.trim() === arg && a.checkVisibility());`,
  starPressed: `const b = document.querySelector('[data-probe-star]'); return !!b && b.getAttribute('aria-pressed') === 'true';`,
  countChanged: `return ${VISIBLE}.length !== Number(arg);`,
  firstChanged: `const a = ${VISIBLE}[0]; return !!a && a.textContent !== arg;`,
}
const visibleCount = page => page.evaluate(`${VISIBLE}.length`)
const firstText = page => page.evaluate(`(${VISIBLE}[0] || {}).textContent || ''`)

// One timed interaction: arm, act, read; then the longest task from its input to 300 ms after
// its answer. A missing answer (timeout) gives ms null.
async function timed (page, name, doneSrc, arg, act, timeout = 15000) {
  await arm(page, doneSrc, arg)
  await act()
  let t0, t1
  try { [t0, t1] = await read(page, timeout) } catch (e) {
    log(`${name}: no answer within ${timeout} ms`)
    return { ms: null, longest: null }
  }
  await page.waitForTimeout(300)
  const longest = await longestIn(page, t0, t1 + 300)
  log(`${name}: ${Math.round(t1 - t0)} ms (longest task ${Math.round(longest)} ms)`)
  return { ms: t1 - t0, longest }
}

async function once (r) {
  const { ctx, dir } = await browser()
  const res = { errors: [] }
  try {
    const page = ctx.pages()[0] || await ctx.newPage()
    page.on('pageerror', e => res.errors.push(String(e)))
    await page.addInitScript(init, firstCount)
    const cdp = await ctx.newCDPSession(page)
    if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu })
    await page.goto(url)
    await page.waitForFunction(() => window.__first !== null, null, { timeout: 120000, polling: 100 })
    const first = await page.evaluate(() => window.__first)
    res.firstViewMs = first
    await page.waitForTimeout(settleMs)
    res.settleLongestMs = await longestIn(page, first, first + settleMs + 1e6, true)
    res.longTasksAfterFirst = await page.evaluate(f => window.__lt.filter(([s]) => s >= f).map(([s, d]) => [Math.round(s), Math.round(d)]), first)
    const before = await cdp.send('Runtime.getHeapUsage')
    await cdp.send('HeapProfiler.collectGarbage')
    const after = await cdp.send('Runtime.getHeapUsage')
    res.heapMBFound = before.usedSize / 1048576
    res.heapMB = after.usedSize / 1048576
    res.wasmMB = await page.evaluate(() => [...window.__wasmMemories].reduce((s, m) => s + m.buffer.byteLength, 0) / 1048576)
    res.wasmMemories = await page.evaluate(() => window.__wasmMemories.size)
    log(`run ${r + 1}: first view ${Math.round(first)} ms, settle longest task ${Math.round(res.settleLongestMs)} ms, heap ${res.heapMB.toFixed(1)} MB, wasm ${res.wasmMB.toFixed(1)} MB`)

    // open
    const card = page.locator('article').nth(2)
    const link = card.getByRole('heading').getByRole('link').first()
    const title = (await link.textContent()).trim()
    res.title = title
    res.open = await timed(page, 'open', DONE.heading, title, () => link.click())
    await page.waitForTimeout(300)
    // back, by the button (a link in plain JS) named "Retour au programme"
    const back = page.getByRole('button', { name: BACK }).or(page.getByRole('link', { name: new RegExp(BACK) })).first()
    res.back = await timed(page, 'back', DONE.backOnList, title, () => back.click())
    await page.waitForTimeout(500)
    // escape: open again (untimed), then Escape
    await link.click()
    await page.waitForFunction(new Function('arg', DONE.heading), title, { timeout: 15000 })
    await page.waitForTimeout(500)
    res.escape = await timed(page, 'escape', DONE.backOnList, title, () => page.keyboard.press('Escape'), 5000)
    if (res.escape.ms === null) {
      res.escapeUnsupported = true
      await back.click()
      await page.waitForFunction(new Function('arg', DONE.backOnList), title, { timeout: 15000 })
    }
    await page.waitForTimeout(800)
    // star
    const star = page.locator('article').nth(3).getByRole('button', { name: /favori/i }).first()
    await star.evaluate(b => b.setAttribute('data-probe-star', ''))
    res.star = await timed(page, 'star', DONE.starPressed, null, () => star.click())
    await page.waitForTimeout(500)
    // search: the whole query as one input; then cleared (untimed)
    const shown = await visibleCount(page)
    const box = page.getByRole('searchbox').first()
    res.search = await timed(page, 'search', DONE.countChanged, shown, () => box.fill(query))
    await page.waitForTimeout(300)
    await box.fill('')
    await page.waitForFunction(n => [...document.querySelectorAll('article')].filter(a => a.checkVisibility()).length === n, shown, { timeout: 15000 }).catch(() => {})
    await page.waitForTimeout(800)
    // day: a link of nav "Jours" other than the current one, else the "Jour" select's second day
    const firstBefore = await firstText(page)
    const days = page.getByRole('navigation', { name: 'Jours' }).getByRole('link')
    let dayLink = null
    for (let i = 0, n = await days.count(); i < n; i++) {
      const d = days.nth(i)
      if (await d.isVisible() && !['page', 'true', 'date'].includes(await d.getAttribute('aria-current'))) { dayLink = d; break }
    }
    if (dayLink) {
      res.dayControl = `link "${(await dayLink.textContent()).trim()}" in nav "Jours"`
      res.day = await timed(page, 'day', DONE.firstChanged, firstBefore, () => dayLink.click())
    } else {
      const select = page.getByRole('combobox', { name: /^Jour/ }).first()
      if (await select.count()) {
        const value = await select.evaluate(s => [...s.options].filter(o => o.value && o.value !== s.value)[1]?.value ?? [...s.options].find(o => o.value && o.value !== s.value)?.value)
        res.dayControl = `select "Jour" → ${value}`
        res.day = await timed(page, 'day', DONE.firstChanged, firstBefore, () => select.selectOption(value))
      } else {
        res.day = { ms: null, longest: null }
        res.dayUnsupported = true
      }
    }
    await page.waitForTimeout(800)
    // filter: the first checkbox of the first fieldset that has one, its <details> opened first
    // (a checkbox in a closed <details> is out of the accessibility tree until it opens)
    // (a panel that draws its choices when it first opens, as the agenda's "Filtres" does, is
    // opened to find them).
    const boxes = page.locator('fieldset').filter({ has: page.getByRole('checkbox', { includeHidden: true }) }).first()
    const tick = boxes.getByRole('checkbox', { includeHidden: true }).first()
    const panel = page.locator('details > summary').filter({ hasText: /^\s*(Filtres|Filters)\s*$/ })
    if (!(await tick.count()) && await panel.count()) {
      await panel.first().click()
      await tick.waitFor({ state: 'attached', timeout: 5000 }).catch(() => {})
      await page.waitForTimeout(500)
    }
    if (await tick.count()) {
      const details = page.locator('details').filter({ has: tick })
      if (await details.count() && !(await details.first().evaluate(d => d.open))) {
        await details.first().locator('summary').first().click()
        await page.waitForTimeout(500)
      }
      res.filterControl = `"${(await boxes.locator('legend').first().textContent().catch(() => '')).trim()}" → "${(await tick.evaluate(b => (b.closest('label') || b.parentElement).textContent)).trim()}"`
      const n = await visibleCount(page)
      res.filter = await timed(page, 'filter', DONE.countChanged, n, () => tick.click())
    } else {
      res.filter = { ms: null, longest: null }
      res.filterUnsupported = true
    }
    res.interactionLongestMs = Math.max(0, ...['open', 'back', 'escape', 'star', 'search', 'day', 'filter'].map(k => res[k]?.longest ?? 0))
  } catch (e) {
    res.error = String(e.message || e).split('\n')[0]
    log(`run ${r + 1}: ${res.error}`)
  } finally {
    await ctx.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return res
}

const median = xs => {
  const s = xs.filter(x => x != null && Number.isFinite(x)).sort((a, b) => a - b)
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null
}
const all = []
for (let r = 0; r < runs; r++) all.push(await once(r))
const KEYS = ['open', 'back', 'escape', 'star', 'search', 'day', 'filter']
const pick = (k, f = x => x) => all.map(x => (x[k] == null ? null : f(x[k])))
const summary = {
  url, label, cpu, runs, query, firstCount, settleMs,
  median: {
    firstViewMs: median(pick('firstViewMs')),
    settleLongestMs: median(pick('settleLongestMs')),
    interactionLongestMs: median(pick('interactionLongestMs')),
    heapMB: median(pick('heapMB')),
    heapMBFound: median(pick('heapMBFound')),
    wasmMB: median(pick('wasmMB')),
    ...Object.fromEntries(KEYS.map(k => [k, median(pick(k, v => v.ms))])),
  },
  // where every run had no answer, because the page has no such control (not a timeout)
  unsupported: KEYS.filter(k => all.every(x => x[`${k}Unsupported`])),
  controls: { day: all.find(x => x.dayControl)?.dayControl ?? null, filter: all.find(x => x.filterControl)?.filterControl ?? null },
  runsRaw: all,
}
const text = JSON.stringify(summary)
if (outFile) fs.writeFileSync(outFile, JSON.stringify(summary, null, 2))
console.log(text)
process.exit(0)
