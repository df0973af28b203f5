// Every file whose content changes gets a new name (issue 14): a host or proxy that keeps files
// can never pair a new page with an old script. scripts/post-build.mjs names each script, wasm
// and stylesheet after the hash of its final content and rewrites every reference to it.
// - dist/ (the release build): every file but the public addresses carries the hash of its own
//   content, and every name a file uses is in the build;
// - the hook itself, run twice on a staging folder shaped as Trunk 0.21 leaves it, with only
//   js/page.js changed: the glue that carries it gets a new name, which index.html and sw.js use,
//   and nothing else is renamed.
//   scripts/build.sh && node --test tests/e2e/build-names.test.mjs
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DIST, REPO } from './lib.mjs'

const hash = data => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16)
// The files whose addresses are public or chosen by the organiser keep their names.
const PUBLIC = /^(index\.html|sw\.js|embed\.js|partner-demo\.html|manifest\.webmanifest|icon[\w-]*\.(png|svg)|programme\.json|programme\.schema\.json|programmes\/[^/]+\.json)$/
// A name that carries a hash: `agenda-<16 hex>.js`, `agenda-worker-<16 hex>_bg.wasm`.
const HASHED = /-([0-9a-f]{16})(?:_bg)?\.(?:js|wasm|css)$/
const NAMES = /[\w-]+-[0-9a-f]{16}(?:_bg)?\.(?:js|wasm|css)\b/g

const files = dir => fs.readdirSync(dir, { recursive: true }).filter(f => fs.statSync(path.join(dir, f)).isFile()).map(f => f.split(path.sep).join('/')).sort()

// Fails unless every file of `dir` (compressed copies aside) is public or named after its
// content, and every hashed name that index.html, sw.js or a script uses is a file of `dir`.
function assertNamedByContent (dir) {
  const all = files(dir)
  for (const f of all.filter(f => !f.endsWith('.gz') && !PUBLIC.test(f))) {
    const m = HASHED.exec(f)
    assert.ok(m, `${f} carries no content hash`)
    // Trunk's own hash gone (it has 8 to 16 digits: no leading zeros), not kept before ours.
    assert.ok(!/-[0-9a-f]{8,16}-[0-9a-f]{16}(?:_bg)?\.\w+$/.test(f), `${f} carries two hashes`)
    assert.equal(m[1], hash(fs.readFileSync(path.join(dir, f))), `${f} is named after its content`)
  }
  for (const f of all.filter(f => f.endsWith('.gz'))) assert.ok(all.includes(f.slice(0, -3)), `${f} is a copy of a file of the build`)
  for (const f of all.filter(f => /^(index\.html|sw\.js|[\w-]+\.js)$/.test(f))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8')
    for (const [name] of text.matchAll(NAMES)) assert.ok(all.includes(name), `${f} names ${name}, which is in the build`)
    for (const old of ['agenda-worker.js', 'agenda-worker_bg.wasm', 'agenda-worker_loader.js', 'agenda-embed.js']) {
      assert.ok(!new RegExp(`(^|[^\\w-])${old.replace(/\./g, '\\.')}`).test(text), `${f} names ${old}, which has no hash`)
    }
  }
}

describe('file names follow content', () => {
  it('dist/: every file but the public ones is named after its content, and every name used is in the build', () => {
    assert.ok(fs.existsSync(path.join(DIST, 'index.html')), `${DIST}/index.html is missing: run scripts/build.sh first`)
    assertNamedByContent(DIST)
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')
    const glue = /<script type=module src=\.\/(agenda-[0-9a-f]{16}\.js)>/.exec(html)?.[1]
    assert.ok(glue, 'index.html starts the glue')
    const loader = files(DIST).find(f => /^agenda-worker_loader-[0-9a-f]{16}\.js$/.test(f))
    assert.ok(fs.readFileSync(path.join(DIST, glue), 'utf8').includes(loader), 'page.js gives the app the loader of the export reader by its name')
    const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8')
    const shell = JSON.parse(/SHELL=(\[[^\]]*\])/.exec(sw)[1])
    for (const name of shell) {
      assert.ok(name === './' || fs.existsSync(path.join(DIST, name)), `sw.js precaches ${name}, which is in the build`)
    }
    // The export reader is kept once needed, not precached.
    const reader = JSON.parse(/READER=(\[[^\]]*\])/.exec(sw)[1])
    assert.deepEqual(reader.map(f => f.replace(/[0-9a-f]{16}/, 'H')).sort(), ['agenda-worker-H.js', 'agenda-worker-H_bg.wasm', 'agenda-worker_loader-H.js'])
    for (const name of reader) assert.ok(fs.existsSync(path.join(DIST, name)), `sw.js keeps ${name} once needed, which is in the build`)
    assert.ok(!shell.some(f => f.startsWith('agenda-worker')), 'the export reader is not precached')
    // The pre-rendered view's script (js/prerender.js): named by content, a classic script in
    // <head> before any other, precached, and allowed by the page's policy (this site's scripts).
    const tag = /<script src=\.?\/?(prerender-[0-9a-f]{16}\.js)>/.exec(html)
    const prerender = tag?.[1]
    assert.ok(prerender, 'index.html runs the pre-render script, by its hashed name')
    assert.ok(tag.index < html.indexOf('<body') && tag.index < html.indexOf('<script type=module'), 'first, in <head>')
    assert.ok(shell.includes(prerender), 'sw.js precaches it')
    assert.match(html, /script-src 'self' 'wasm-unsafe-eval'[;"]/)
    const noscript = /<noscript><link[^>]* href=\.?\/?(agenda-noscript-[0-9a-f]{16}\.css)[ >]/.exec(html)?.[1]
    assert.ok(noscript && fs.existsSync(path.join(DIST, noscript)), 'the style for JavaScript off, by its hashed name')
  })

  for (const profile of ['debug', 'release']) {
    it(`post-build (${profile}): a change to js/page.js alone renames the glue that carries it, and only it`, () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-names-'))
      try {
        const page = fs.readFileSync(path.join(REPO, 'js', 'page.js'), 'utf8')
        const changed = page.replace("'Recharger'", "'Recharger maintenant'")
        assert.notEqual(changed, page)
        const [a, b] = [postBuild(tmp, 'a', page, profile), postBuild(tmp, 'b', changed, profile)]
        for (const dir of [a, b]) assertNamedByContent(dir)
        const glue = dir => files(dir).find(f => /^agenda-[0-9a-f]{16}\.js$/.test(f))
        assert.notEqual(glue(a), glue(b), 'the glue has a new name')
        assert.deepEqual(files(a).filter(f => f !== glue(a)), files(b).filter(f => f !== glue(b)), 'no other file is renamed')
        assert.match(fs.readFileSync(path.join(b, glue(b)), 'utf8'), /Recharger maintenant/)
        assert.ok(fs.readFileSync(path.join(b, 'index.html'), 'utf8').includes(`src=./${glue(b)}>`), 'index.html starts the new glue')
        assert.ok(fs.readFileSync(path.join(b, 'sw.js'), 'utf8').includes(`"${glue(b)}"`), 'sw.js precaches the new glue')
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true })
      }
    })
  }
})

