#!/usr/bin/env node
/**
 * Generates the tray icons and the app icon as PNG files in resources/ (committed; run again
 * only to change the artwork): plain Node, a minimal PNG encoder over zlib, shapes drawn with
 * 4×4 supersampling for smooth edges.
 *
 *   resources/tray/<state>.png, <state>@2x.png                 colour, Linux
 *   resources/tray/<state>.ico                                 colour, Windows: 16, 20, 24 and 32 px
 *                                                              (100, 125, 150, 200 % scaling)
 *   resources/tray/<state>Template.png, <state>Template@2x.png black + alpha, macOS template images
 *   resources/icon.png                                          512×512 app icon (electron-builder)
 *
 * States: idle (a ring), inspecting (ring and centre dot: on a call), reconnecting (a broken
 * ring), signed-out (a ring struck through).
 *
 * Usage: node scripts/generate-tray-icons.mjs [output-root]   (default: the repository root)
 */
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = process.argv[2]
  ? resolve(process.argv[2])
  : join(dirname(fileURLToPath(import.meta.url)), '..');
const trayDir = join(root, 'resources', 'tray');

// --- PNG encoding -------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** RGBA pixels (Uint8Array, width*height*4) → PNG bytes. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * width * 4, width * 4).copy(rows, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * RGBA images → an ICO file with one uncompressed 32-bit DIB per size (BGRA rows bottom-up,
 * then an all-zero AND mask; alpha does the masking). DIB entries load everywhere Windows
 * loads icons, PNG-compressed small entries not always.
 */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  const bodies = [];
  let offset = 6 + 16 * images.length;
  for (const { size, rgba } of images) {
    const maskRow = Math.ceil(size / 32) * 4;
    const info = Buffer.alloc(40);
    info.writeUInt32LE(40, 0); // BITMAPINFOHEADER size
    info.writeInt32LE(size, 4);
    info.writeInt32LE(size * 2, 8); // colour rows + mask rows
    info.writeUInt16LE(1, 12); // planes
    info.writeUInt16LE(32, 14); // bits per pixel
    const pixels = Buffer.alloc(size * size * 4);
    for (let y = 0; y < size; y += 1) {
      for (let x = 0; x < size; x += 1) {
        const from = (y * size + x) * 4;
        const to = ((size - 1 - y) * size + x) * 4;
        pixels[to] = rgba[from + 2];
        pixels[to + 1] = rgba[from + 1];
        pixels[to + 2] = rgba[from];
        pixels[to + 3] = rgba[from + 3];
      }
    }
    const body = Buffer.concat([info, pixels, Buffer.alloc(maskRow * size)]);
    const entry = Buffer.alloc(16);
    entry[0] = size; // width (0 would mean 256)
    entry[1] = size;
    entry.writeUInt16LE(1, 4); // planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(body.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    bodies.push(body);
    offset += body.length;
  }
  return Buffer.concat([header, ...entries, ...bodies]);
}

/** Sizes of the Windows tray icon: the notification area's 16 px at 100/125/150/200 % scaling. */
const WINDOWS_TRAY_SIZES = [16, 20, 24, 32];

// --- Shapes (coordinates in 0..1, y down) ----------------------------------------------------

const distance = (x, y) => Math.hypot(x - 0.5, y - 0.5);
const ring = (x, y) => distance(x, y) <= 0.44 && distance(x, y) >= 0.3;
const dot = (x, y) => distance(x, y) <= 0.15;
/** The ring without its upper-right quarter, as a loading spinner is drawn. */
const brokenRing = (x, y) => ring(x, y) && !(x > 0.5 && y < 0.5);
/** A bar from lower left to upper right, 0.13 wide. */
const slash = (x, y) => {
  const along = (x - 0.5 + (0.5 - y)) / Math.SQRT2;
  const across = Math.abs(x - 0.5 - (0.5 - y)) / Math.SQRT2;
  return Math.abs(along) <= 0.47 && across <= 0.065;
};

const STATES = {
  idle: { shape: (x, y) => ring(x, y), colour: [0x25, 0x63, 0xeb] },
  inspecting: { shape: (x, y) => ring(x, y) || dot(x, y), colour: [0x16, 0xa3, 0x4a] },
  reconnecting: { shape: (x, y) => brokenRing(x, y) || dot(x, y), colour: [0xd9, 0x77, 0x06] },
  'signed-out': { shape: (x, y) => ring(x, y) || slash(x, y), colour: [0x6b, 0x72, 0x80] },
};

/** Draw `shape` at `size` px in `colour`, anti-aliased by 4×4 supersampling: RGBA pixels. */
function draw(size, shape, colour) {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let covered = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          if (shape((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size))
            covered += 1;
        }
      }
      const offset = (py * size + px) * 4;
      pixels.set([...colour, Math.round((covered / (samples * samples)) * 255)], offset);
    }
  }
  return pixels;
}

/** `shape` at `size` px in `colour` as PNG bytes. */
function render(size, shape, colour) {
  return encodePng(size, size, draw(size, shape, colour));
}

/** The app icon: the inspecting glyph in white on a rounded blue square. */
function renderAppIcon(size) {
  const corner = 0.2;
  const inSquare = (x, y) => {
    const dx = Math.max(corner - x, 0, x - (1 - corner));
    const dy = Math.max(corner - y, 0, y - (1 - corner));
    return x >= 0.04 && x <= 0.96 && y >= 0.04 && y <= 0.96 && Math.hypot(dx, dy) <= corner - 0.04;
  };
  const glyph = (x, y) => {
    const gx = (x - 0.5) / 0.62 + 0.5;
    const gy = (y - 0.5) / 0.62 + 0.5;
    return ring(gx, gy) || dot(gx, gy);
  };
  // White where the glyph covers the sample, blue elsewhere inside the square.
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let square = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (inSquare(x, y)) {
            square += 1;
            if (glyph(x, y)) white += 1;
          }
        }
      }
      const mix = square === 0 ? 0 : white / square;
      const blend = (blue, w) => Math.round(blue + (w - blue) * mix);
      pixels.set(
        [blend(0x1d, 0xff), blend(0x4e, 0xff), blend(0xd8, 0xff), Math.round((square / 16) * 255)],
        (py * size + px) * 4,
      );
    }
  }
  return encodePng(size, size, pixels);
}

mkdirSync(trayDir, { recursive: true });
const written = [];
const write = (path, bytes) => {
  writeFileSync(path, bytes);
  written.push(path.slice(root.length + 1));
};
for (const [state, { shape, colour }] of Object.entries(STATES)) {
  write(join(trayDir, `${state}.png`), render(16, shape, colour));
  write(join(trayDir, `${state}@2x.png`), render(32, shape, colour));
  write(
    join(trayDir, `${state}.ico`),
    encodeIco(WINDOWS_TRAY_SIZES.map((size) => ({ size, rgba: draw(size, shape, colour) }))),
  );
  write(join(trayDir, `${state}Template.png`), render(16, shape, [0, 0, 0]));
  write(join(trayDir, `${state}Template@2x.png`), render(32, shape, [0, 0, 0]));
}
write(join(root, 'resources', 'icon.png'), renderAppIcon(512));
process.stdout.write(`wrote ${written.length} files:\n  ${written.join('\n  ')}\n`);
