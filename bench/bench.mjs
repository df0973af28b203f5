#!/usr/bin/env node
// The benchmark behind `make bench` (which builds dist/ first: this script builds nothing). Not a
// test: it prints figures beside the plain-JS agenda (../shared/bench/plainjs) measured in the same
// run, one markdown table per group, each figure against its target of issues 13 and 15 (PASS/FAIL).
//
// usage: node bench/bench.mjs [--strict] [--quick] [--runs 5] [--sizes 100,1000]
//        [--only bytes,render,interact,lighthouse] [--dist dist] [--plainjs ../shared/bench/plainjs]
//   --strict  a FAIL makes the exit status 1 (otherwise 0: figures, not a verdict)
//   --quick   one run of everything, 1000 sessions only (for working on the bench itself)
//
// 1. programmes: frab exports of 100 and 1000 sessions (bench/gen-programme.mjs, seeded), and the
//    1000 one converted to the agenda's own format (`cargo run -p agenda-check -- --convert`) when
//    that works; the own-format one is the one the interactions and Lighthouse load (plain JS reads
//    only frab: it gets the frab file, same sessions);
// 2. serves a copy of dist/ and of the plain-JS agenda, each with the programmes beside it, with
//    bench/serve.mjs (gzip, the build's precompressed .gz files as they are);
// 3. bytes: the default page over the wire (bench/measure.mjs, as Chromium counts it), and
//    everything a first visit downloads, the service worker's precache included (as the server
//    counts it: fresh profile, until the worker is active and nothing was asked for 1.5 s);
// 4. render: bench/measure.mjs, fast and slow profiles (time to the first day's sessions on screen);
// 5. interactions: bench/interact.mjs on 1000 sessions, CPU ×4, agenda and plain JS alternately:
//    seven interactions, the longest task after the first view (settle window and interactions),
//    the JS heap and the wasm memory;
// 6. Lighthouse 12.2.3 mobile (bench/node_modules, `npm ci --prefix bench`) on Debian's Chromium.
// Raw results: bench/out/ (git-ignored): measure-*.json, interact-*.json, lighthouse-*.json,
// firstvisit-*.json, and results.json (the summary).
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { writeProgramme, sessionsPerDay } from './gen-programme.mjs'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const REPO = path.resolve(HERE, '..')
const OUT = path.join(HERE, 'out')
const SHARED = path.resolve(REPO, '..', 'shared', 'bench')

const argv = process.argv.slice(2)
const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : def }
const QUICK = argv.includes('--quick')
const STRICT = argv.includes('--strict')
const DIST = path.resolve(opt('dist', path.join(REPO, 'dist')))
const PLAINJS = path.resolve(opt('plainjs', path.join(SHARED, 'plainjs')))
// Medians of 5 runs (issue 15): Lighthouse's score moves by a few points from run to run here.
const RUNS = Number(opt('runs', QUICK ? 1 : 5))
const PROFILES = 'fast,slow'
const SIZES = String(opt('sizes', QUICK ? '1000' : '100,1000')).split(',').map(Number)
const ONLY = new Set(String(opt('only', 'bytes,render,interact,lighthouse')).split(','))
const QUERY = 'numerique'
const BIG = 1000 // the programme of the interactions, memory and Lighthouse
const FIRST_VIEW = 10 // "first view on screen" = this many <article>s, the first visible
const SETTLE_MS = 3000

const KB = 1024
const CHROME_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']
const CHROMIUM = process.env.CHROMIUM || (() => {
  const r = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' })
  return r.stdout.trim() || '/usr/bin/chromium'
})()
const LIGHTHOUSE = path.join(HERE, 'node_modules', '.bin', 'lighthouse')

const log = (...a) => console.error('[bench]', ...a)
const median = xs => {
  const s = xs.filter(x => x != null && Number.isFinite(x)).sort((a, b) => a - b)
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null
}

// ---------------------------------------------------------------- preparation

function need (cond, message) {
  if (!cond) { console.error(`bench: ${message}`); process.exit(2) }
}
need(fs.existsSync(path.join(DIST, 'index.html')), 'dist/index.html is missing: run scripts/build.sh (or make bench) first')
need(fs.readdirSync(DIST).some(f => f.endsWith('.wasm')), 'dist/ holds no .wasm file: run scripts/build.sh first')
need(Number.isInteger(RUNS) && RUNS >= 1, '--runs must be a positive integer')
if (ONLY.has('lighthouse') && !fs.existsSync(LIGHTHOUSE)) {
  log('no bench/node_modules/.bin/lighthouse (scripts/tools.sh bench installs it): Lighthouse left out')
  ONLY.delete('lighthouse')
}

