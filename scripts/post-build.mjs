// Trunk post_build hook (Trunk.toml), run by `trunk build` and `trunk serve` on the staging
// folder (TRUNK_STAGING_DIR) before it becomes dist/:
// 1. every inline <script> of index.html moves to a file: Trunk's bootstrap, with js/page.js in
//    front of it, to the end of wasm-bindgen's module that it starts (one request, not three);
//    any other to a file named after its content's hash; so that the page runs no inline script;
// 2. a Content-Security-Policy <meta> is written first in <head> (see CSP below);
// 3. every script, wasm and stylesheet is named after the hash of its final content (minified
//    by terser first in a release build), and every reference to it rewritten: the glue that
//    carries js/page.js, the export reader's worker (glue, wasm, loader) and the embedded mode's
//    module too, js/prerender.js (the pre-rendered view's script, in <head>) and the style for
//    JavaScript off, so that a host or proxy that keeps files can never pair a new page with an old
//    script (only sw.js and embed.js keep their names: their addresses are public);
// 4. sw.js is stamped with this build's version and the files it precaches.
// Node built-ins, and terser (npm, pinned) in a release build.
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { execFileSync } from 'node:child_process'

const staging = process.env.TRUNK_STAGING_DIR
const source = process.env.TRUNK_SOURCE_DIR || process.cwd()
const release = process.env.TRUNK_PROFILE === 'release'
const base = process.env.TRUNK_PUBLIC_URL || './'
if (!staging) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run by Trunk, see Trunk.toml)')

const hash = data => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16)
const at = f => path.join(staging, f)

// The policy. No inline script and no eval: only this site's scripts, and wasm compilation
// ('wasm-unsafe-eval'). Style attributes are allowed (style-src-attr): the agenda writes grid
// places and theme colours as `style="--agenda-chip:…"` in its markup; style elements and
// sheets come only from this site. connect-src is where the programme may come from: this site,
// plus what AGENDA_CONNECT_SRC adds at build time (space-separated origins, e.g.
// `AGENDA_CONNECT_SRC="https://data.example.org" make build`) for a programme on another host.
// frame-ancestors cannot be set from a <meta> (browsers ignore it there): a host that wants to
// restrict who may embed the agenda sends it as an HTTP header.
const connect = ["'self'", ...(process.env.AGENDA_CONNECT_SRC || '').split(/\s+/).filter(Boolean)]
// `trunk serve` reloads the page through a WebSocket to itself, from an inline script.
if (!release) connect.push('ws:', 'wss:')
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval'${release ? '' : " 'unsafe-inline'"}`,
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  `connect-src ${connect.join(' ')}`,
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

// 1. Inline scripts out.
let html = fs.readFileSync(at('index.html'), 'utf8')
// The embedded mode's module (fetched by page.js only then), named after its content in 3.
fs.copyFileSync(path.join(source, 'js', 'embed-frame.js'), at('agenda-embed.js'))
const page = fs.readFileSync(path.join(source, 'js', 'page.js'), 'utf8')
  .replace("'__SW__'", release ? "'sw.js'" : "''")
  .replace("'./__EMBED__'", "'./agenda-embed.js'")
