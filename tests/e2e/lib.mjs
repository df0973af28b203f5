// Shared helpers for the end-to-end tests: a static file server, Chromium, error collection.
// No dependency beyond playwright-core (pinned in package.json), which drives Debian's
// /usr/bin/chromium: no browser is ever downloaded, and nothing is loaded from a host other
// than 127.0.0.x (any other request is aborted and reported as an error).
import http from 'node:http'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { before, after } from 'node:test'
import assert from 'node:assert/strict'

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
// E2E_DIST=dir tests another build of the site (default: dist/).
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(REPO, 'dist')
export const FIXTURES = path.join(REPO, 'tests', 'fixtures')
export const OUT = path.join(REPO, 'tests', 'e2e', 'out') // screenshots of failed tests (gitignored)

// Loading and starting the wasm can take a while on a 2-core machine: be generous.
export const TIMEOUT = Number(process.env.E2E_TIMEOUT || 30000)

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
export const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

export const DESKTOP = { width: 1280, height: 800 }
export const PHONE = { width: 360, height: 740 }

// ---------------------------------------------------------------- static file server

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
}
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|wasm|xml)|image\/svg)/

// Maps a URL path to a file below one of the mounted roots (longest prefix first);
// null when outside every root, missing, or a directory without index.html.
function resolve (mounts, urlPath) {
  let p
  try { p = decodeURIComponent(urlPath) } catch { return null }
  if (p.includes('\0')) return null
  for (const { prefix, root } of mounts) {
    if (!(p === prefix.replace(/\/$/, '') || p.startsWith(prefix))) continue
    const rest = p.slice(prefix.length)
    const full = path.resolve(root, '.' + path.posix.normalize('/' + rest))
    if (full !== root && !full.startsWith(root + path.sep)) return null
    let st
    try { st = fs.statSync(full) } catch { return null }
    if (st.isDirectory()) {
      const idx = path.join(full, 'index.html')
      try { st = fs.statSync(idx) } catch { return null }
      return { file: idx, st }
    }
    return st.isFile() ? { file: full, st } : null
  }
  return null
}

/**
 * Starts a static server on 127.0.0.1 with an ephemeral port.
 * mounts: { '/': dir, '/fixtures/': dir, ... } (a prefix ends with '/').
 * Returns { url (with trailing '/'), port, log (array of {method, path, status}), answer(), close() }.
 * `answer(path, reply)` makes a URL path answer `reply` instead of its file, until it is called
 * again (`reply` null: the file again). A reply is { status = 200, body = '', type = JSON }, or
 * { fail: true } (the connection is dropped: the request fails, as when the network does), or
 * { hang: true } (accepted and never answered).
 */
export async function startServer (mounts, { gzip = false, host = '127.0.0.1' } = {}) {
  const list = Object.entries(mounts)
    .map(([prefix, root]) => ({ prefix: prefix.endsWith('/') ? prefix : prefix + '/', root: path.resolve(root) }))
    .sort((a, b) => b.prefix.length - a.prefix.length)
  const log = []
  const gzCache = new Map()
  const replies = new Map()
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x')
    const reply = replies.get(url.pathname)
    if (reply) {
      log.push({ method: req.method, path: url.pathname + url.search, status: reply.status || 200 })
      if (reply.fail) req.socket.destroy()
      if (reply.fail || reply.hang) return
      res.writeHead(reply.status || 200, { 'Content-Type': reply.type || MIME['.json'], 'Cache-Control': 'no-cache' })
      res.end(reply.body || '')
      return
    }
    const hit = (req.method === 'GET' || req.method === 'HEAD') ? resolve(list, url.pathname) : null
    log.push({ method: req.method, path: url.pathname + url.search, status: hit ? 200 : 404 })
    if (!hit) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' })
      res.end(req.method === 'HEAD' ? undefined : 'not found\n')
      return
    }
    const type = MIME[path.extname(hit.file).toLowerCase()] || 'application/octet-stream'
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache', 'Vary': 'Accept-Encoding' }
    let body = fs.readFileSync(hit.file)
    if (gzip && body.length && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      const key = `${hit.file}:${hit.st.mtimeMs}:${hit.st.size}`
      if (!gzCache.has(key)) gzCache.set(key, zlib.gzipSync(body, { level: 6 }))
      body = gzCache.get(key)
      headers['Content-Encoding'] = 'gzip'
    }
    headers['Content-Length'] = body.length
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, resolve)
  })
  const { port } = server.address()
  return {
    port,
    url: `http://${host}:${port}/`,
    log,
    answer: (urlPath, reply) => (reply ? replies.set(urlPath, reply) : replies.delete(urlPath)),
    close: () => new Promise(resolve => { server.closeAllConnections?.(); server.close(() => resolve()) }),
  }
}

