/**
 * What a real browser does with the tab's answers (headless Chromium, the real server, Azurite): it keeps
 * the plan page, asks again each time with If-None-Match and is answered 304 while nothing changed;
 * once the person's role is removed it shows the refusal, never the copy it holds.
 */
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../../src/project-root';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { Storage } from '../../src/store/open-storage';
import { RunningServer } from '../../src/teams/server';
import { startLocalServer } from '../support/local-server';
import { testStorage } from '../support/storage';
import { launchChromium } from './support/browser';
import { openTab, tileRefs } from './support/tab-page';

jest.setTimeout(120_000);

const READER = 'reader@example.com'; // a role in the plan, no actions of their own
let storage: Storage;
let bot: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  storage = testStorage();
  await seedDemo(storage, projectRoot(), new Date());
  await storage.roles.grant(DEMO_PLAN_ID, READER, 'executive');
  bot = await startLocalServer(storage);
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

/**
 * Loads the tab for the plan and returns what the browser sent and got for the plan page's API call.
 * Chromium reports a revalidated copy as the 200 it kept; the bytes that came over the wire tell the 304.
 */
async function load(): Promise<{ ifNoneMatch: string | undefined; status: number; bodyBytes: number }> {
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/tab/plans/${DEMO_PLAN_ID}`);
  await openTab(page, new URL(bot.url).origin, `?as=${encodeURIComponent(READER)}&plan=${DEMO_PLAN_ID}`);
  const response = await answer;
  const headers = await response.request().allHeaders();
  const { responseBodySize } = await response.request().sizes();
  return { ifNoneMatch: headers['if-none-match'], status: response.status(), bodyBytes: responseBodySize };
}

test('the browser revalidates its copy, and a removed role is refused at once, not served from that copy', async () => {
  const first = await load();
  expect(first).toMatchObject({ ifNoneMatch: undefined, status: 200 });
  expect(first.bodyBytes).toBeGreaterThan(0);
  expect(await tileRefs(page)).toHaveLength(22);

  // Nothing changed: the browser asks with its copy's tag, the server answers 304 (no body), the page shows the copy.
  const second = await load();
  expect(second.ifNoneMatch).toMatch(/^W\/".+"$/);
  expect(second).toMatchObject({ status: 200, bodyBytes: 0 });
  expect(await tileRefs(page)).toHaveLength(22);

  await storage.roles.revoke(DEMO_PLAN_ID, READER, 'executive');
  const third = await load();
  expect(third.status).toBe(404);
  await page.getByRole('alert').waitFor();
  await expect(page.locator('button.tile').count()).resolves.toBe(0);
});