let moved = 0
html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (tag, attrs, body) => {
  if (/\bsrc\s*=/i.test(attrs) || !body.trim()) return tag
  // `trunk serve`'s live reload: Trunk fills in its address when it serves index.html, so it
  // stays inline (debug builds only; their policy allows it, see CSP above).
  if (!release && /__trunk_/i.test(body)) return tag
  const module = /\btype\s*=\s*["']?module/i.test(attrs)
  moved++
  // Trunk's bootstrap (`import init … from './agenda-….js'; await init(…)`) goes at the end of
  // that very module, wasm-bindgen's, with the page's script before it, in a block of their own
  // (their names stay theirs): one request fewer, and one compressed file. Anything else
  // (another Trunk, another glue) keeps a file of its own.
  const boot = module && /^\s*import init, \* as bindings from '\.\/([\w-]+\.js)';\s*$/m.exec(body)
  const glue = boot && at(boot[1])
  const source = glue && fs.existsSync(glue) && fs.readFileSync(glue, 'utf8')
  if (source && /export \{ initSync, __wbg_init as default \};\s*$/.test(source)) {
    const start = body
      .replace(boot[0], '')
      .replace(/\bawait init\(/, 'await __wbg_init(')
      .replace(/^\s*window\.wasmBindings = bindings;\s*$/m, '')
    fs.writeFileSync(glue, `${source}\n{\n${page}\n${start}\n}\n`)
    return `<script type=module src=${base}${boot[1]}></script>`
  }
  const code = module && /\binit\s*\(/.test(body) ? page + '\n' + body : body
  const name = `agenda-${module ? 'boot' : 'script'}-${hash(code)}.js`
  fs.writeFileSync(at(name), code)
  return `<script${module ? ' type=module' : ''} src=${base}${name}></script>`
})
if (!moved) throw new Error('post-build: no inline bootstrap found in index.html (has Trunk changed?)')

// The glue's <link rel=modulepreload> (twice, from Trunk) is now its <script> itself.
if (!/<script type=module src=[^>]*agenda-[0-9a-f]+\.js>/.test(html)) console.warn('post-build: the bootstrap kept a file of its own')
else html = html.replace(/<link [^>]*rel=modulepreload[^>]*>/g, '')

// The page's wasm: Trunk's <link rel=preload> becomes a <meta name=agenda-wasm>, first in <head>
// (after the policy, step 2), that js/prerender.js reads: a preload at once where the pre-rendered view is not shown; where it is,
// js/page.js fetches the wasm once that view is painted (measured with Lighthouse: a preload
// there delays its largest paint, simulated on a slow network, from 1.2 s to 2.5 s).
const wasmPreload = /<link (?=[^>]*rel=["']?preload)(?=[^>]*type=["']?application\/wasm)[^>]*href=["']?(?:\.\/)?([\w.-]+_bg\.wasm)["']?[^>]*>/.exec(html)
if (wasmPreload) {
  html = html.replace(wasmPreload[0], '').replace(/<meta charset=["']?utf-8["']?\s*\/?>/i, m => `${m}<meta name=agenda-wasm content=${wasmPreload[1]}>`)
}

// JSON as the browser reads it: the programmes and the manifest without indentation (about 5 %
// fewer bytes compressed). A file that does not parse is left as it is: the app says what is
// wrong with it.
for (const f of ['programme.json', 'manifest.webmanifest', ...fs.readdirSync(at('programmes')).map(n => `programmes/${n}`)]) {
  if (!fs.existsSync(at(f))) continue
  try {
    fs.writeFileSync(at(f), JSON.stringify(JSON.parse(fs.readFileSync(at(f), 'utf8'))))
  } catch { /* left as written */ }
}

// 2. The policy, before anything it governs.
const meta = `<meta http-equiv=Content-Security-Policy content="${CSP}">`
const charset = /<meta charset=["']?utf-8["']?\s*\/?>/i
if (!charset.test(html)) throw new Error('post-build: no <meta charset> in index.html')
html = html.replace(charset, m => m + meta)

// 3. Names by content. A file is named once every file it names has its final name: the
// worker's wasm and glue before its loader, the loader, the embedded module and the page's wasm
// before the page's glue (js/page.js names the loader and the module; Trunk's bootstrap, the
// wasm), and all of them before index.html. A wasm names nothing this step knows of (the app
// asks page.js for the worker's name: <html data-worker>).
const KEEP = new Set(['sw.js', 'embed.js']) // public addresses: the worker's scope, partners' snippet
const renamed = new Map() // Trunk's or this script's name -> the final one
const rewrite = text => {
  if (!renamed.size) return text
  const names = [...renamed.keys()].sort((a, b) => b.length - a.length).map(n => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return text.replace(new RegExp(`(?<![\\w.-])(${names.join('|')})(?![\\w-])`, 'g'), n => renamed.get(n))
}
// `agenda-78a8163830d10372_bg.wasm` -> `agenda-<hash>_bg.wasm`, `agenda-worker_loader.js` ->
// `agenda-worker_loader-<hash>.js`: Trunk's hash (of what it built, before this script and
// wasm-opt) gives way to the hash of what is served. Trunk writes its hash without leading
// zeros (1 build in 16 has 15 digits): `agenda-23e07decb2019bf_bg.wasm` is Trunk's name too.
const named = (file, data) => {
  const [, stem, ext] = /^(.*?)(?:-[0-9a-f]{8,16})?((?:_bg)?\.\w+)$/.exec(file)
  return `${stem}-${hash(data)}${ext}`
}
const pending = new Set(fs.readdirSync(staging).filter(f => /\.(js|wasm|css)$/.test(f) && !KEEP.has(f)))
while (pending.size) {
  const text = f => (f.endsWith('.wasm') ? '' : fs.readFileSync(at(f), 'utf8'))
  const ready = [...pending].filter(f => {
    const t = text(f)
    return ![...pending].some(other => other !== f && t.includes(other))
  })
  if (!ready.length) throw new Error(`post-build: these files name each other: ${[...pending].join(' ')}`)
  for (const f of ready) {
    if (!f.endsWith('.wasm')) {
      fs.writeFileSync(at(f), rewrite(text(f)))
      if (release && f.endsWith('.js')) minify(f)
    }
    const final = named(f, fs.readFileSync(at(f)))
    fs.renameSync(at(f), at(final))
    renamed.set(f, final)
    pending.delete(f)
  }
}
html = rewrite(html)
for (const [, ref] of html.matchAll(/(?:src|href)=["']?(?:\.\/)?([\w.-]+\.(?:js|wasm|css))\b/g)) {
  if (!fs.existsSync(at(ref))) throw new Error(`post-build: index.html names ${ref}, which is not in the build`)
}
fs.writeFileSync(at('index.html'), html)

// 4. The service worker: precache the shell (every file but the programmes, the partners' files,
// the compressed copies, the style for JavaScript off and the export reader), versioned by the
// content of all of them.
const SKIP = /(^programmes?\b|\.gz$|^sw\.js$|^embed\.js$|^partner-demo\.html$|^icon-512|^icon-maskable|\.schema\.json$|^agenda-noscript-)/
const shell = fs.readdirSync(staging, { withFileTypes: true })
  .filter(e => e.isFile() && !SKIP.test(e.name))
  .map(e => e.name)
  .sort()
const swFile = at('sw.js')
const sw = fs.readFileSync(swFile, 'utf8')
const version = hash(Buffer.concat([sw, ...shell].map(f => f === sw ? Buffer.from(sw) : Buffer.concat([Buffer.from(f + '\0'), fs.readFileSync(at(f))]))))
// The export reader's files (the worker's loader, glue and wasm) are kept only once needed (see
// public/sw.js, READER): they are in the version, not in the precache.
const reader = f => /^agenda-worker[-_]/.test(f)
const urls = shell.filter(f => !reader(f)).map(f => (f === 'index.html' ? './' : f))
const readerFiles = shell.filter(reader)
if (readerFiles.length !== 3) throw new Error(`post-build: the export reader should be 3 files, found ${readerFiles.join(' ') || 'none'}`)
const stamp = /^const VERSION = .*$/m
if (!stamp.test(sw)) throw new Error('post-build: sw.js has no `const VERSION = …` line to stamp')
fs.writeFileSync(swFile, sw.replace(stamp, `const VERSION = '${version}', SHELL = ${JSON.stringify(urls)}, READER = ${JSON.stringify(readerFiles)}`))
if (release) for (const f of KEEP) minify(f)
console.log(`post-build: ${moved} inline script(s) moved out, CSP written, ${renamed.size} files named by content, sw.js ${version} precaches ${urls.length} files, and the export reader's ${readerFiles.length} once needed`)

// Trunk minifies the CSS and HTML but not wasm-bindgen's JS glue: terser does, about 1.5 KB less
// over the wire. The page's glue and the embedded module are ES modules (the glue's exports keep
// their names); the worker's glue is a classic script whose global `wasm_bindgen` its loader
// calls, so a classic script's top level is left as it is (the loader's, sw.js's, and embed.js's,
// which runs in partners' pages inside a function of its own, and js/prerender.js's, a block).
function minify (file) {
  const local = path.join(source, 'node_modules', '.bin', 'terser')
  const terser = fs.existsSync(local) ? local : 'terser'
  const classic = /worker|^prerender\.js$|^sw\.js$|^embed\.js$/.test(file)
  try {
    execFileSync(terser, [at(file), ...(classic ? [] : ['--module']), '--compress', '--mangle', '--output', at(file + '.min')], { stdio: ['ignore', 'ignore', 'inherit'] })
  } catch (e) {
    throw new Error(`post-build: terser failed on ${file} (scripts/tools.sh build installs it): ${e.message}`)
  }
  fs.renameSync(at(file + '.min'), at(file))
}