// ---------------------------------------------------------------- browser

/** True for the addresses a test may load: 127.0.0.x over http(s), and data:/blob:/about:. */
export function isLocal (u) {
  let url
  try { url = new URL(u) } catch { return false }
  if (['data:', 'blob:', 'about:'].includes(url.protocol)) return true
  return (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:') &&
    /^127\.0\.0\.\d{1,3}$/.test(url.hostname)
}

/**
 * Launches Debian's Chromium with the required flags and a fresh profile (a temporary
 * user-data-dir, removed by close()). One browser per test file: call it in `before`,
 * close it in `after`. Each test then opens its own context (fresh storage) with openPage().
 */
export async function launchBrowser () {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROME_ARGS })
  return { browser, close: () => browser.close() }
}

/**
 * Opens a fresh context (own storage, own service workers) and a page in it. Any other option is
 * a Playwright context option that replaces the default (e.g. `timezoneId: 'America/New_York'`,
 * `locale: 'en-US'`); the defaults are a French visitor in Paris.
 * Returns { page, context, errors, pageError, close(), assertNoErrors(options) } where errors is
 * { page: [uncaught exceptions], console: [console.error texts], blocked: [non-local URLs],
 *   failed: [requests that failed] } and pageError a promise rejected at the first uncaught
 * exception (race a test body against it to fail fast).
 */
export async function openPage (browser, { viewport = DESKTOP, ...contextOptions } = {}) {
  const context = await browser.newContext({
    viewport,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    serviceWorkers: 'allow',
    ...contextOptions,
  })
  context.setDefaultTimeout(TIMEOUT)
  context.setDefaultNavigationTimeout(TIMEOUT)
  const errors = { page: [], console: [], blocked: [], failed: [] }
  await context.route(url => !isLocal(url.href), route => {
    errors.blocked.push(route.request().url())
    return route.abort('blockedbyclient')
  })
  const page = await context.newPage()
  // Rejects at the first uncaught exception, so a test need not wait for a timeout to fail.
  let onPageError
  const pageError = new Promise((resolve, reject) => { onPageError = reject })
  pageError.catch(() => {})
  page.on('pageerror', e => {
    const text = String(e && e.stack ? e.stack : e)
    errors.page.push(text)
    onPageError(new Error('uncaught exception in the page: ' + text))
  })
  page.on('console', m => {
    // With the address it came from: a resource that failed to load is named by it.
    const at = m.location()?.url
    if (m.type() === 'error') errors.console.push(at ? `${m.text()} (at ${at})` : m.text())
  })
  page.on('requestfailed', r => errors.failed.push(`${r.url()} (${r.failure()?.errorText})`))
  return {
    page,
    context,
    errors,
    pageError,
    close: () => context.close(),
    /**
     * Fails when an uncaught exception happened, a non-local request was attempted, or
     * console.error was called with a message not matching one of allowConsole (RegExps).
     * A panic of the Rust code reaches the console as an error, so it is caught here.
     */
    assertNoErrors ({ allowConsole = [] } = {}) {
      const problems = []
      for (const e of errors.page) problems.push('uncaught: ' + e)
      for (const u of errors.blocked) problems.push('request to a non-local host: ' + u)
      for (const c of errors.console) if (!allowConsole.some(re => re.test(c))) problems.push('console.error: ' + c)
      if (problems.length) throw new Error('errors in the page:\n  ' + problems.join('\n  '))
    },
  }
}

/** Console message Chromium logs for a missing file; expected when a test asks for one. */
export const RESOURCE_404 = /Failed to load resource: the server responded with a status of 404/

// ---------------------------------------------------------------- waiting

/**
 * Retries an async assertion until it passes or `timeout` ms have passed, then rethrows its
 * last error (the equivalent of expect.poll, which playwright-core does not have).
 */
export async function eventually (fn, { timeout = TIMEOUT, interval = 100 } = {}) {
  const deadline = Date.now() + timeout
  for (;;) {
    try {
      return await fn()
    } catch (e) {
      if (Date.now() > deadline) throw e
      await new Promise(resolve => setTimeout(resolve, interval))
    }
  }
}

