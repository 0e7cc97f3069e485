/**
 * Writes manifest/color.png and manifest/outline.png from the geometry in
 * scripts/icons.ts. Run with `npm run icons`; the PNGs are committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { drawColorIcon, drawOutlineIcon } from './icons';
import { encodePng } from './png';
import { findRepoRoot } from './manifest-template';

export function generateIcons(root = findRepoRoot()): string[] {
  const written: string[] = [];
  for (const [name, image] of [
    ['color.png', drawColorIcon()],
    ['outline.png', drawOutlineIcon()],
  ] as const) {
    const file = path.join(root, 'manifest', name);
    fs.writeFileSync(file, encodePng(image));
    written.push(file);
  }
  return written;
}

if (require.main === module) {
  for (const file of generateIcons()) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
