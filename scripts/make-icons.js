#!/usr/bin/env node
/**
 * Draws the add-in icons (16, 32, 80 px PNG) into assets/: a blue rounded square with three bars falling from
 * left to right (customers lost over time). Pure Node: the PNG is written with zlib, no image library.
 * Usage: node scripts/make-icons.js
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** RGBA pixel of the icon at (x, y) for size s. */
function pixel(x, y, s) {
  const r = s * 0.18; // corner radius
  const inside = (() => {
    const cx = Math.min(Math.max(x + 0.5, r), s - r);
    const cy = Math.min(Math.max(y + 0.5, r), s - r);
    return (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r;
  })();
  if (!inside) return [0, 0, 0, 0];
  // Three bars, heights 70%, 50%, 30% of the inner area, white; the last one orange (the lost customers).
  const pad = s * 0.2;
  const inner = s - 2 * pad;
  const barW = inner / 4;
  const heights = [0.7, 0.5, 0.3];
  for (let i = 0; i < 3; i++) {
    const x0 = pad + i * (barW * 1.5);
    const h = inner * heights[i];
    if (x + 0.5 >= x0 && x + 0.5 < x0 + barW && y + 0.5 >= s - pad - h && y + 0.5 < s - pad) {
      return i === 2 ? [0xf4, 0xb1, 0x83, 255] : [255, 255, 255, 255];
    }
  }
  return [0x2f, 0x55, 0x97, 255];
}

function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const p = pixel(x, y, size);
      p.forEach((v, k) => (raw[y * (size * 4 + 1) + 1 + x * 4 + k] = v));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const out = path.join(__dirname, '..', 'assets');
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size));
console.log('icons written to', out);
