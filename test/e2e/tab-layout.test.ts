/**
 * How the plan on a page reads where colour, width or paper take something away (headless Chromium, the real
 * server, Azurite, the demo plan): the RAG chart in Teams' high-contrast theme, the meeting side panel's 320 px,
 * and the A4 print. Screenshots and the printed PDF are saved for a person to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { useDemoTab } from './support/demo-tab';
import { openTab, screenshot, SCREENSHOT_DIR, seriousAxeViolations, tileRefs } from './support/tab-page';

jest.setTimeout(120_000);

const PLAN = `?as=alexw%40example.com&plan=${DEMO_PLAN_ID}`;

const tab = useDemoTab();
let origin: string;
let page: Page;
beforeEach(() => ({ origin, page } = tab));

/** Each chart series (by its RAG class) with the fill its bars use, and the marks drawn by that fill's pattern. */
function chartSeries(page: Page) {
  return page.locator('.chart svg').evaluate((svg) => {
    const series: Record<string, { fills: string[]; marks: string | null }> = {};
    for (const bar of Array.from(svg.querySelectorAll<SVGRectElement>('rect[class^="rag-"]'))) {
      const rag = bar.getAttribute('class') ?? '';
      const fill = bar.getAttribute('fill') ?? '';
      const id = /^url\(#(.+)\)$/.exec(fill)?.[1];
      const pattern = id ? document.getElementById(id) : null;
      const entry = (series[rag] ??= { fills: [], marks: null });
      if (!entry.fills.includes(fill)) entry.fills.push(fill);
      entry.marks = pattern ? (pattern.querySelector('path')?.getAttribute('d') ?? 'plain') : null;
    }
    return series;
  });
}

test('in the high-contrast theme each RAG series has its own fill pattern, in the bars and the legend', async () => {
  await openTab(page, origin, `${PLAN}&theme=contrast`);
  await tileRefs(page);
  const series = await chartSeries(page);
  const rags = Object.keys(series).sort();
  // The demo's weeks hold red, amber, green and complete actions.
  expect(rags).toEqual(['rag-amber', 'rag-complete', 'rag-green', 'rag-red']);
  for (const rag of rags) expect(series[rag].fills).toHaveLength(1);
  const marks = rags.map((rag) => series[rag].marks);
  expect(marks).not.toContain(null);
  expect(new Set(marks).size).toBe(rags.length);
  // The theme makes every RAG colour the same: the patterns, not the colours, tell the series apart.
  const colours = await page
    .locator('.chart pattern:not([data-rag="cancelled"]) > rect')
    .evaluateAll((rects) => rects.map((r) => getComputedStyle(r).fill));
  expect(colours).toHaveLength(4);
  expect(new Set(colours).size).toBe(1);
  const legend = await page
    .locator('.chart-legend li')
    .evaluateAll((items) =>
      items.map((li): [string, string | null] => [
        li.getAttribute('class') ?? '',
        li.querySelector('rect')?.getAttribute('fill') ?? null,
      ]),
    );
  for (const rag of rags) expect(legend).toContainEqual([rag, series[rag].fills[0]]);
  // The counts are written on the bars as well.
  await expect(page.locator('.chart .chart-count text').count()).resolves.toBeGreaterThan(0);
  await expect(page.getByText('Show the figures as a table').count()).resolves.toBe(1);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.locator('.chart-wrap').screenshot({ path: path.join(SCREENSHOT_DIR, 'chart-contrast.png') });
});

test('the RAG chart has a bar for each week since the demo plan was imported, a week before its baseline', async () => {
  await openTab(page, origin, PLAN);
  await tileRefs(page);
  // One bar (with its tooltip) a week, from the import's week to this one.
  const weeks = await page.locator('.chart svg g > title').allTextContents();
  expect(weeks).toHaveLength(10);
  expect(weeks[0]).toMatch(/^Week starting \d{1,2} [A-Z][a-z]{2} \d{4}: /);
  await expect(page.getByText(/history starts in the week of/).count()).resolves.toBe(0);
  await page.locator('.chart-wrap').screenshot({ path: path.join(SCREENSHOT_DIR, 'chart-default.png') });
});

test('at 320 px the RAG chart keeps its counts on the bars and its dates readable', async () => {
  await page.setViewportSize({ width: 320, height: 900 });
  await openTab(page, origin, PLAN);
  await tileRefs(page);
  await expect(page.locator('.chart .chart-count text').count()).resolves.toBeGreaterThan(0);
  // Drawn about as wide as it is shown: a date under the bars is text of a readable size, not a speck.
  const heights = await page
    .locator('.chart svg > g > text')
    .evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThan(1);
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(10);
  const chart = await page.locator('.chart svg').boundingBox();
  expect(chart!.width).toBeLessThanOrEqual(320);
  await page.locator('.chart-wrap').screenshot({ path: path.join(SCREENSHOT_DIR, 'chart-320.png') });
});

test('at 320 px each measure of the performance book is a card of labels and values, with nothing off the side', async () => {
  await page.setViewportSize({ width: 320, height: 900 });
  await openTab(page, origin, PLAN);
  await tileRefs(page);
  const book = page.locator('section', { has: page.getByRole('heading', { name: 'Performance book' }) });
  const cards = book.getByRole('list', { name: 'Measures with target, latest value and trend' }).getByRole('listitem');
  expect(await cards.count()).toBeGreaterThan(22); // one action has two measures
  await expect(book.locator('table').count()).resolves.toBe(0);
  await expect(cards.first().locator('dt').allInnerTexts()).resolves.toEqual([
    'Target',
    'Latest',
    'Against target',
    'Trend',
  ]);
  const overflow = await book.evaluate(
    (section) =>
      [section, ...Array.from(section.querySelectorAll('*'))].filter((el) => el.scrollWidth > el.clientWidth + 1)
        .length,
  );
  expect(overflow).toBe(0);
  await book.scrollIntoViewIfNeeded();
  await screenshot(page, 'performance-book-cards-320', false);
});

test('at 320 px the action panel puts each label above its value and breaks no word or address mid-word', async () => {
  await page.setViewportSize({ width: 320, height: 900 });
  await openTab(page, origin, PLAN);
  await tileRefs(page);
  await page.locator('button.tile[data-ref="SG-1"]').click();
  const panel = page.getByRole('dialog');
  await panel.getByRole('heading', { name: 'History' }).waitFor();
  await page.waitForFunction('document.getAnimations().every((a) => a.playState !== "running")');
  const stacked = await panel
    .locator('.details dt')
    .evaluateAll((terms) =>
      terms.map((dt) => (dt.nextElementSibling?.getBoundingClientRect().top ?? 0) >= dt.getBoundingClientRect().bottom),
    );
  expect(stacked.length).toBeGreaterThan(5);
  expect(stacked.every(Boolean)).toBe(true);
  await expect(panel.locator('.details').innerText()).resolves.toMatch(/alexw@example\.com/);
  // Every word (between spaces, hyphens and the break points an address is given) sits on one line.
  const splitWords = await panel.locator('.details dd, .panel-section li').evaluateAll((cells) => {
    const split: string[] = [];
    for (const cell of cells) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(/[^\s-]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set(
            Array.from(range.getClientRects())
              .filter((r) => r.width > 0)
              .map((r) => Math.round(r.top)),
          );
          if (lines.size > 1) split.push(match[0]);
        }
      }
    }
    return split;
  });
  expect(splitWords).toEqual([]);
  await screenshot(page, 'panel-detail-320', false);
});