fs.mkdirSync(OUT, { recursive: true })
if (!SIZES.includes(BIG)) SIZES.push(BIG)
const programmes = SIZES.map(n => {
  const { file, programme } = writeProgramme({ sessions: n, out: path.join(OUT, `programme-${n}.json`) })
  return { sessions: n, file, name: `bench-${n}.json`, perDay: sessionsPerDay(programme), format: 'frab' }
})

// The 1000-session programme in the agenda's own format, served without indentation (as the
// build serves its programmes). Left out, with a note, when agenda-check cannot be run.
let own = null
{
  const frab = programmes.find(p => p.sessions === BIG)
  const r = spawnSync('cargo', ['run', '--locked', '--quiet', '-p', 'agenda-check', '--', '--convert', frab.file],
    { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20 })
  try {
    if (r.status !== 0) throw new Error((r.stderr || String(r.error)).trim().split('\n').slice(-2).join(' / '))
    const file = path.join(OUT, `programme-${BIG}-own.json`)
    fs.writeFileSync(file, JSON.stringify(JSON.parse(r.stdout)))
    own = { sessions: BIG, file, name: `bench-${BIG}-own.json`, perDay: frab.perDay, format: 'own' }
  } catch (e) {
    log(`agenda-check --convert failed (${String(e.message).slice(0, 300)}): the frab export is measured instead`)
  }
}
const bigAgenda = own || programmes.find(p => p.sessions === BIG)
const bigFrab = programmes.find(p => p.sessions === BIG)

// A served copy of a site with the generated programmes beside its index.html.
function stage (src, name) {
  const dir = path.join(OUT, name)
  fs.rmSync(dir, { recursive: true, force: true })
  // hidden entries left out: Trunk builds in dist/.stage/, which may exist while a build runs
  fs.cpSync(src, dir, { recursive: true, filter: f => f === src || !path.basename(f).startsWith('.') })
  for (const p of [...programmes, ...(own ? [own] : [])]) fs.copyFileSync(p.file, path.join(dir, p.name))
  return dir
}
const havePlain = fs.existsSync(path.join(PLAINJS, 'index.html'))
const sites = { agenda: stage(DIST, 'site-agenda') }
if (havePlain) sites.plainjs = stage(PLAINJS, 'site-plainjs')
else log(`no plain-JS reference at ${PLAINJS}: its figures are left out`)

// serve.mjs children, stopped on exit (by their own pid, nothing else)
const children = []
process.on('exit', () => { for (const c of children) if (c.exitCode === null) c.kill() })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130))

// Both sites are served the same way: a .gz file written beside an asset at build time is sent as
// it is (as nginx's gzip_static does), anything else is gzipped on the fly at level 6. Every answer
// is logged ({served, status, bytes}) in `served[site]`, with the time it was sent.
const served = {}
function serve (site, root) {
  served[site] = []
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(HERE, 'serve.mjs'), '--root', root, '--port', '0', '--quiet', '--precompressed', '--log-bytes'],
      { stdio: ['ignore', 'pipe', 'inherit'] })
    children.push(child)
    let buf = ''
    child.stdout.on('data', d => {
      buf += d
      let nl
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl)
        buf = buf.slice(nl + 1)
        const m = /on (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(line)
        if (m && Number(m[2]) > 0) resolve(m[1])
        else if (line.startsWith('{')) served[site].push({ at: Date.now(), ...JSON.parse(line) })
      }
    })
    child.on('exit', code => reject(new Error(`serve.mjs for ${root} exited (${code})`)))
    setTimeout(() => reject(new Error(`serve.mjs for ${root} did not start`)), 10000)
  })
}
const base = { agenda: await serve('agenda', sites.agenda) }
if (havePlain) base.plainjs = await serve('plainjs', sites.plainjs)

// ---------------------------------------------------------------- a first look at the pages

const CARD = 'article' // a session card, for both pages (the agenda's classes change, its roles stay)

// Loads a page once and reports what it shows once the DOM has been quiet for 1 s.
async function look (browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', e => errors.push(String(e)))
  try {
    await page.goto(url)
    await page.locator(CARD).first().waitFor({ state: 'visible', timeout: 60000 })
    await page.evaluate(() => new Promise(resolve => {
      let last = performance.now()
      const mo = new MutationObserver(() => { last = performance.now() })
      mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
      const poll = () => (performance.now() - last > 1000 ? (mo.disconnect(), resolve()) : setTimeout(poll, 50))
      poll()
    }))
    return await page.evaluate(({ selector, errors }) => {
      const status = [...document.querySelectorAll('[role="status"], output')]
        .map(el => /^\s*(\d[\d\s\u00a0\u202f]*)\s*séances?\b/.exec(el.textContent))
        .find(Boolean)
      return {
        count: document.querySelectorAll(selector).length,
        visible: [...document.querySelectorAll(selector)].filter(el => el.checkVisibility()).length,
        status: status ? Number(status[1].replace(/\D/g, '')) : null,
        search: !!document.querySelector('input[type=search]'),
        errors,
      }
    }, { selector: CARD, errors })
  } catch (e) {
    return { error: String(e.message || e).split('\n')[0], errors }
  } finally {
    await context.close()
  }
}

