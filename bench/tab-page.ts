import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { todayIn } from '../src/domain/calendar';
import { projectRoot } from '../src/project-root';
import { launchChromium } from '../test/e2e/support/browser';
import { BotProcess } from './bot-process';
import { round } from './stats';
import { writeSyntheticPlan } from './synthetic-plan';

export interface TabPage {
  /** Median, over fresh browser contexts, of navigation start to the first tiles painted (ms). */
  first_render_ms: number;
  /** Every run, for the table. */
  runs_ms: number[];
  /** The built JavaScript gzipped, summed over the files (KB); `loaded` is only what a plain browser loads. */
  js_kb_gzip: number;
  js_kb_gzip_loaded: number;
}

const SIZE = 1000;
const RUNS = 5;

/** Gzip sizes of dist/tab's JavaScript: all of it, and the part the page loads outside Teams (teams-js waits for Teams). */
export function measureBundle(): { all: number; loaded: number } {
  const dir = path.join(projectRoot(), 'dist', 'tab');
  const assets = path.join(dir, 'assets');
  if (!fs.existsSync(assets)) throw new Error('dist/tab is missing: run npm run build:tab first');
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  let all = 0;
  let loaded = 0;
  for (const file of fs.readdirSync(assets).filter((f) => f.endsWith('.js'))) {
    const size = zlib.gzipSync(fs.readFileSync(path.join(assets, file)), { level: 9 }).length;
    all += size;
    if (html.includes(file)) loaded += size;
  }
  return { all: round(all / 1024), loaded: round(loaded / 1024) };
}

/**
 * Records, inside the page, when the first tiles are painted: a MutationObserver sees the first
 * tile arrive, and the frame after it is when it is on screen. Times are from navigation start.
 */
const TILES_PAINTED = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('button.tile')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__tilesPainted = performance.now(); }, 0));
  }).observe(document, { childList: true, subtree: true });
`;

/** First render of a 1,000-action plan in headless Chromium, as a chair who may read it all, in local mode. */
export async function measureTabPage(bot: BotProcess, log: (s: string) => void): Promise<TabPage> {
  const planId = `bench-tab-${SIZE}`;
  await writeSyntheticPlan(bot.storage, planId, SIZE, todayIn(new Date()));
  await bot.storage.roles.grant(planId, 'alexw@example.com', 'chair');
  const url = `${bot.url}/tab?as=alexw%40example.com&plan=${planId}`;
  const browser = await launchChromium();
  const runs: number[] = [];
  const apiDone: number[] = [];
  try {
    for (let run = 0; run <= RUNS; run++) {
      // A fresh context each time: nothing cached, as a person opening the tab for the first time.
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(TILES_PAINTED);
      await page.goto(url);
      await page.waitForFunction('window.__tilesPainted !== undefined', undefined, { timeout: 30_000 });
      const tiles = await page.locator('button.tile').count();
      if (tiles !== SIZE) throw new Error(`The tab showed ${tiles} tiles, not ${SIZE}`);
      const ms = await page.evaluate<number>('window.__tilesPainted');
      // When the plan's JSON had arrived, to tell the server's share from the browser's.
      const apiMs = await page.evaluate<number>(
        `performance.getEntriesByType('resource').find((e) => e.name.includes('/api/tab/plans/'))?.responseEnd ?? 0`,
      );
      await context.close();
      if (run > 0) {
        // the first run warms the server and Chromium
        runs.push(round(ms));
        apiDone.push(round(apiMs));
      }
    }
  } finally {
    await browser.close();
  }
  const sorted = [...runs].sort((a, b) => a - b);
  const bundle = measureBundle();
  log(
    `  first render ${runs.join(', ')} ms (the plan's JSON had arrived at ${apiDone.join(', ')} ms); JavaScript ${bundle.all} KB gzipped (${bundle.loaded} KB loaded outside Teams)`,
  );
  return {
    first_render_ms: sorted[Math.floor(sorted.length / 2)] ?? 0,
    runs_ms: runs,
    js_kb_gzip: bundle.all,
    js_kb_gzip_loaded: bundle.loaded,
  };
}
