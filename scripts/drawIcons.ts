/**
 * Draws the two Teams app icons into appPackage/: `color.png` (192×192, full colour, opaque) and
 * `outline.png` (32×32, white on transparent). The mark is an open padlock with a check mark cut
 * into its body: "you are back in".
 *
 * Shapes are signed distance functions on a 100×100 design grid; pixels on an edge are
 * supersampled (8×8 for the colour icon, 16×16 for the small outline) so edges are anti-aliased.
 * Icon rules: https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons
 *
 * Run: `npm run build && node dist/scripts/drawIcons.js`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { appPackageDir } from './appPackage';

type Point = readonly [number, number];
/** Signed distance from a point to a shape's edge, in design units: negative inside. */
type Shape = (x: number, y: number) => number;
type Rgb = readonly [number, number, number];

/** The brand colour; also the manifest's `accentColor`. */
export const BRAND: Rgb = [0x0e, 0x7c, 0x6b];
const WHITE: Rgb = [0xff, 0xff, 0xff];

// ── Signed distance functions ─────────────────────────────────────────────────────────────────

function roundedBox(cx: number, cy: number, halfWidth: number, halfHeight: number, radius: number): Shape {
  return (x, y) => {
    const qx = Math.abs(x - cx) - halfWidth + radius;
    const qy = Math.abs(y - cy) - halfHeight + radius;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };
}

function distanceToSegment(x: number, y: number, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** A stroke of the given width along a polyline, with round caps and joins. */
function stroke(points: readonly Point[], width: number): Shape {
  return (x, y) => {
    let distance = Infinity;
    for (let i = 1; i < points.length; i++) {
      distance = Math.min(distance, distanceToSegment(x, y, points[i - 1] as Point, points[i] as Point));
    }
    return distance - width / 2;
  };
}

/**
 * A padlock shackle: the upper half of a circle (centre cx, cy; radius r) with a vertical leg
 * down from each end to `leftEnd` and `rightEnd`, stroked with round caps.
 */
function shackle(cx: number, cy: number, r: number, leftEnd: number, rightEnd: number, width: number): Shape {
  const left = stroke([[cx - r, cy], [cx - r, leftEnd]], width);
  const right = stroke([[cx + r, cy], [cx + r, rightEnd]], width);
  return (x, y) => {
    const arc = y <= cy ? Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2 : Infinity;
    return Math.min(arc, left(x, y), right(x, y));
  };
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) => {
    let distance = Infinity;
    for (const shape of shapes) {
      distance = Math.min(distance, shape(x, y));
    }
    return distance;
  };
const subtract =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    Math.max(shape(x, y), -hole(x, y));

// ── The mark ──────────────────────────────────────────────────────────────────────────────────

interface MarkProportions {
  /** Stroke width of the shackle, in design units. */
  readonly shackleWidth: number;
  /** Stroke width of the check mark cut into the body. */
  readonly checkWidth: number;
}

/**
 * The open padlock, centred on the 100×100 grid and `height` units tall. The shackle is lifted
 * and its left leg stops short of the body: the lock is open.
 */
function padlock(height: number, { shackleWidth, checkWidth }: MarkProportions): Shape {
  const body = roundedBox(50, 64, 22, 17, 6);
  const bow = shackle(50, 34, 13, 40, 52, shackleWidth);
  const check = stroke([[40.5, 63.5], [47, 70], [59.5, 57.5]], checkWidth);
  const mark = union(bow, subtract(body, check));
  // From the top of the shackle to the bottom of the body, scaled and centred on the grid.
  const top = 34 - 13 - shackleWidth / 2;
  const bottom = 64 + 17;
  const scale = height / (bottom - top);
  const middle = (top + bottom) / 2;
  return (x, y) => mark(50 + (x - 50) / scale, middle + (y - 50) / scale) * scale;
}

// ── Rendering ─────────────────────────────────────────────────────────────────────────────────

/** Share of the pixel (px, py) inside the shape, from samples × samples points spread over it. */
function coverage(shape: Shape, px: number, py: number, unitsPerPixel: number, samples: number): number {
  // A pixel whose centre is farther from the edge than its half diagonal is wholly in or out.
  const centre = shape((px + 0.5) * unitsPerPixel, (py + 0.5) * unitsPerPixel);
  if (Math.abs(centre) > 0.75 * unitsPerPixel) {
    return centre < 0 ? 1 : 0;
  }
  let inside = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = (px + (sx + 0.5) / samples) * unitsPerPixel;
      const y = (py + (sy + 0.5) / samples) * unitsPerPixel;
      if (shape(x, y) <= 0) {
        inside++;
      }
    }
  }
  return inside / (samples * samples);
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

function setPixel(png: PNG, px: number, py: number, [r, g, b]: Rgb, alpha: number): void {
  const offset = (py * png.width + px) * 4;
  png.data[offset] = Math.round(r);
  png.data[offset + 1] = Math.round(g);
  png.data[offset + 2] = Math.round(b);
  png.data[offset + 3] = Math.round(alpha * 255);
}

/**
 * The colour icon: the white mark, 96 pixels tall, on a solid square of the brand colour. Teams
 * rounds the corners (or cuts a hexagon for bots) itself, so the square is not rounded here and
 * the mark keeps 48 pixels of padding.
 */
export function drawColorIcon(size = 192): PNG {
  const png = new PNG({ width: size, height: size });
  const unitsPerPixel = 100 / size;
  const mark = padlock(50, { shackleWidth: 7.5, checkWidth: 6 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      setPixel(png, px, py, mix(BRAND, WHITE, coverage(mark, px, py, unitsPerPixel, 8)), 1);
    }
  }
  return png;
}

/**
 * The outline icon: the same mark in white on transparent, edge to edge (Teams wants no padding),
 * a little heavier so its strokes hold at 32 pixels. Teams tints it, so every pixel is white and
 * only alpha varies.
 */
export function drawOutlineIcon(size = 32): PNG {
  const png = new PNG({ width: size, height: size });
  const unitsPerPixel = 100 / size;
  const mark = padlock(100, { shackleWidth: 8.5, checkWidth: 7.5 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      setPixel(png, px, py, WHITE, coverage(mark, px, py, unitsPerPixel, 16));
    }
  }
  return png;
}

function main(): void {
  const dir = appPackageDir();
  for (const [file, png] of [
    ['color.png', drawColorIcon()],
    ['outline.png', drawOutlineIcon()],
  ] as const) {
    writeFileSync(join(dir, file), PNG.sync.write(png, { colorType: 6 }));
    console.log(`wrote ${join(dir, file)} (${png.width}×${png.height})`);
  }
}

if (require.main === module) {
  main();
}