log('first look at the pages')
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROME_ARGS })
const probe = { default: await look(browser, base.agenda), agenda: {}, plainjs: {} }
for (const p of [...programmes, ...(own ? [own] : [])]) {
  const key = p.format === 'own' ? `${p.sessions}-own` : p.sessions
  probe.agenda[key] = await look(browser, `${base.agenda}?programme=${p.name}`)
  if (havePlain && p.format === 'frab') probe.plainjs[key] = await look(browser, `${base.plainjs}?programme=${p.name}`)
}
if (havePlain) probe.plainjsDefault = await look(browser, base.plainjs)
const chromiumVersion = browser.version()
await browser.close()
for (const [k, v] of [['agenda default', probe.default], ['plainjs default', probe.plainjsDefault],
  ...Object.entries(probe.agenda).map(([n, v]) => [`agenda ${n}`, v]), ...Object.entries(probe.plainjs).map(([n, v]) => [`plainjs ${n}`, v])]) {
  if (!v) continue
  log(`  ${k}: ${v.error ? 'ERROR ' + v.error : `${v.count} articles (${v.visible} visible), status ${v.status ?? '—'}, search field ${v.search ? 'yes' : 'no'}`}` +
    (v.errors?.length ? `, page errors: ${v.errors.join(' | ')}` : ''))
}

// The default programme's sessions on the first render: the articles shown once settled.
const defaultCount = Math.max(1, probe.default.count || 1)
const hasSearch = !!probe.default.search
const searchArgs = hasSearch ? ['--search-selector', 'input[type=search]', '--query', QUERY] : []

// ---------------------------------------------------------------- render (and bytes over the wire)

const jobs = []
jobs.push({ id: 'agenda-default', page: 'agenda, default programme', sessions: defaultCount, url: base.agenda,
  count: defaultCount, when: `${defaultCount} (all shown)`, search: false })
if (havePlain) {
  const n = Math.max(1, Math.min(probe.plainjsDefault?.count || 1, 25))
  jobs.push({ id: 'plainjs-default', page: 'plain JS, its default programme', sessions: probe.plainjsDefault?.count ?? '?', url: base.plainjs,
    count: n, when: `${n}`, search: false })
}
for (const p of [...programmes, ...(own ? [own] : [])]) {
  if (!SIZES.includes(p.sessions)) continue
  // The agenda shows one day at a time, the plain-JS page every day at once: both are "rendered"
  // when the first day's sessions are on screen (or as many as the agenda shows, if fewer).
  const firstDay = p.perDay[0].sessions
  const shown = probe.agenda[p.format === 'own' ? `${p.sessions}-own` : p.sessions]?.count || firstDay
  const count = Math.min(firstDay, shown)
  const when = count === firstDay ? `${count} (first day)` : `${count} (shown by the agenda)`
  const fmtName = p.format === 'own' ? 'own format' : 'frab export'
  jobs.push({ id: `agenda-${p.sessions}${p.format === 'own' ? '-own' : ''}`, page: `agenda, ${fmtName}`, sessions: p.sessions, format: p.format,
    url: `${base.agenda}?programme=${p.name}`, count, when, search: hasSearch })
  if (havePlain && p.format === 'frab') {
    jobs.push({ id: `plainjs-${p.sessions}`, page: 'plain JS, frab export', sessions: p.sessions, format: p.format,
      url: `${base.plainjs}?programme=${p.name}`, count, when, search: hasSearch })
  }
}

function child (script, args, out) {
  fs.rmSync(out, { force: true })
  return new Promise(resolve => {
    const c = spawn(process.execPath, [path.join(HERE, script), ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CHROMIUM } })
    children.push(c)
    let err = ''
    c.stderr.on('data', d => { err += d; process.stderr.write(d) })
    c.on('exit', code => {
      if (code === 0 && fs.existsSync(out)) return resolve(JSON.parse(fs.readFileSync(out, 'utf8')))
      resolve({ error: `${script} exited with ${code}: ${err.trim().split('\n').slice(-3).join(' / ').slice(0, 400)}` })
    })
  })
}

const t0 = Date.now()
const renderJobs = ONLY.has('render') ? jobs : ONLY.has('bytes') ? jobs.filter(j => j.id.endsWith('-default')) : []
for (const job of renderJobs) {
  const profiles = ONLY.has('render') ? PROFILES : 'fast'
  log(`measuring ${job.id}: ${job.url} (${CARD} ≥ ${job.count}${job.search ? `, search "${QUERY}"` : ''}), ${RUNS} runs × ${profiles}`)
  const out = path.join(OUT, `measure-${job.id}.json`)
  job.result = await child('measure.mjs', ['--url', job.url, '--selector', CARD, '--count', String(job.count),
    '--runs', String(RUNS), '--profiles', profiles, '--label', job.id, '--out', out, '--verbose', ...(job.search ? searchArgs : [])], out)
  if (job.result.error) log(`  ${job.id}: ${job.result.error}`)
}

