/** Driving the plan-on-a-page tab in headless Chromium: opening it, reading its tiles, and checking it with axe-core. */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../../src/project-root';

/** Where screenshots go for a person to look at (gitignored). */
export const SCREENSHOT_DIR = path.join(projectRoot(), 'test-output', 'tab');

export async function openTab(page: Page, origin: string, query: string): Promise<void> {
  await page.goto(`${origin}/tab${query}`);
}

/** Waits for the tiles, then returns their refs in page order. */
export async function tileRefs(page: Page): Promise<string[]> {
  await page.locator('button.tile').first().waitFor();
  return page.locator('button.tile').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-ref') ?? ''));
}

/** The query string the page is showing now, as a map. */
export function queryOf(page: Page): Record<string, string> {
  return Object.fromEntries(new URL(page.url()).searchParams.entries());
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core inside the page, once its animations have finished (a panel still fading in has
 * half its final contrast), and returns the serious and critical violations. Tabster's focus
 * sentinels (`<i data-tabster-dummy aria-hidden tabindex=0>`, which Fluent UI adds to hand focus on)
 * are left out: they are focusable and hidden on purpose, a false positive its makers and
 * Accessibility Insights both document (microsoft/tabster#288, accessibility-insights-web#7605).
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.waitForFunction('document.getAnimations().every((a) => a.playState !== "running")');
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run({ exclude: [['[data-tabster-dummy]']] }).then((r) =>
      r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })))`,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The whole page, or with `fullPage` false just the window (a panel is fixed to the window). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
