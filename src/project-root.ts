import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder holding this project's package.json, found by walking up, so
 * that `cards/` and `demo/` are found whether the code runs from `src/`
 * (tests), `dist/` (the app) or `build/` (benchmarks).
 */
export function projectRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'action-tracker'
    )
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`Could not find the action-tracker project folder above ${from}.`);
  }
}
