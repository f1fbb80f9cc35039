// Draws the Teams app icons (a staircase: trede) and writes manifest/color.png and manifest/outline.png.
// Colour: 192x192, full-bleed background. Outline: 32x32, white on transparent, alpha 0 or 255 only.
import { writeFileSync } from "node:fs";
import { encodePng } from "./lib/png.ts";

function staircase(size: number, inset: number, steps: number) {
  const inside = (x: number, y: number) => {
    const span = size - 2 * inset;
    const px = x - inset,
      py = y - inset;
    if (px < 0 || py < 0 || px >= span || py >= span) return false;
    const step = Math.floor((px * steps) / span); // 0 = left, lowest
    const height = Math.round(((step + 1) * span) / steps);
    return py >= span - height;
  };
  return inside;
}

function draw(size: number, options: { background: [number, number, number, number]; inset: number }) {
  const pixels = new Uint8Array(size * size * 4);
  const inside = staircase(size, options.inset, 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      pixels.set(inside(x, y) ? [255, 255, 255, 255] : options.background, i);
    }
  return encodePng({ width: size, height: size, pixels });
}

writeFileSync("manifest/color.png", draw(192, { background: [0x2e, 0x7d, 0x6b, 255], inset: 44 }));
writeFileSync("manifest/outline.png", draw(32, { background: [0, 0, 0, 0], inset: 4 }));
console.log("wrote manifest/color.png and manifest/outline.png");