/**
 * Waits for the agenda's first session on screen, drawn by the app: at the bare address the
 * page's pre-rendered view (#agenda-prerendered, inert until the app takes over) shows the same
 * sessions first, and stays a frame after the app has drawn (the hand-over: js/prerender.js).
 * What a visitor does during the hand-over is prerender.test.mjs's.
 */
export async function agendaShown (page) {
  await page.locator('#agenda-root article.agenda-session:not([hidden])').first().waitFor()
  await page.locator('#agenda-prerendered').waitFor({ state: 'detached' })
}

/**
 * Waits for the app's first view (the event's h1, or the error's), drawn by the app: at the bare
 * address the page's pre-rendered view shows its h1 first, until the app takes over.
 */
export async function appReady (page) {
  await page.locator('#agenda-root h1').first().waitFor()
}

/**
 * The first visit of `url` (the site's address, with a query or not): the agenda shown, then the
 * service worker installed and in control of the page, its shell and the page's programme kept.
 * The pages the context opens next are the service worker's.
 */
export async function firstVisit (page, url) {
  await page.goto(url)
  await agendaShown(page)
  await eventually(async () => assert.ok(await page.evaluate(async () => {
    if (!navigator.serviceWorker.controller) return false
    const keys = await caches.keys()
    const shell = keys.find(k => k.startsWith('agenda-shell-'))
    return !!shell && (await (await caches.open(shell)).keys()).length > 5 &&
      !!(await caches.match(new URL(new URLSearchParams(location.search).get('programme') || 'programme.json', location.href).href))
  }), 'controlled, shell and programme cached'))
}

/** Screenshot for a failed test, in tests/e2e/out/<name>.png; never throws. */
export async function screenshot (page, name) {
  try {
    fs.mkdirSync(OUT, { recursive: true })
    const file = path.join(OUT, name.replace(/[^\w.-]+/g, '_').slice(0, 120) + '.png')
    await page.screenshot({ path: file, fullPage: true, timeout: 5000 })
    return file
  } catch { return null }
}


/**
 * For a test file: serves the built site (dist/ at `/`, tests/fixtures at `/fixtures/`) and starts
 * one Chromium before its tests, and stops both after them. Returns an object whose `url` and
 * `browser` are set once the tests run.
 */
// Runs `body(page, p)` in a fresh page of `site`'s browser (`options`: openPage's viewport and
// context options such as timezoneId, plus `allowConsole`), and fails on an uncaught page error,
// a console error (unless allowed) or a request off 127.0.0.x. On failure a screenshot is left
// in tests/e2e/out/, named after the test.
export async function runPage (site, t, { allowConsole = [], ...options } = {}, body) {
  const p = await openPage(site.browser, options)
  try {
    const run = body(p.page, p)
    run.catch(() => {}) // when the page error wins the race, the body's own failure is moot
    await Promise.race([run, p.pageError])
    p.assertNoErrors({ allowConsole })
  } catch (e) {
    const width = options.viewport?.width ?? DESKTOP.width
    const file = await screenshot(p.page, `${width}-${t.name}`)
    if (file && e && typeof e === 'object') e.message += `\n(screenshot: ${file})`
    throw e
  } finally {
    await p.close()
  }
}

// With `generated: true`, a temporary folder is served as /gen/ too, for programmes a test file
// makes: `site.write(name, value)` puts one there (JSON unless a string) and returns its address
// relative to the page; the folder is removed after the file's tests.
export function useSite ({ generated = false } = {}) {
  const site = { url: null, browser: null, server: null, write: null }
  const gen = generated ? fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-gen-')) : null
  if (gen) {
    site.write = (name, value) => {
      fs.writeFileSync(path.join(gen, name), typeof value === 'string' ? value : JSON.stringify(value))
      return `gen/${name}`
    }
  }
  before(async () => {
    if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: run scripts/build.sh first`)
    site.server = await startServer({ '/': DIST, '/fixtures/': FIXTURES, ...(gen ? { '/gen/': gen } : {}) })
    site.url = site.server.url
    ;({ browser: site.browser } = await launchBrowser())
  })
  after(async () => {
    await site.browser?.close()
    await site.server?.close()
    if (gen) fs.rmSync(gen, { recursive: true, force: true })
  })
  return site
}
