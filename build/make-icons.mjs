#!/usr/bin/env node
// Regenerates the app icons (committed as PNG; run `node build/make-icons.mjs` after changing the mark).
// The mark: a curve through three pipeline nodes over a mill-race wave, white on the UI's accent colour
// (renderer/src/theme.css --accent / --accent-strong). Drawn with signed distances, so every size is
// anti-aliased without an image library. electron-builder makes the macOS .icns and the Windows .ico from
// build/icon.png (512 px) and takes the Linux sizes from build/icons/<n>x<n>.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const ACCENT = [0x3b, 0x6f, 0xd8];
const ACCENT_STRONG = [0x2f, 0x5c, 0xb8];
const WHITE = [0xff, 0xff, 0xff];
const DESIGN = 1024; // the shapes below are in a 1024-unit square

/** The wave: two cubic Bézier pieces through the three nodes, flattened to a polyline. */
const NODES = [[190, 550], [512, 360], [834, 570]];
const WAVE = [
  [[190, 550], [300, 550], [360, 360], [512, 360]],
  [[512, 360], [664, 360], [724, 570], [834, 570]],
].flatMap(([a, b, c, d]) =>
  Array.from({ length: 65 }, (_, i) => {
    const t = i / 64, u = 1 - t;
    return [0, 1].map((k) => u * u * u * a[k] + 3 * u * u * t * b[k] + 3 * u * t * t * c[k] + t * t * t * d[k]);
  }),
);

/** The race below: two periods of a gentle sine. */
const WATER = Array.from({ length: 129 }, (_, i) => [230 + (564 * i) / 128, 760 + 26 * Math.sin((4 * Math.PI * i) / 128)]);

const roundedSquare = (x, y) => {
  const half = 448, radius = 200;
  const qx = Math.abs(x - 512) - (half - radius), qy = Math.abs(y - 512) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const stroke = (points, width) => (x, y) => {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1], [bx, by] = points[i];
    const dx = bx - ax, dy = by - ay;
    if (dx === 0 && dy === 0) continue; // the pieces share their end point
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best - width / 2;
};
const union = (...shapes) => (x, y) => Math.min(...shapes.map((s) => s(x, y)));

/** Painted bottom to top. */
const LAYERS = [
  { colour: ACCENT, shape: roundedSquare },
  { colour: WHITE, shape: union(stroke(WAVE, 56), stroke(WATER, 40), ...NODES.map(([x, y]) => circle(x, y, 90))) },
  { colour: ACCENT_STRONG, shape: union(...NODES.map(([x, y]) => circle(x, y, 40))) },
];

function render(size) {
  const scale = DESIGN / size;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) * scale, y = (py + 0.5) * scale;
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { colour, shape } of LAYERS) {
        // Coverage from the distance in pixels: a one-pixel ramp across the edge.
        const cover = Math.max(0, Math.min(1, 0.5 - shape(x, y) / scale));
        if (cover === 0) continue;
        const outA = cover + a * (1 - cover);
        [r, g, b] = [0, 1, 2].map((k) => (colour[k] * cover + [r, g, b][k] * a * (1 - cover)) / outA);
        a = outA;
      }
      rgba.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (py * size + px) * 4);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4), crc = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(path.join(here, 'icons'), { recursive: true });
for (const size of [512, 256, 128, 64, 48, 32, 16]) {
  const file = png(size, render(size));
  writeFileSync(path.join(here, 'icons', `${size}x${size}.png`), file);
  if (size === 512) writeFileSync(path.join(here, 'icon.png'), file);
}
console.log(`icons written to ${path.relative(process.cwd(), here) || '.'}/icon.png and icons/`);
