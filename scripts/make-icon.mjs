// Draws images/icon.png (128x128): three bars in the colours of the status classes on a rounded tile.
// Run once with `node scripts/make-icon.mjs`; the PNG is committed. No image library: PNG is zlib + CRC.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const inRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const bars = [
  { y: 30, width: 88, color: [46, 160, 67] }, // 2xx
  { y: 56, width: 64, color: [219, 154, 4] }, // 4xx
  { y: 82, width: 44, color: [218, 54, 51] }, // 5xx
];
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    let color = [0, 0, 0, 0];
    if (inRoundedRect(x, y, 4, 4, 123, 123, 22)) color = [31, 41, 61, 255];
    for (const bar of bars) if (inRoundedRect(x, y, 20, bar.y, 20 + bar.width, bar.y + 16, 8)) color = [...bar.color, 255];
    pixels.set(color, (y * size + x) * 4);
  }
}
const rows = Buffer.concat([...Array(size).keys()].map((y) => Buffer.concat([Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4)])));
const crcTable = [...Array(256).keys()].map((n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([length, body, sum]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
writeFileSync(
  new URL('../images/icon.png', import.meta.url),
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]),
);
