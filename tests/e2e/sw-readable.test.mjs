// Which answers the service worker keeps as the good copy of a programme (public/sw.js,
// `readable`): a file in one of the formats the agenda reads, never any JSON. Run in Node on the
// source of sw.js (a classic script: its functions are the globals of a context of its own).
//   node --test tests/e2e/sw-readable.test.mjs
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { FIXTURES, REPO } from './lib.mjs'

const worker = { self: { registration: { scope: 'http://127.0.0.1/' }, addEventListener () {} }, URL }
vm.createContext(worker)
vm.runInContext(fs.readFileSync(path.join(REPO, 'public', 'sw.js'), 'utf8'), worker)
const readable = text => worker.readable(text)
const read = (...parts) => fs.readFileSync(path.join(...parts), 'utf8')

describe('the good copy of a programme is a file the agenda can read', () => {
  it('keeps the formats the agenda reads, and knows which need the export reader', () => {
    const programmes = path.join(REPO, 'public', 'programmes')
    for (const [name, text] of [
      ['programme.json (own format)', read(REPO, 'public', 'programme.json')],
      ...fs.readdirSync(programmes).map(f => [f, read(programmes, f)]),
      ['own format, the two keys', '{"event":{"title":"x"},"sessions":[]}'],
    ]) assert.equal(readable(text), 'own', name)
    for (const [name, text] of [
      ['frab, from frab', read(FIXTURES, 'frab-camp2019.json')],
      ['frab, from pretalx', read(FIXTURES, 'frab-from-pretalx-democon.json')],
      ['pretalx widget', read(FIXTURES, 'pretalx-widget-sample.json')],
      ['c3voc schedule 2.0', '{"$schema":"../schema2.json","schedule":{"version":"1","conference":{"title":"38C3"},"events":[]}}'],
      ['c3voc schedule 2.0, unwrapped', '{"version":"1","conference":{"title":"38C3"},"events":[]}'],
    ]) assert.equal(readable(text), 'export', name)
  })

  it('never keeps what the agenda cannot read, JSON or not', () => {
    const bad = path.join(FIXTURES, 'bad')
    for (const [name, text] of [
      ...['html-page.json', 'empty.json', 'truncated.json', 'null.json', 'wrong-shape.json', 'unknown-format.json'].map(f => [f, read(bad, f)]),
      ['null', 'null'],
      ['an error object', '{"error":"x"}'],
      ['a list', '[]'],
      ['a string', '"programme"'],
      ['a number', '12'],
      ['no conference in the schedule', '{"schedule":{"version":"1"}}'],
      ['a null conference', '{"schedule":{"conference":null}}'],
      ['talks that are no list', '{"talks":{}}'],
      ['an event without sessions', '{"event":{"title":"x"}}'],
      ['events without a conference', '{"version":"1","events":[]}'],
      ['a login page', '<!doctype html><title>Wi-Fi</title><p>Connectez-vous'],
      ['nothing', ''],
    ]) assert.equal(readable(text), false, name)
  })
})