// ---------------------------------------------------------------- first visit, service worker included

// A fresh profile opens the page; once the first view is there, the service worker (if any) is
// awaited until active, then the server must have been quiet for 1.5 s. Counts what the server sent.
async function firstVisit (site) {
  const b = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROME_ARGS })
  const context = await b.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' })
  const page = await context.newPage()
  const mark = served[site].length
  let sw = 'none'
  try {
    await page.goto(base[site])
    await page.locator(CARD).first().waitFor({ state: 'visible', timeout: 60000 })
    sw = await page.evaluate(() => new Promise(resolve => {
      if (!navigator.serviceWorker) return resolve('unsupported')
      navigator.serviceWorker.getRegistration().then(r => {
        if (!r) setTimeout(() => navigator.serviceWorker.getRegistration().then(r2 => (r2 ? navigator.serviceWorker.ready.then(() => resolve('active')) : resolve('none'))), 3000)
        else navigator.serviceWorker.ready.then(() => resolve('active'))
      })
      setTimeout(() => resolve('not active after 30 s'), 30000)
    }))
    for (;;) {
      const last = served[site].at(-1)?.at ?? 0
      if (Date.now() - last > 1500) break
      await new Promise(r => setTimeout(r, 200))
    }
  } finally {
    await context.close()
    await b.close()
  }
  const list = served[site].slice(mark)
  return { sw, bytes: list.reduce((s, x) => s + x.bytes, 0), requests: list.length, list: list.map(({ served, status, bytes }) => ({ served, status, bytes })) }
}
const visits = { agenda: [], plainjs: [] }
if (ONLY.has('bytes')) {
  for (let r = 0; r < RUNS; r++) {
    for (const site of Object.keys(base)) {
      const v = await firstVisit(site)
      log(`first visit ${site} ${r + 1}: ${(v.bytes / KB).toFixed(1)} KB in ${v.requests} answers, service worker ${v.sw}`)
      visits[site].push(v)
    }
  }
  fs.writeFileSync(path.join(OUT, 'firstvisit.json'), JSON.stringify(visits, null, 2))
}

// ---------------------------------------------------------------- interactions, long tasks, memory

const inter = { agenda: [], plainjs: [] }
if (ONLY.has('interact')) {
  const urls = { agenda: `${base.agenda}?programme=${bigAgenda.name}` }
  if (havePlain) urls.plainjs = `${base.plainjs}?programme=${bigFrab.name}`
  // one run of each page in turn, so that both see the same moments of a noisy machine
  for (let r = 0; r < RUNS; r++) {
    for (const site of Object.keys(urls)) {
      log(`interactions ${site}, run ${r + 1}/${RUNS}: ${urls[site]} (CPU ×4)`)
      const out = path.join(OUT, `interact-${site}-${r + 1}.json`)
      const res = await child('interact.mjs', [urls[site], '--runs', '1', '--cpu', '4', '--query', QUERY, '--first', String(FIRST_VIEW),
        '--settle', String(SETTLE_MS), '--label', site, '--out', out, '--verbose'], out)
      if (res.error) log(`  ${res.error}`)
      inter[site].push(res)
    }
  }
}

// ---------------------------------------------------------------- Lighthouse

