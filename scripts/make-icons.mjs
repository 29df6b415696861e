// Draws the tray and app icons into resources/ (run once after changing a colour or shape; the PNGs are committed).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COLOURS = { ok: [48, 164, 108], degraded: [245, 165, 36], down: [229, 72, 77], unknown: [140, 146, 158] };
const out = path.resolve('resources');

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes differ per state so the monochrome macOS template icons stay readable without colour.
function shape(state, u, v) {
  const d = Math.hypot(u - 0.5, v - 0.5);
  const ring = d > 0.3 && d < 0.44;
  if (state === 'ok') return ring;
  if (state === 'degraded') return ring || (d < 0.44 && v > 0.5);
  if (state === 'down') return d < 0.44;
  return ring && Math.floor(Math.atan2(v - 0.5, u - 0.5) * 4) % 2 === 0;
}

fs.mkdirSync(path.join(out, 'tray'), { recursive: true });
for (const [state, [r, g, b]] of Object.entries(COLOURS)) {
  for (const [size, suffix] of [[16, ''], [32, '@2x']]) {
    fs.writeFileSync(path.join(out, 'tray', `tray-${state}${suffix}.png`), png(size, (u, v) => (shape(state, u, v) ? [r, g, b, 255] : [0, 0, 0, 0])));
    fs.writeFileSync(path.join(out, 'tray', `tray-${state}Template${suffix}.png`), png(size, (u, v) => (shape(state, u, v) ? [0, 0, 0, 255] : [0, 0, 0, 0])));
  }
}
fs.writeFileSync(
  path.join(out, 'icon.png'),
  png(512, (u, v) => {
    const d = Math.hypot(u - 0.5, v - 0.5);
    if (d > 0.46) return [0, 0, 0, 0];
    return d > 0.3 && d < 0.38 ? [255, 255, 255, 255] : [32, 36, 44, 255];
  }),
);
console.log('icons written to resources/');
