// Draws the app and tray icons (a white sync symbol on a rounded square) and writes them to assets/.
// No network, no image library: a small rasteriser with 4×4 supersampling, PNG through node:zlib, and an
// ICO that embeds the PNGs. Run: node scripts/make-icons.mjs (the outputs are committed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const assetsDir = join(dirname(dirname(fileURLToPath(import.meta.url))), 'assets');

const COLORS = {
  normal: [0x1c, 0x7e, 0xd6], // blue: running
  paused: [0x86, 0x8e, 0x96], // grey: paused or stopped
  error: [0xe0, 0x31, 0x31], // red: error
  warning: [0xf0, 0x8c, 0x00], // amber: something waits for a person (pendências, budget out)
};

const inRoundedSquare = (x, y, margin, radius) => {
  const min = margin;
  const max = 1 - margin;
  if (x < min || x > max || y < min || y > max) return false;
  const cx = Math.min(Math.max(x, min + radius), max - radius);
  const cy = Math.min(Math.max(y, min + radius), max - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};

const sign = (p, a, b) => (p[0] - b[0]) * (a[1] - b[1]) - (a[0] - b[0]) * (p[1] - b[1]);
const inTriangle = (p, [a, b, c]) => {
  const d1 = sign(p, a, b);
  const d2 = sign(p, b, c);
  const d3 = sign(p, c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

/** Two arcs turning clockwise, each ending in an arrowhead (math angles, y up, centre 0.5/0.5). */
const syncGlyph = (small) => {
  const outer = small ? 0.36 : 0.33;
  const inner = small ? 0.2 : 0.225;
  const mid = (outer + inner) / 2;
  const half = (outer - inner) / 2;
  const arcs = [
    [35, 165],
    [215, 345],
  ];
  const point = (deg, r) => [
    0.5 + r * Math.cos((deg * Math.PI) / 180),
    0.5 + r * Math.sin((deg * Math.PI) / 180),
  ];
  const heads = arcs.map(([end]) => {
    const rad = (end * Math.PI) / 180;
    const tangent = [Math.sin(rad), -Math.cos(rad)]; // clockwise
    const base = point(end, mid);
    const spread = half * 2.3;
    const length = small ? 0.2 : 0.17;
    return [
      point(end, mid + spread),
      point(end, mid - spread),
      [base[0] + tangent[0] * length, base[1] + tangent[1] * length],
    ];
  });
  return (x, y) => {
    const dx = x - 0.5;
    const dy = y - 0.5;
    const r = Math.hypot(dx, dy);
    let deg = (Math.atan2(dy, dx) * 180) / Math.PI;
    if (deg < 0) deg += 360;
    if (r >= inner && r <= outer && arcs.some(([from, to]) => deg >= from && deg <= to)) return true;
    return heads.some((head) => inTriangle([x, y], head));
  };
};

const render = (size, color) => {
  const small = size <= 32;
  const margin = small ? 0 : 0.04;
  const radius = small ? 0.18 : 0.2;
  const glyph = syncGlyph(small);
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let background = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const yDown = (py + (sy + 0.5) / samples) / size;
          if (!inRoundedSquare(x, yDown, margin, radius)) continue;
          background += 1;
          if (glyph(x, 1 - yDown)) white += 1;
        }
      }
      const total = samples * samples;
      const alpha = background / total;
      const w = background ? white / background : 0;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c += 1) pixels[offset + c] = Math.round(color[c] * (1 - w) + 255 * w);
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};

const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

export const encodePng = (size, rgba) => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** An ICO whose images are PNGs (supported by Windows Vista and later, and by electron-builder). */
export const encodeIco = (images) => {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
};

const png = (size, color) => encodePng(size, render(size, color));

mkdirSync(assetsDir, { recursive: true });
const written = [];
const write = (name, data) => {
  writeFileSync(join(assetsDir, name), data);
  written.push(`${name} (${data.length} B)`);
};

write('icon.png', png(256, COLORS.normal));
write(
  'icon.ico',
  encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: png(size, COLORS.normal) }))),
);
for (const [name, color] of [
  ['tray', COLORS.normal],
  ['tray-paused', COLORS.paused],
  ['tray-error', COLORS.error],
  ['tray-warning', COLORS.warning],
]) {
  write(`${name}.png`, png(16, color));
  write(`${name}@2x.png`, png(32, color));
}
console.log(`assets/: ${written.join(', ')}`);
