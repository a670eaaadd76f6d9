/**
 * The app icons follow the Teams rules: color.png 192×192, a 96×96 symbol on a solid square
 * background; outline.png 32×32, white on transparent, without padding. They are the output of scripts/drawIcons.ts, so a change to the
 * drawing without regenerating the PNGs fails here.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { BRAND, drawColorIcon, drawOutlineIcon } from '../../scripts/drawIcons';

const read = (file: string): PNG => PNG.sync.read(readFileSync(join(__dirname, '..', '..', 'appPackage', file)));
const color = read('color.png');
const outline = read('outline.png');

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const out = [];
  for (let offset = 0; offset < png.data.length; offset += 4) {
    out.push({ r: png.data[offset] ?? 0, g: png.data[offset + 1] ?? 0, b: png.data[offset + 2] ?? 0, a: png.data[offset + 3] ?? 0 });
  }
  return out;
}

describe('color.png', () => {
  it('is 192×192 and fully opaque', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(pixels(color).every((pixel) => pixel.a === 255)).toBe(true);
  });

  it('is a white mark on a solid square of the brand colour, with 48 pixels of padding', () => {
    const all = pixels(color);
    const [r, g, b] = BRAND;
    const outsideSymbol = all.filter((_pixel, index) => {
      const x = index % 192;
      const y = Math.floor(index / 192);
      return x < 48 || x >= 144 || y < 48 || y >= 144;
    });
    expect(outsideSymbol.every((pixel) => pixel.r === r && pixel.g === g && pixel.b === b)).toBe(true);
    expect(all.filter((pixel) => pixel.r === 255 && pixel.g === 255 && pixel.b === 255).length).toBeGreaterThan(96 * 96 * 0.3);
  });
});

describe('outline.png', () => {
  it('is 32×32', () => {
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  it('has only white pixels, with alpha; everything else is fully transparent', () => {
    const notWhite = pixels(outline).filter((pixel) => !(pixel.r === 255 && pixel.g === 255 && pixel.b === 255) && pixel.a !== 0);
    expect(notWhite).toEqual([]);
  });

  it('is transparent around the mark, solid white inside it, and has no padding', () => {
    const all = pixels(outline);
    expect(all[0]?.a).toBe(0);
    expect(all.filter((pixel) => pixel.a === 255).length).toBeGreaterThan(32 * 32 * 0.2);
    expect(all.filter((pixel) => pixel.a === 0).length).toBeGreaterThan(32 * 32 * 0.3);
    const row = (y: number): number => Math.max(...all.slice(y * 32, y * 32 + 32).map((pixel) => pixel.a));
    expect([row(0), row(31)].every((alpha) => alpha > 128)).toBe(true);
  });
});

describe('scripts/drawIcons.ts', () => {
  it('draws exactly the committed icons', () => {
    expect(drawOutlineIcon().data.equals(outline.data)).toBe(true);
    expect(drawColorIcon().data.equals(color.data)).toBe(true);
  });
});