function lighthouse (url, out) {
  return new Promise(resolve => {
    const c = spawn(LIGHTHOUSE, [url, '--quiet', '--output=json', `--output-path=${out}`, '--form-factor=mobile',
      '--only-categories=performance,accessibility,best-practices,seo', `--chrome-flags=${CHROME_ARGS.join(' ')}`],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CHROME_PATH: CHROMIUM } })
    children.push(c)
    let err = ''
    c.stderr.on('data', d => { err += d })
    c.on('exit', code => {
      try {
        if (code !== 0) throw new Error(`lighthouse exited with ${code}: ${err.trim().split('\n').slice(-2).join(' / ')}`)
        const r = JSON.parse(fs.readFileSync(out, 'utf8'))
        if (r.runtimeError) throw new Error(r.runtimeError.message)
        const score = id => (r.categories[id]?.score == null ? null : Math.round(r.categories[id].score * 100))
        resolve({
          version: r.lighthouseVersion,
          performance: score('performance'), accessibility: score('accessibility'),
          bestPractices: score('best-practices'), seo: score('seo'),
          lcpMs: r.audits['largest-contentful-paint']?.numericValue ?? null,
          tbtMs: r.audits['total-blocking-time']?.numericValue ?? null,
          cls: r.audits['cumulative-layout-shift']?.numericValue ?? null,
          failed: Object.values(r.categories).filter(c => c.id !== 'performance').flatMap(c => c.auditRefs
            .filter(a => a.weight > 0 && r.audits[a.id]?.score !== null && r.audits[a.id]?.score < 1).map(a => `${c.id}: ${a.id}`)),
        })
      } catch (e) {
        resolve({ error: String(e.message || e).slice(0, 300) })
      }
    })
  })
}
const lhPages = [
  { id: 'agenda-default', page: 'agenda, default programme', url: base.agenda },
  ...(havePlain ? [{ id: 'plainjs-default', page: 'plain JS, its default programme', url: base.plainjs }] : []),
  { id: `agenda-${BIG}`, page: `agenda, ${BIG} sessions (${bigAgenda.format === 'own' ? 'own format' : 'frab export'})`, url: `${base.agenda}?programme=${bigAgenda.name}` },
  ...(havePlain ? [{ id: `plainjs-${BIG}`, page: `plain JS, ${BIG} sessions (frab export)`, url: `${base.plainjs}?programme=${bigFrab.name}` }] : []),
]
if (ONLY.has('lighthouse')) {
  for (let r = 0; r < RUNS; r++) {
    for (const p of lhPages) {
      const res = await lighthouse(p.url, path.join(OUT, `lighthouse-${p.id}-${r + 1}.json`))
      log(`lighthouse ${p.id} ${r + 1}/${RUNS}: ` + (res.error ? `ERROR ${res.error}` :
        `performance ${res.performance}, LCP ${Math.round(res.lcpMs)} ms, TBT ${Math.round(res.tbtMs)} ms, CLS ${res.cls.toFixed(3)}, ` +
        `a11y ${res.accessibility}, best practices ${res.bestPractices}, SEO ${res.seo}`))
      ;(p.runs ||= []).push(res)
    }
  }
}
log(`measured in ${Math.round((Date.now() - t0) / 1000)} s`)

// ---------------------------------------------------------------- report

const fmt = {
  kb: b => (b == null ? '—' : (b / KB).toFixed(1) + ' KB'),
  ms: v => (v == null ? '—' : Math.round(v).toLocaleString('en-US') + ' ms'),
  mb: v => (v == null ? '—' : v.toFixed(1) + ' MB'),
  int: v => (v == null ? '—' : String(Math.round(v))),
  x: (a, b) => (a != null && b ? `×${(a / b).toFixed(2)}` : '—'),
}
const results = [] // every checked target: { group, name, value, limit, pass }
const verdict = (group, name, value, limit, ok) => {
  const measured = value != null && limit != null
  const pass = measured && ok(value, limit)
  results.push({ group, name, value, limit, pass: measured ? pass : null })
  return measured ? (pass ? 'PASS' : 'FAIL') : 'n/a'
}
const med = (job, profile, key) => job?.result?.profiles?.[profile]?.median?.[key] ?? null
const job = id => jobs.find(j => j.id === id)
const print = (title, head, rows, notes = []) => {
  console.log(`\n## ${title}\n`)
  console.log(`| ${head.join(' | ')} |`)
  console.log(`|${head.map(() => '---').join('|')}|`)
  for (const r of rows) console.log(`| ${r.join(' | ')} |`)
  if (notes.length) console.log('\n' + notes.map(n => `- ${n}`).join('\n'))
}

console.log(`\n# Agenda benchmark: ${RUNS === 1 ? 'one run' : `medians of ${RUNS} runs`}${QUICK ? ' (--quick)' : ''}, ${chromiumVersion}, ${new Date().toISOString().slice(0, 16)}Z`)

