import type { Image } from './png';

/**
 * The app icons, drawn from geometry so they can be regenerated exactly:
 * a tick inside a rounded square. Teams wants a 192×192 full-colour icon and
 * a 32×32 outline icon that is white on a transparent background.
 */

/** Background of the colour icon; also the manifest's `accentColor`. */
export const ACCENT_COLOR = '#1D5F8A';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

interface Design {
  /** Rounded square, in units of the icon's width (0..1). */
  boxHalf: number;
  boxRadius: number;
  boxStroke: number;
  /** Tick: three points and a stroke width, in the same units. */
  tick: [number, number][];
  tickStroke: number;
}

/** The colour icon keeps its symbol inside the central safe area Teams recommends. */
const COLOR_DESIGN: Design = {
  boxHalf: 0.3,
  boxRadius: 0.08,
  boxStroke: 0.05,
  tick: [
    [0.355, 0.5],
    [0.46, 0.605],
    [0.65, 0.405],
  ],
  tickStroke: 0.07,
};

/** The outline icon has no padding: the symbol fills the 32×32 square. */
const OUTLINE_DESIGN: Design = {
  boxHalf: 0.45,
  boxRadius: 0.2,
  boxStroke: 0.085,
  tick: [
    [0.27, 0.5],
    [0.43, 0.66],
    [0.73, 0.35],
  ],
  tickStroke: 0.11,
};

const SAMPLES = 8; // 8×8 samples a pixel for smooth edges

export function drawColorIcon(): Image {
  const size = COLOR_ICON_SIZE;
  const [br, bg, bb] = hexToRgb(ACCENT_COLOR);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(COLOR_DESIGN, size, x, y);
      const i = (y * size + x) * 4;
      data[i] = Math.round(br + (255 - br) * a);
      data[i + 1] = Math.round(bg + (255 - bg) * a);
      data[i + 2] = Math.round(bb + (255 - bb) * a);
      data[i + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}

export function drawOutlineIcon(): Image {
  const size = OUTLINE_ICON_SIZE;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = Math.round(coverage(OUTLINE_DESIGN, size, x, y) * 255);
      const i = (y * size + x) * 4;
      // Fully transparent pixels are stored as transparent white, so every pixel is white or transparent.
      data.set([255, 255, 255, a], i);
    }
  }
  return { width: size, height: size, data };
}

function coverage(design: Design, size: number, px: number, py: number): number {
  // The distance changes by at most one unit per unit moved, so a pixel whose
  // centre is more than half a diagonal from every edge is wholly in or out.
  const centre = distance(design, (px + 0.5) / size, (py + 0.5) / size);
  if (Math.abs(centre) * size > 0.75) return centre <= 0 ? 1 : 0;
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = (px + (sx + 0.5) / SAMPLES) / size;
      const y = (py + (sy + 0.5) / SAMPLES) / size;
      if (distance(design, x, y) <= 0) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

/** Signed distance to the symbol: negative inside the strokes, positive outside. */
function distance(d: Design, x: number, y: number): number {
  let best = Math.abs(roundedBoxDistance(x - 0.5, y - 0.5, d.boxHalf, d.boxRadius)) - d.boxStroke / 2;
  for (let k = 0; k + 1 < d.tick.length; k++) {
    best = Math.min(best, segmentDistance(x, y, d.tick[k], d.tick[k + 1]) - d.tickStroke / 2);
  }
  return best;
}

/** Signed distance from a point (relative to the centre) to a rounded square's edge. */
function roundedBoxDistance(x: number, y: number, half: number, radius: number): number {
  const qx = Math.abs(x) - (half - radius);
  const qy = Math.abs(y) - (half - radius);
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.sqrt(ox * ox + oy * oy) + Math.min(Math.max(qx, qy), 0) - radius;
}

function segmentDistance(x: number, y: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  const ex = x - (ax + t * dx);
  const ey = y - (ay + t * dy);
  return Math.sqrt(ex * ex + ey * ey);
}

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}
