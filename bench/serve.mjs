// Copied from /work/shared/bench/serve.mjs (kept here so the repository is self-contained).
// Adapted: --port 0 picks a free port and the "serving" line prints the port actually bound
// (bench.mjs reads it); .webmanifest is served as application/manifest+json; with --precompressed,
// a `file.gz` beside a file is sent as it is, as nginx's `gzip_static on` does (scripts/precompress.sh
// writes them for the agenda's dist/); with --log-bytes, every answer is also printed as one JSON
// line {"served": path, "status", "bytes"} (bytes = status line, headers and body as sent), from
// which bench.mjs counts what a first visit downloads, service worker precache included.
// Minimal static file server with gzip (node http + zlib), for benchmarking.
// usage: node serve.mjs [--root DIR] [--port 8731] [--host 127.0.0.1] [--level 6]
// - gzip (Content-Encoding: gzip) for text/*, js, mjs, json, css, svg, wasm when the
//   client sends Accept-Encoding: gzip; compressed bodies are cached in memory
//   (keyed by path+mtime+size) so compression cost does not land in the measurements.
// - correct MIME types, incl. application/wasm for .wasm.
// - directory -> index.html; a URL ending in '/' also tries index.html.
// - Cache-Control: no-cache (every run uses a fresh browser profile anyway).
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const args = process.argv.slice(2)
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : def
}
const ROOT = path.resolve(opt('root', path.dirname(new URL(import.meta.url).pathname)))
const PORT = Number(opt('port', 8731))
const HOST = opt('host', '127.0.0.1')
const LEVEL = Number(opt('level', 6))
const QUIET = args.includes('--quiet')
const PRECOMPRESSED = args.includes('--precompressed')
const LOG_BYTES = args.includes('--log-bytes')
const logBytes = (req, res, status, body) => {
  // res._header is the status line and headers as Node wrote them (set once headers are sent).
  if (LOG_BYTES) console.log(JSON.stringify({ served: req.url, status, bytes: Buffer.byteLength(res._header || '') + body }))
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
}
const COMPRESSIBLE = new Set(['.html', '.htm', '.js', '.mjs', '.css', '.json', '.map', '.webmanifest', '.svg', '.wasm', '.txt', '.xml', '.ics'])
const gzCache = new Map()

function resolveFile (urlPath) {
  let p
  try { p = decodeURIComponent(urlPath) } catch { return null }
  const full = path.resolve(ROOT, '.' + p)
  if (full !== ROOT && !full.startsWith(ROOT + path.sep)) return null
  let st
  try { st = fs.statSync(full) } catch { return null }
  if (st.isDirectory()) {
    const idx = path.join(full, 'index.html')
    try { st = fs.statSync(idx) } catch { return null }
    return { file: idx, st }
  }
  return { file: full, st }
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x')
  const hit = (req.method === 'GET' || req.method === 'HEAD') ? resolveFile(url.pathname) : null
  if (!hit) {
    res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache' })
    res.end('not found\n')
    logBytes(req, res, 404, 10)
    if (!QUIET) console.log(404, req.method, req.url)
    return
  }
  const ext = path.extname(hit.file).toLowerCase()
  const headers = {
    'Content-Type': MIME[ext] || 'application/octet-stream',
    'Cache-Control': 'no-cache',
    'Access-Control-Allow-Origin': '*',
    'Vary': 'Accept-Encoding',
  }
  let body = fs.readFileSync(hit.file)
  const wantsGzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '')
  if (wantsGzip && COMPRESSIBLE.has(ext) && body.length > 0) {
    const key = `${hit.file}:${hit.st.mtimeMs}:${hit.st.size}:${LEVEL}`
    let gz = gzCache.get(key)
    if (!gz && PRECOMPRESSED && fs.existsSync(hit.file + '.gz')) { gz = fs.readFileSync(hit.file + '.gz'); gzCache.set(key, gz) }
    if (!gz) { gz = zlib.gzipSync(body, { level: LEVEL }); gzCache.set(key, gz) }
    body = gz
    headers['Content-Encoding'] = 'gzip'
  }
  headers['Content-Length'] = body.length
  res.writeHead(200, headers)
  res.end(req.method === 'HEAD' ? undefined : body)
  logBytes(req, res, 200, req.method === 'HEAD' ? 0 : body.length)
  if (!QUIET) console.log(200, req.method, req.url, body.length, headers['Content-Encoding'] || '')
})
server.listen(PORT, HOST, () => console.log(`serving ${ROOT} on http://${HOST}:${server.address().port}/ (gzip level ${LEVEL})`))
