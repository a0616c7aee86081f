// Renders build/icon.svg into the icon files electron-builder packs: icon.png (1024, also the
// source it can convert itself), icons/NxN.png (Linux), icon.icns (macOS) and icon.ico (Windows).
// ICNS and ICO both embed PNG images, so no image tool beyond resvg is needed. Run: node build/make-icons.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
const png = (size) =>
  Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());

function icns(entries) {
  const chunks = entries.map(([type, data]) => {
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    header.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([header, data]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([header, ...chunks]);
}

function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(([size, data]) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map(([, data]) => data)]);
}

const sizes = [16, 32, 48, 64, 128, 256, 512, 1024];
const pngs = new Map(sizes.map((s) => [s, png(s)]));
writeFileSync(join(dir, 'icon.png'), pngs.get(1024));
mkdirSync(join(dir, 'icons'), { recursive: true });
for (const s of [16, 32, 48, 64, 128, 256, 512])
  writeFileSync(join(dir, 'icons', `${s}x${s}.png`), pngs.get(s));
// ICNS PNG types: ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x), ic11 32 (16@2x), ic12 64 (32@2x), ic13 256 (128@2x), ic14 512 (256@2x).
writeFileSync(
  join(dir, 'icon.icns'),
  icns([
    ['ic11', pngs.get(32)],
    ['ic12', pngs.get(64)],
    ['ic07', pngs.get(128)],
    ['ic13', pngs.get(256)],
    ['ic08', pngs.get(256)],
    ['ic14', pngs.get(512)],
    ['ic09', pngs.get(512)],
    ['ic10', pngs.get(1024)],
  ]),
);
writeFileSync(join(dir, 'icon.ico'), ico([16, 32, 48, 64, 128, 256].map((s) => [s, pngs.get(s)])));
console.log('wrote build/icon.png, build/icons/*.png, build/icon.icns, build/icon.ico');