// Runs scripts/post-build.mjs, as Trunk does, on a staging folder shaped as Trunk 0.21 leaves it
// (the bootstrap inline in index.html, wasm-bindgen's glue and wasm named by Trunk's hash, the
// worker's glue, wasm and loader shim without one; stand-ins for the glue's and wasm's content),
// with a source folder whose js/page.js is `page`. Returns the staging folder.
function postBuild (tmp, name, page, profile) {
  const source = path.join(tmp, name, 'source')
  const staging = path.join(tmp, name, 'staging')
  fs.mkdirSync(path.join(source, 'js'), { recursive: true })
  fs.mkdirSync(path.join(staging, 'programmes'), { recursive: true })
  fs.writeFileSync(path.join(source, 'js', 'page.js'), page)
  fs.copyFileSync(path.join(REPO, 'js', 'embed-frame.js'), path.join(source, 'js', 'embed-frame.js'))
  for (const f of ['sw.js', 'embed.js', 'programme.json', 'manifest.webmanifest', 'partner-demo.html']) {
    fs.copyFileSync(path.join(REPO, 'public', f), path.join(staging, f))
  }
  const write = (f, data) => fs.writeFileSync(path.join(staging, f), data)
  const trunk = '0123456789abcdef'
  write('index.html', '<!doctype html><html lang=fr><meta charset=utf-8><title>Agenda</title>' +
    `<script type=module>import init, * as bindings from './agenda-${trunk}.js';\n` +
    `const wasm = await init({ module_or_path: './agenda-${trunk}_bg.wasm' });\n\n\nwindow.wasmBindings = bindings;\n\n\n` +
    'dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));</script>' +
    `<link href=./agenda-fedcba9876543210.css rel=stylesheet><link crossorigin href=./agenda-${trunk}.js rel=modulepreload>` +
    `<link as=fetch crossorigin href=./agenda-${trunk}_bg.wasm rel=preload type=application/wasm></head><body><div id=agenda-root></div></body></html>`)
  write(`agenda-${trunk}.js`, "let wasm\nexport function start () { return wasm }\nfunction initSync (m) { wasm = m }\n" +
    "async function __wbg_init (m) { if (m === undefined) m = new URL('agenda_bg.wasm', import.meta.url); wasm = await m; return wasm }\n\n" +
    'export { initSync, __wbg_init as default };\n')
  write(`agenda-${trunk}_bg.wasm`, Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))
  write('agenda-fedcba9876543210.css', ':root{color-scheme:light dark}')
  write('agenda-worker.js', 'let wasm_bindgen=(()=>{const init=a=>fetch(a);return init})();')
  write('agenda-worker_bg.wasm', Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0]))
  write('agenda-worker_loader.js', 'importScripts("./agenda-worker.js");wasm_bindgen("./agenda-worker_bg.wasm");')
  execFileSync(process.execPath, [path.join(REPO, 'scripts', 'post-build.mjs')], {
    env: {
      ...process.env,
      PATH: `${path.join(REPO, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
      TRUNK_STAGING_DIR: staging,
      TRUNK_SOURCE_DIR: source,
      TRUNK_PROFILE: profile,
      TRUNK_PUBLIC_URL: './',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  return staging
}