test('printed, titles are in full and the last tile chosen has no focus ring (PDF saved)', async () => {
  await openTab(page, origin, PLAN);
  await tileRefs(page);
  // Choose a tile with the keyboard and close its panel: focus (and its ring) is back on the tile.
  await page.locator('button.tile[data-ref="LAC-6"]').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('heading', { name: 'History' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-ref') === 'LAC-6');
  const ring = () =>
    page.evaluate(() => {
      const style = getComputedStyle(document.activeElement ?? document.body);
      return { outline: style.outlineStyle === 'none' ? 'none' : style.outlineWidth, shadow: style.boxShadow };
    });
  expect((await ring()).outline).not.toBe('none'); // on screen the ring shows where the keyboard is

  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1123, height: 794 }); // A4 landscape at 96 dpi
  expect(await ring()).toEqual({ outline: 'none', shadow: 'none' });
  const cut = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.tile *'))
      .filter((el) => {
        const style = getComputedStyle(el);
        return (
          style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none' || el.scrollHeight > el.clientHeight + 1
        );
      })
      .map((el) => el.closest('.tile')?.getAttribute('data-ref')),
  );
  expect(cut).toEqual([]);
  const sg1 = await page.locator('button.tile[data-ref="SG-1"] .tile-title').innerText();
  expect(sg1).toBe(
    'Ensure that the outcomes of referrals to social care are promptly, routinely and consistently notified to referring agencies',
  );
  await screenshot(page, 'print');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.pdf({ path: path.join(SCREENSHOT_DIR, 'plan.pdf'), preferCSSPageSize: true, printBackground: true });
});
