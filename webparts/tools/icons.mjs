// Writes the Teams app icons (PNG) with no image library: a 192×192 NHS-blue square with a white
// tick-list mark, and a 32×32 white-on-transparent outline of the same mark.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = [0];
    for (let x = 0; x < size; x += 1) row.push(...pixel(x / size, y / size));
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

// Three list lines with a tick box on the left.
const mark = (u, v) => {
  for (const top of [0.25, 0.45, 0.65]) {
    if (v >= top && v < top + 0.1 && ((u >= 0.22 && u < 0.32) || (u >= 0.4 && u < 0.78))) return true;
  }
  return false;
};

export function writeIcons(dir) {
  writeFileSync(
    `${dir}/color.png`,
    png(192, (u, v) => (mark(u, v) ? [255, 255, 255, 255] : [0, 94, 184, 255]))
  );
  writeFileSync(
    `${dir}/outline.png`,
    png(32, (u, v) => (mark(u, v) ? [255, 255, 255, 255] : [0, 0, 0, 0]))
  );
}
