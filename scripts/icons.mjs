// Draws the app's PNG icons (192 and 512 px, and a 512 px maskable one) from the design of
// public/icon.svg, with node's built-ins only (zlib for the PNG). Run once when the design
// changes: `node scripts/icons.mjs`; the PNGs are committed (the build does not draw them).
// The design is a few rounded rectangles, so a signed-distance test per pixel with 4×4
// supersampling gives clean anti-aliased edges without an SVG renderer.
import fs from 'node:fs'
import zlib from 'node:zlib'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public')

// public/icon.svg on its 64×64 grid: [x, y, width, height, radius, colour], painted in order.
const SHAPES = [
  [4, 10, 56, 50, 8, '#0b57a4'],
  [4, 10, 56, 14, 8, '#083f78'],
  [16, 4, 6, 14, 3, '#083f78'],
  [42, 4, 6, 14, 3, '#083f78'],
  ...[[13, 31], [27, 31], [41, 31], [13, 44], [27, 44]].map(([x, y]) => [x, y, 10, 8, 2, '#ffffff']),
]

const rgb = hex => [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16))

function inside ([x, y, w, h, r], px, py) {
  // Distance to a rounded rectangle: negative inside.
  const dx = Math.abs(px - (x + w / 2)) - (w / 2 - r)
  const dy = Math.abs(py - (y + h / 2)) - (h / 2 - r)
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r <= 0
}

// size: pixels; scale: how much of the icon the 64-unit design covers (maskable icons keep their
// content in the central 80 % circle); background: a full-bleed colour, or null (transparent).
function draw (size, scale, background) {
  const SS = 4
  const px = Buffer.alloc(size * size * 4)
  const offset = (64 - 64 / scale) / 2
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let [r, g, b, a] = [0, 0, 0, 0]
      for (let s = 0; s < SS * SS; s++) {
        const u = offset + ((i + (s % SS + 0.5) / SS) / size) * 64 / scale
        const v = offset + ((j + (Math.floor(s / SS) + 0.5) / SS) / size) * 64 / scale
        let c = background
        for (const shape of SHAPES) if (inside(shape, u, v)) c = shape[5]
        if (c) { const [cr, cg, cb] = rgb(c); r += cr; g += cg; b += cb; a += 1 }
      }
      const o = (j * size + i) * 4
      const n = SS * SS
      // Colour averaged over the covered samples only (no dark fringe), coverage as alpha.
      px[o] = a ? Math.round(r / a) : 0
      px[o + 1] = a ? Math.round(g / a) : 0
      px[o + 2] = a ? Math.round(b / a) : 0
      px[o + 3] = Math.round((a / n) * 255)
    }
  }
  return png(size, px)
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c
})
function crc32 (buf) {
  let c = -1
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ -1) >>> 0
}
function chunk (type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}
function png (size, rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8; ihdr[9] = 6 // 8-bit RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

for (const [name, size, scale, bg] of [
  ['icon-192.png', 192, 1, null],
  ['icon-512.png', 512, 1, null],
  // Maskable: the calendar within the safe zone on white, edge to edge.
  ['icon-maskable-512.png', 512, 0.72, '#ffffff'],
]) {
  fs.writeFileSync(path.join(OUT, name), draw(size, scale, bg))
  console.log(name)
}