if (ONLY.has('bytes')) {
  const wire = { agenda: med(job('agenda-default'), 'fast', 'bytes'), plainjs: med(job('plainjs-default'), 'fast', 'bytes') }
  const visit = Object.fromEntries(Object.entries(visits).map(([k, v]) => [k, median(v.map(x => x.bytes))]))
  const visitReq = Object.fromEntries(Object.entries(visits).map(([k, v]) => [k, median(v.map(x => x.requests))]))
  // the same visit with each path counted once: what it would cost if the precache reused what the page fetched
  const once = list => [...new Map(list.map(x => [x.served, x.bytes])).values()].reduce((a, b) => a + b, 0)
  const visitOnce = Object.fromEntries(Object.entries(visits).map(([k, v]) => [k, median(v.map(x => once(x.list)))]))
  const sw = Object.fromEntries(Object.entries(visits).map(([k, v]) => [k, v[0]?.sw ?? '—']))
  print('Bytes (gzip, headers included)', ['measure', 'agenda', 'plain JS', 'target', 'result'], [
    ['default page over the wire', fmt.kb(wire.agenda), fmt.kb(wire.plainjs), '≤ 200 KB', verdict('bytes', 'default page over the wire', wire.agenda, 200 * KB, (v, l) => v <= l)],
    ['first visit, service worker precache included', `${fmt.kb(visit.agenda)} (${fmt.int(visitReq.agenda)} answers)`, visit.plainjs == null ? '—' : `${fmt.kb(visit.plainjs)} (${fmt.int(visitReq.plainjs)} answers)`,
      '≤ 300 KB', verdict('bytes', 'first visit with precache', visit.agenda, 300 * KB, (v, l) => v <= l)],
    ['the same, each file counted once (info)', fmt.kb(visitOnce.agenda), fmt.kb(visitOnce.plainjs), '—', '—'],
  ], [
    'over the wire: as Chromium counts it (CDP encodedDataLength) until the page is rendered and the network idle 500 ms, fast profile;',
    `first visit: as the server counts it (status line, headers, body), fresh profile, until the service worker is active (agenda: ${sw.agenda}, plain JS: ${sw.plainjs}) and nothing was asked for 1.5 s;`,
    'a file fetched by the page and again by the precache (the agenda\'s service worker asks with cache: "reload") counts twice; the "once" row counts it once;',
    'both pages served alike: the build\'s precompressed .gz (zopfli) where present, else gzip -6 on the fly (bench/serve.mjs). KB = 1024 bytes.',
  ])
}

if (ONLY.has('render')) {
  const rows = []
  for (const j of jobs) {
    if (j.result?.error) { rows.push([j.page, String(j.sessions), j.when, 'error', '', '', '', '', '', '', '']); continue }
    let check = ''
    if (j.id.startsWith('agenda-') && j.sessions === BIG) {
      const plain = med(job(`plainjs-${BIG}`), 'slow', 'renderMs')
      const v = med(j, 'slow', 'renderMs')
      check = `${fmt.x(v, plain)} (≤ ×1.35): ` + verdict('render', `first render ${BIG} sessions slow (${j.format}) ≤ 1.35 × plain JS`, v, plain == null ? null : plain * 1.35, (a, l) => a <= l)
    }
    rows.push([j.page, String(j.sessions), j.when, fmt.kb(med(j, 'fast', 'bytes')), fmt.int(med(j, 'fast', 'requests')),
      fmt.ms(med(j, 'fast', 'renderMs')), fmt.ms(med(j, 'slow', 'renderMs')), fmt.mb(med(j, 'fast', 'heapUsedMB')),
      j.search ? fmt.ms(med(j, 'fast', 'searchMs')) : '—', check || '—'])
  }
  print('Render (time to the first day\'s sessions on screen)', ['page', 'sessions', 'rendered = on screen', 'over the wire', 'requests', 'render, fast', 'render, slow', 'heap', 'search, fast', 'slow render vs plain JS'], rows, [
    'fast = no throttling; slow = CPU ×4, 150 ms latency, 1.6 Mbit/s (bench/measure.mjs). "rendered" = the first frame with that many <article>s, the first visible.',
    'The agenda shows one day at a time and the plain-JS page every day at once, so both are timed to the first day\'s sessions.',
    `search, fast: from typing "${QUERY}" to the list settling (measure.mjs). heap: JS heap in use once rendered, fast.`,
  ])
}

