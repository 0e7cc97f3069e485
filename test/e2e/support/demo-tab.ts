/** The demo plan served by the real server over Azurite, with headless Chromium and a fresh 1024 px page per test. */
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../../../src/project-root';
import { seedDemo } from '../../../src/services/demo-seed';
import { Storage } from '../../../src/store/open-storage';
import { RunningServer } from '../../../src/teams/server';
import { startLocalServer } from '../../support/local-server';
import { testStorage } from '../../support/storage';
import { launchChromium } from './browser';

export class DemoTab {
  bot!: RunningServer;
  browser!: Browser;
  origin!: string;
  page!: Page;
}

/** Registers the hooks in the calling `describe` (or file); `more` adds to the demo before the server starts. */
export function useDemoTab(more?: (storage: Storage) => Promise<void>): DemoTab {
  const tab = new DemoTab();
  beforeAll(async () => {
    const storage = testStorage();
    await seedDemo(storage, projectRoot(), new Date());
    await more?.(storage);
    tab.bot = await startLocalServer(storage);
    tab.origin = new URL(tab.bot.url).origin;
    tab.browser = await launchChromium();
  });
  afterAll(async () => {
    await tab.browser?.close();
    await tab.bot?.close();
  });
  beforeEach(async () => {
    tab.page = await tab.browser.newPage({ viewport: { width: 1024, height: 800 } });
  });
  afterEach(() => tab.page.close());
  return tab;
}
