import { crc32, deflateSync } from 'node:zlib';

/** What the tray icon tells at a glance. */
export const TRAY_STATES = ['idle', 'running', 'paused', 'needs-you'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

type Rgb = readonly [number, number, number];

/** Ring colour per state (distinct in hue and brightness, so they also differ for colour-blind users). */
export const TRAY_COLORS: Record<TrayState, Rgb> = {
  idle: [0x2e, 0x7d, 0x5b], // green: all is well, waiting for the schedule
  running: [0x1e, 0x6f, 0xd9], // blue: a run is going
  paused: [0xd9, 0x8e, 0x04], // amber: the schedule is paused
  'needs-you': [0xd0, 0x2f, 0x2f], // red: something needs the user
};

const WHITE: Rgb = [0xff, 0xff, 0xff];

/** A shape answers the colour at a point (in icon pixels, centre 16,16) or null when the point is outside it. */
type Shape = (x: number, y: number) => Rgb | null;

const disc = (r: number, color: Rgb): Shape => (x, y) => (Math.hypot(x - 16, y - 16) <= r ? color : null);
const ring = (outer: number, inner: number, color: Rgb): Shape => (x, y) => {
  const d = Math.hypot(x - 16, y - 16);
  return d <= outer && d >= inner ? color : null;
};
const rect = (x0: number, y0: number, x1: number, y1: number, color: Rgb): Shape => (x, y) =>
  x >= x0 && x <= x1 && y >= y0 && y <= y1 ? color : null;
/** Play triangle pointing right. */
const play = (color: Rgb): Shape => (x, y) => (x >= 12 && x <= 22 && Math.abs(y - 16) <= (22 - x) * 0.6 ? color : null);

/** Layers from bottom to top: the same ring for every state, a glyph inside that says which state. */
function layers(state: TrayState): Shape[] {
  const c = TRAY_COLORS[state];
  switch (state) {
    case 'idle':
      return [ring(14, 9.5, c), disc(5, c)];
    case 'running':
      return [ring(14, 9.5, c), play(c)];
    case 'paused':
      return [ring(14, 9.5, c), rect(11.5, 10, 14.5, 22, c), rect(17.5, 10, 20.5, 22, c)];
    case 'needs-you':
      return [disc(14, c), rect(14.5, 7, 17.5, 18.5, WHITE), (x, y) => (Math.hypot(x - 16, y - 23) <= 2 ? WHITE : null)];
  }
}

const SAMPLES = 4; // 4×4 samples per pixel: smooth edges without a drawing library

/** RGBA pixels of one state's icon, `size`×`size` (32 by default). */
export function trayIconPixels(state: TrayState, size = 32): Buffer {
  const shapes = layers(state);
  const out = Buffer.alloc(size * size * 4);
  const scale = 32 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) * scale;
          const y = (py + (sy + 0.5) / SAMPLES) * scale;
          let color: Rgb | null = null;
          for (const shape of shapes) color = shape(x, y) ?? color;
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a === 0) continue;
      out[i] = Math.round(r / a);
      out[i + 1] = Math.round(g / a);
      out[i + 2] = Math.round(b / a);
      out[i + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
    }
  }
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A minimal PNG (8-bit RGBA, no filtering): enough for a tray icon, and nothing to ship or load from disk. */
export function encodePng(rgba: Buffer, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const cache = new Map<TrayState, string>();

/** The state's icon as a PNG data URL for `nativeImage.createFromDataURL` (computed once per state). */
export function trayIconDataUrl(state: TrayState): string {
  let url = cache.get(state);
  if (!url) {
    url = `data:image/png;base64,${encodePng(trayIconPixels(state), 32).toString('base64')}`;
    cache.set(state, url);
  }
  return url;
}