const interMed = (site, key) => median(inter[site].map(r => r.error ? null : r.median?.[key]))
if (ONLY.has('interact')) {
  const NAMES = [['open', 'open a session (title link of the third card)'], ['back', 'go back ("Retour au programme")'], ['escape', 'go back (Escape)'],
    ['star', 'star a session'], ['search', `search "${QUERY}" (one input)`], ['day', 'change day'], ['filter', 'tick a filter']]
  const unsupported = site => new Set(inter[site].flatMap(r => r.unsupported || []))
  const rows = NAMES.map(([k, name]) => {
    const a = interMed('agenda', k)
    const p = havePlain && !unsupported('plainjs').has(k) ? interMed('plainjs', k) : null
    const limit = p != null && p > 100 ? 1.2 * p : 100
    return [name, unsupported('agenda').has(k) ? '—' : fmt.ms(a), p == null ? '—' : fmt.ms(p), p != null && p > 100 ? `≤ ${fmt.ms(limit)} (1.2 × plain JS)` : '≤ 100 ms',
      verdict('interactions', name, a, limit, (v, l) => v <= l)]
  })
  const ctl = site => inter[site].find(r => r.controls)?.controls || {}
  print(`Interactions, ${BIG} sessions, CPU ×4 (input to the frame that shows the answer)`, ['interaction', 'agenda', 'plain JS', 'target', 'result'], rows, [
    `agenda: the ${BIG}-session programme in ${bigAgenda.format === 'own' ? 'the agenda\'s own format (agenda-check --convert of the frab export)' : 'a frab export'}; plain JS: the frab export (same sessions).`,
    `controls found by role and name: day = ${ctl('agenda').day ?? '—'} (plain JS: ${ctl('plainjs').day ?? '—'}); filter = ${ctl('agenda').filter ?? '—'} (plain JS: ${ctl('plainjs').filter ?? '—'}).`,
    'bench/interact.mjs: the CPU is slowed before the page loads; fresh profile each run; agenda and plain JS runs alternate. "—": the page has no such control.',
    'search, day and filter: the agenda shows or hides the cards of the answer\'s first screen in the input\'s task and the others in short tasks after it (README, "Size and speed"); the answer is the first frame whose visible <article>s show it, the first screen whole.',
    ...Object.entries(inter).flatMap(([site, rs]) => rs.flatMap((r, i) => [r.error, ...(r.runsRaw || []).flatMap(x => [x.error, ...(x.errors || [])])]
      .filter(Boolean).map(e => `${site}, run ${i + 1}: ${String(e).slice(0, 300)}`))),
  ])

  const lt = [
    ['longest task, settle window', 'settleLongestMs', `the ${SETTLE_MS / 1000} s after the first view`],
    ['longest task, interactions', 'interactionLongestMs', 'from each input to 300 ms after its answer'],
  ]
  print(`Long tasks after the first view, ${BIG} sessions, CPU ×4`, ['measure', 'agenda', 'plain JS', 'target', 'result'], [
    ...lt.map(([name, key]) => [name, fmt.ms(interMed('agenda', key)), fmt.ms(interMed('plainjs', key)), '≤ 50 ms', verdict('long tasks', name, interMed('agenda', key), 50, (v, l) => v <= l)]),
    ['first view (info)', fmt.ms(interMed('agenda', 'firstViewMs')), fmt.ms(interMed('plainjs', 'firstViewMs')), '—', '—'],
  ], [
    `first view = once the first frame with ${FIRST_VIEW} <article>s, the first visible, is rendered (CPU ×4, no network throttling); the settle window counts the tasks that start after it; long tasks from a PerformanceObserver('longtask') installed before any page script.`,
    ...lt.map(([name, , what]) => `${name}: ${what}.`),
  ])

  print(`Memory, ${BIG} sessions`, ['measure', 'agenda', 'plain JS', 'target', 'result'], [
    ['JS heap in use (after a GC)', fmt.mb(interMed('agenda', 'heapMB')), fmt.mb(interMed('plainjs', 'heapMB')), '≤ 10 MB', verdict('memory', 'JS heap', interMed('agenda', 'heapMB'), 10, (v, l) => v <= l)],
    ['JS heap in use (as found)', fmt.mb(interMed('agenda', 'heapMBFound')), fmt.mb(interMed('plainjs', 'heapMBFound')), '—', '—'],
    ['wasm memory (page)', fmt.mb(interMed('agenda', 'wasmMB')), '—', '—', '—'],
  ], [
    `after the settle window; heap: CDP Runtime.getHeapUsage (the page's isolate, workers not counted); wasm: the byteLength of every WebAssembly.Memory the page instantiated (the workers' own wasm not counted).`,
  ])
}

if (ONLY.has('lighthouse')) {
  const rows = lhPages.map(p => {
    const m = k => median((p.runs || []).map(r => r.error ? null : r[k]))
    const v = { performance: m('performance'), lcpMs: m('lcpMs'), tbtMs: m('tbtMs'), cls: m('cls'), accessibility: m('accessibility'), bestPractices: m('bestPractices'), seo: m('seo') }
    p.median = v
    let result = '—'
    if (p.id.startsWith('agenda')) {
      // The default page (issue 15): performance ≥ 98, its LCP within 10 % of the plain-JS
      // agenda's in the same run or earlier, CLS ≤ 0.01; the 1000-session page (issue 13):
      // performance ≥ 95, CLS ≤ 0.02. Both: TBT ≤ 200 ms, accessibility, best practices, SEO 100.
      const isDefault = p.id === 'agenda-default'
      const plain = lhPages.find(x => x.id === 'plainjs-default')
      const plainLcp = plain && median((plain.runs || []).map(r => r.error ? null : r.lcpMs))
      const checks = [['performance', v.performance, isDefault ? 98 : 95, (a, l) => a >= l], ['TBT', v.tbtMs, 200, (a, l) => a <= l],
        ['CLS', v.cls, isDefault ? 0.01 : 0.02, (a, l) => a <= l],
        ...(isDefault && plainLcp != null ? [['LCP ≤ 1.1 × plain JS', v.lcpMs, Math.round(plainLcp * 1.1), (a, l) => a <= l]] : []),
        ['accessibility', v.accessibility, 100, (a, l) => a >= l], ['best practices', v.bestPractices, 100, (a, l) => a >= l], ['SEO', v.seo, 100, (a, l) => a >= l]]
      const out = checks.map(([n, val, lim, ok]) => [n, verdict('lighthouse', `${p.page}: ${n}`, val, lim, ok)])
      const failed = out.filter(([, r]) => r !== 'PASS').map(([n, r]) => `${n}${r === 'n/a' ? ' n/a' : ''}`)
      result = failed.length ? `FAIL (${failed.join(', ')})` : 'PASS'
    }
    return [p.page, fmt.int(v.performance), fmt.ms(v.lcpMs), fmt.ms(v.tbtMs), v.cls == null ? '—' : v.cls.toFixed(3), fmt.int(v.accessibility), fmt.int(v.bestPractices), fmt.int(v.seo), result]
  })
  const failedAudits = [...new Set(lhPages.filter(p => p.id.startsWith('agenda')).flatMap(p => (p.runs || []).flatMap(r => r.failed || []).map(a => `${a}`)))]
  print('Lighthouse 12.2.3, mobile (simulated slow 4G, CPU ×4)', ['page', 'performance', 'LCP', 'TBT', 'CLS', 'accessibility', 'best practices', 'SEO', 'result'], rows, [
    'targets (agenda rows): default page performance ≥ 98, LCP ≤ 1.1 × plain JS\'s, CLS ≤ 0.01 (issue 15); 1000 sessions performance ≥ 95, CLS ≤ 0.02 (issue 13); both TBT ≤ 200 ms, accessibility, best practices and SEO 100.',
    `Debian's Chromium (CHROME_PATH), flags ${CHROME_ARGS.join(' ')}, Lighthouse's own fresh profile each run.`,
    ...(failedAudits.length ? [`agenda audits below 1 (accessibility, best practices, SEO): ${failedAudits.join(', ')}`] : []),
  ])
}

// Sizes of the files dist/ ships, from the copy that was measured (dist/ may have been rebuilt since).
function walk (dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? walk(full) : [full]
  })
}
const assets = walk(sites.agenda)
  .filter(f => /\.(wasm|js|css)$/.test(f) || path.relative(sites.agenda, f) === 'programme.json')
  .map(f => {
    const raw = fs.readFileSync(f)
    return {
      file: path.relative(sites.agenda, f),
      raw: raw.length,
      pre: fs.existsSync(f + '.gz') ? fs.statSync(f + '.gz').size : null,
      brotli: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }).length,
    }
  })
  .sort((a, b) => b.raw - a.raw)
const fmtBytes = n => n == null ? '—' : n.toLocaleString('en-US')
const total = k => assets.reduce((s, a) => s + (a[k] ?? 0), 0).toLocaleString('en-US')
print('dist/ files (bytes, for information)', ['file', 'raw', 'precompressed .gz', 'brotli (q 11)'],
  [...assets.map(a => [a.file, fmtBytes(a.raw), fmtBytes(a.pre), fmtBytes(a.brotli)]), ['**total**', total('raw'), total('pre'), total('brotli')]])

const failures = results.filter(r => r.pass === false)
const unmeasured = results.filter(r => r.pass === null)
console.log(`\n**${results.length - failures.length - unmeasured.length} PASS, ${failures.length} FAIL${unmeasured.length ? `, ${unmeasured.length} not measured` : ''}**` +
  (failures.length ? `: ${failures.map(f => `${f.group}: ${f.name}`).join('; ')}` : ''))

const summary = {
  date: new Date().toISOString(), chromium: chromiumVersion, runs: RUNS, quick: QUICK, only: [...ONLY],
  probe,
  programmes: [...programmes, ...(own ? [own] : [])].map(p => ({ sessions: p.sessions, format: p.format, file: path.relative(REPO, p.file), perDay: p.perDay })),
  interactionsProgramme: bigAgenda.format,
  jobs: jobs.map(j => ({ id: j.id, url: j.url, count: j.count, search: j.search, error: j.result?.error,
    medians: j.result?.profiles && Object.fromEntries(Object.entries(j.result.profiles).map(([k, v]) => [k, v.median])) })),
  firstVisit: Object.fromEntries(Object.entries(visits).map(([k, v]) => [k, v.map(x => ({ sw: x.sw, bytes: x.bytes, requests: x.requests }))])),
  interactions: Object.fromEntries(Object.entries(inter).map(([k, v]) => [k, v.map(x => x.median ?? x)])),
  lighthouse: lhPages.map(p => ({ id: p.id, url: p.url, median: p.median, runs: p.runs })),
  assets,
  results,
}
fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(summary, null, 2))
console.log(`\nraw results: ${path.relative(REPO, OUT)}/ (results.json, measure-*, interact-*, lighthouse-*, firstvisit.json)`)
process.exit(STRICT && failures.length ? 1 : 0)
