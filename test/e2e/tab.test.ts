/**
 * The plan on a page in headless Chromium against the real server and Azurite, over the demo plan,
 * in local mode (`as=`): filters in the address, the action panel, keyboard only, axe-core,
 * screenshots at three widths, and the print layout.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { SECTION_HEADINGS } from '../../src/reports/report-document';
import { formatUkDate, todayIn } from '../../src/domain/calendar';
import { diffActions, historyEntry } from '../../src/domain/history';
import { exampleDate } from '../../src/domain/uk-date-result';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { useDemoTab } from './support/demo-tab';
import { readDocx } from '../support/docx-text';
import { seedCalmPlan } from '../support/report-plan';
import { openTab, queryOf, screenshot, seriousAxeViolations, tileRefs } from './support/tab-page';

jest.setTimeout(120_000);

const ALEX = 'as=alexw%40example.com';
const PLAN = `?${ALEX}&plan=${DEMO_PLAN_ID}`;
/** LAC-3's new date asked for: still to come, whatever day the test runs, as an owner's message must ask. */
const ASKED_FOR = exampleDate(todayIn(new Date()));

describe('the plan on a page', () => {
  // Alex also chairs a second plan, so Alex's tab opens on the list of plans; Megan has only the demo plan.
  const tab = useDemoTab(async (storage) => {
    await seedCalmPlan(storage, 'calm');
    await storage.roles.grant('calm', 'alexw@example.com', 'chair');
    // A new date asked for and not yet decided, as the owner's message would leave it.
    const current = (await storage.actions.get(DEMO_PLAN_ID, 'LAC-3'))!;
    const at = new Date().toISOString();
    const after = {
      ...current.value,
      dateRequest: { date: ASKED_FOR, reason: 'new provider', by: 'alexw@example.com', at },
    };
    const history = historyEntry(after, diffActions(current.value, after), {
      by: 'alexw@example.com',
      via: 'chat',
      at,
    });
    await storage.actions.write(DEMO_PLAN_ID, [{ action: after, current, history }]);
  });
  let origin: string;
  let page: Page;
  beforeEach(() => ({ origin, page } = tab));

  test('someone with one plan goes straight to it', async () => {
    await openTab(page, origin, '?as=meganb%40example.com');
    await expect(tileRefs(page)).resolves.toHaveLength(22);
    expect(queryOf(page)).toMatchObject({ plan: DEMO_PLAN_ID, as: 'meganb@example.com' });
  });

  test('the personal tab lists the plans Alex may read, and one opens the plan by theme', async () => {
    await openTab(page, origin, `?${ALEX}`);
    await page.getByRole('heading', { name: 'Your plans' }).waitFor();
    const plans = page.getByRole('list', { name: 'Plans you can read' }).getByRole('button');
    await expect(plans.allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/Calm plan[\s\S]*You are chair/),
      expect.stringMatching(/Ofsted[\s\S]*You are chair/),
    ]);
    await plans.filter({ hasText: 'Ofsted' }).click();
    const refs = await tileRefs(page);
    expect(queryOf(page)).toMatchObject({ plan: DEMO_PLAN_ID, as: 'alexw@example.com' });
    expect(refs).toHaveLength(22);
    const themes = await page.locator('.theme-row h3').allInnerTexts();
    expect(themes.sort()).toEqual(['Looked after children (9 actions)', 'Safeguarding services (13 actions)']);
    // Each theme's actions in ref order.
    const safeguarding = page.locator('.theme-row', { hasText: 'Safeguarding services' }).locator('button.tile');
    const sg = await safeguarding.evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-ref')));
    expect(sg.slice(0, 3)).toEqual(['SG-1', 'SG-2', 'SG-3']);
    expect(sg.at(-1)).toBe('SG-13');
  });

  test('a tile shows its RAG as a word, owner, and a slipped date beside the original', async () => {
    await openTab(page, origin, PLAN);
    await tileRefs(page);
    const delayed = await page.locator('button.tile[data-ref="LAC-3"]').innerText();
    expect(delayed).toMatch(/^LAC-3\s+Red\b/);
    expect(delayed).toMatch(/Alex Wilber · Council/);
    expect(delayed).toMatch(/Due \d{1,2} [A-Z][a-z]{2} \d{4} \(was \d{1,2} [A-Z][a-z]{2} \d{4}\)/);
    const complete = await page.locator('button.tile[data-ref="LAC-1"]').innerText();
    expect(complete).toMatch(/Complete[\s\S]*awaiting sign-off/);
    // The date asked for is shown beside the one that stands until it is decided.
    expect(delayed).toMatch(new RegExp(`Delayed\\b.* · new date ${formatUkDate(ASKED_FOR)} asked for`));
    // LAC-1, and LAC-6 (the demo's action for a chair's override).
    await expect(page.getByRole('list', { name: 'Actions by RAG' }).innerText()).resolves.toMatch(/Complete: 2/);
    await expect(page.getByText('RAG (red, amber, green) is worked out').count()).resolves.toBe(1);
  });

  test('filters change the tiles and the address, and survive a reload', async () => {
    await openTab(page, origin, PLAN);
    await tileRefs(page);
    await page.getByLabel('Agency').selectOption('Health');
    await page.waitForFunction(() => document.querySelectorAll('button.tile').length === 4);
    expect(queryOf(page)).toMatchObject({ agency: 'Health', plan: DEMO_PLAN_ID, as: 'alexw@example.com' });
    const health = await tileRefs(page);

    await page.reload();
    expect(await tileRefs(page)).toEqual(health);
    await expect(page.getByLabel('Agency').inputValue()).resolves.toBe('Health');
    await expect(page.getByRole('status').innerText()).resolves.toMatch(/Showing 4 of 22 actions: agency Health/);

    await page.getByLabel('Agency').selectOption('');
    await page.getByRole('checkbox', { name: 'Overdue only' }).check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('overdue') === 'yes');
    expect(queryOf(page)).not.toHaveProperty('agency');
    const overdue = await page.locator('button.tile').allInnerTexts();
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(22);
    for (const text of overdue) expect(text).toMatch(/overdue/);

    await page.getByRole('checkbox', { name: 'Overdue only' }).uncheck();
    await page.getByRole('checkbox', { name: 'Awaiting sign-off only' }).check();
    await page.waitForFunction(() => document.querySelectorAll('button.tile').length === 2);
    expect(await tileRefs(page)).toEqual(['LAC-1', 'LAC-6']);
    expect(queryOf(page)).toMatchObject({ signoff: 'yes' });
  });

  test('a shared link with owner, status and RAG filters opens filtered', async () => {
    await openTab(page, origin, `${PLAN}&owner=alexw%40example.com&rag=red`);
    const refs = await tileRefs(page);
    expect(refs).toContain('LAC-3');
    for (const text of await page.locator('button.tile').allInnerTexts()) expect(text).toMatch(/Red[\s\S]*Alex Wilber/);
    await expect(page.getByLabel('Owner').inputValue()).resolves.toBe('alexw@example.com');
    await expect(page.getByLabel('RAG (red, amber, green)').inputValue()).resolves.toBe('red');
    await openTab(page, origin, `${PLAN}&status=Complete`);
    expect(await tileRefs(page)).toEqual(['LAC-1', 'LAC-6']);
  });

  test('filtered, the performance book keeps to the actions shown and the chart says it is the whole plan', async () => {
    const bookRefs = async () => {
      const book = page.getByRole('region', { name: 'Measures with target, latest value and trend' });
      const labels = await book.locator('tbody tr td:first-child').allInnerTexts();
      return labels.map((label) => label.split(' (')[0]);
    };
    await openTab(page, origin, PLAN);
    await tileRefs(page);
    const everyMeasure = await bookRefs();
    expect(everyMeasure.length).toBeGreaterThan(22); // one action has two measures
    await expect(page.getByText('The filters do not apply to this chart').count()).resolves.toBe(0);

    await openTab(page, origin, `${PLAN}&owner=alexw%40example.com&overdue=yes`);
    const shown = await tileRefs(page);
    expect(shown.length).toBeGreaterThan(1);
    await expect(page.getByRole('status').innerText()).resolves.toMatch(`Showing ${shown.length} of 22 actions`);
    const book = page.locator('section', { has: page.getByRole('heading', { name: 'Performance book' }) });
    await expect(book.getByText(`Measures of the ${shown.length} actions shown.`).count()).resolves.toBe(1);
    expect(await bookRefs()).toEqual(everyMeasure.filter((ref) => shown.includes(ref)));
    await page.getByRole('heading', { name: 'RAG week by week, whole plan' }).waitFor();
    await expect(
      page.getByText(/The filters do not apply to this chart: it counts every action/).count(),
    ).resolves.toBe(1);
  });

  test('the action panel shows detail, evidence and history', async () => {
    await openTab(page, origin, PLAN);
    await tileRefs(page);
    await page.locator('button.tile[data-ref="LAC-1"]').click();
    const panel = page.getByRole('dialog');
    await panel.getByRole('heading', { name: 'History' }).waitFor();
    const text = await panel.innerText();
    expect(text).toMatch(/Action LAC-1/);
    expect(text).toMatch(/Status\s+Complete, awaiting sign-off/);
    expect(text).toMatch(/Adele Vance/);
    await expect(panel.getByRole('link', { name: 'https://example.com/audit/pathway-plans' }).count()).resolves.toBe(1);
    // The link is shown once in its evidence line: its note is the link itself, and is not repeated beside it.
    const audit = 'https://example.com/audit/pathway-plans';
    const line = await panel
      .locator('li')
      .filter({ has: page.getByRole('link', { name: audit }) })
      .innerText();
    expect(line.split(audit)).toHaveLength(2);
    expect(text).toMatch(/History[\s\S]*\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/);
    await panel.getByRole('button', { name: 'Close' }).click();
    await panel.waitFor({ state: 'detached' });

    await page.locator('button.tile[data-ref="LAC-3"]').click();
    await page.getByRole('dialog').getByText('Why it moved').waitFor();
    await expect(page.getByRole('dialog').innerText()).resolves.toMatch(/supplier problems/);
  });

  test('keyboard only: Tab to a tile, Enter opens the panel, Escape closes it and focus returns', async () => {
    await openTab(page, origin, PLAN);
    const [first] = await tileRefs(page);
    let focused: string | null = null;
    for (let presses = 0; presses < 40 && !focused; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('data-ref') ?? null);
    }
    expect(focused).toBe(first);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('heading', { name: 'History' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.waitForFunction((ref) => document.activeElement?.getAttribute('data-ref') === ref, first);
  });

  test('axe-core finds no serious or critical problems, on the page or with the panel open', async () => {
    await openTab(page, origin, PLAN);
    await tileRefs(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('button.tile[data-ref="LAC-1"]').click();
    await page.getByRole('dialog').getByRole('heading', { name: 'History' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test.each([320, 1024, 1600])('at %i px wide nothing runs off the side (screenshot saved)', async (width) => {
    await page.setViewportSize({ width, height: 900 });
    await openTab(page, origin, PLAN);
    await tileRefs(page);
    await screenshot(page, `plan-${width}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('button.tile[data-ref="LAC-3"]').click();
    await page.getByRole('dialog').getByRole('heading', { name: 'History' }).waitFor();
    await page.waitForFunction('document.getAnimations().every((a) => a.playState !== "running")');
    await screenshot(page, `panel-${width}`, false);
    const panel = await page.getByRole('dialog').boundingBox();
    expect(panel).not.toBeNull();
    expect(panel?.x).toBeGreaterThanOrEqual(0);
    expect((panel?.x ?? 0) + (panel?.width ?? 0)).toBeLessThanOrEqual(width);
  });

  test('at 320 px a wide table scrolls sideways in a box the keyboard can reach, with a shadow where there is more', async () => {
    // The chart's figures, week by week: a column per RAG. (The performance book is cards at this width.)
    const name = 'Actions by RAG, week by week';
    await page.setViewportSize({ width: 320, height: 900 });
    await openTab(page, origin, PLAN);
    await tileRefs(page);
    await page.getByText('Show the figures as a table').click();
    const box = page.getByRole('region', { name });
    await box.scrollIntoViewIfNeeded();
    const sizes = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, tab: el.tabIndex }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    expect(sizes.tab).toBe(0);
    await expect(box.evaluate((el) => getComputedStyle(el).backgroundImage)).resolves.toMatch(/radial-gradient/);
    await box.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (label) => (document.querySelector(`[aria-label="${label}"]`)?.scrollLeft ?? 0) > 0,
      name,
    );
    await screenshot(page, 'rag-table-320', false);
  });

  test('print media gives the A4 landscape layout without the filters', async () => {
    await openTab(page, origin, PLAN);
    await tileRefs(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('form.filters').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(false);
    const columns = await page
      .locator('ul.tiles')
      .first()
      .evaluate((list) => getComputedStyle(list).gridTemplateColumns.split(' ').length);
    expect(columns).toBe(5);
    await page.setViewportSize({ width: 1123, height: 794 }); // A4 landscape at 96 dpi
    await screenshot(page, 'print');
  });

  test('a plan the person may not read looks like one that does not exist', async () => {
    await openTab(page, origin, `?as=stranger%40example.com&plan=${DEMO_PLAN_ID}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(page.locator('button.tile').count()).resolves.toBe(0);
    const missing = await alert.innerText();
    await openTab(page, origin, `?as=stranger%40example.com&plan=no-such-plan`);
    await expect(page.getByRole('alert').innerText()).resolves.toBe(missing);
  });

  test('opened in local mode with no one to ask as, the tab says how to choose a demo person, and links each', async () => {
    await openTab(page, origin, `?plan=${DEMO_PLAN_ID}`);
    await page.getByText('Choose who you are').waitFor();
    await expect(page.locator('main, .app').first().innerText()).resolves.toMatch(/add \?as= and an email/);
    await expect(page.locator('button.tile').count()).resolves.toBe(0);
    await page.getByRole('list', { name: 'Demo people' }).getByRole('link', { name: 'Megan Bowen' }).click();
    await expect(tileRefs(page)).resolves.toHaveLength(22);
    expect(queryOf(page)).toMatchObject({ plan: DEMO_PLAN_ID, as: 'meganb@example.com' });
  });

  test("the configurable tab's settings page offers the plans the person may read", async () => {
    await openTab(page, origin, '?as=meganb%40example.com&view=config');
    await page.getByRole('heading', { name: 'Choose the plan for this tab' }).waitFor();
    const plan = page.getByLabel('Plan');
    await expect(plan.inputValue()).resolves.toBe(DEMO_PLAN_ID); // Megan's only plan, chosen already
    await expect(page.getByText(/^Choose Save to add “Ofsted/).count()).resolves.toBe(1);
    await openTab(page, origin, `?${ALEX}&view=config`);
    await page.getByRole('heading', { name: 'Choose the plan for this tab' }).waitFor();
    await expect(plan.inputValue()).resolves.toBe(''); // two plans: Alex chooses
    await expect(plan.locator('option').allInnerTexts()).resolves.toEqual([
      'Choose a plan…',
      'Calm plan',
      expect.stringMatching(/^Ofsted/),
    ]);
    await openTab(page, origin, `?as=stranger%40example.com&view=config`);
    await page.getByText('There are no plans you can read yet').waitFor();
  });

  test.each(['dark', 'contrast'])(
    'in the %s theme the page and the panel pass axe-core (screenshot saved)',
    async (theme) => {
      await openTab(page, origin, `${PLAN}&theme=${theme}`);
      await tileRefs(page);
      expect(await seriousAxeViolations(page)).toEqual([]);
      const background = await page.evaluate(
        () => getComputedStyle(document.querySelector('.app')?.parentElement ?? document.body).backgroundColor,
      );
      expect(background).not.toBe('rgb(255, 255, 255)');
      await screenshot(page, `plan-${theme}`, false);
      await page.locator('button.tile[data-ref="LAC-1"]').click();
      await page.getByRole('dialog').getByRole('heading', { name: 'History' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, `panel-${theme}`, false);
    },
  );

  test('a chair downloads the committee report from the tab as Word, or opens it as a web page beside the tab', async () => {
    await openTab(page, origin, PLAN);
    await tileRefs(page);
    const button = page.getByRole('button', { name: 'Download committee report' });
    await button.click();
    const menu = page.getByRole('menu', { name: 'Download committee report' });
    await menu.waitFor();
    await expect(menu.getByRole('menuitem').allInnerTexts()).resolves.toEqual(['Word document', 'Web page']);
    expect(await seriousAxeViolations(page)).toEqual([]);

    const [word] = await Promise.all([
      page.waitForEvent('download'),
      menu.getByRole('menuitem', { name: 'Word document' }).click(),
    ]);
    expect(word.suggestedFilename()).toMatch(new RegExp(`^${DEMO_PLAN_ID}-report-\\d{4}-\\d\\d-\\d\\d\\.docx$`));
    const doc = await readDocx(fs.readFileSync(await word.path()));
    expect(doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([...SECTION_HEADINGS]);
    expect(doc.paragraphs[0].text).toMatch(/^Ofsted.*: highlight report$/);

    await button.click();
    const [web] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('menuitem', { name: 'Web page' }).click(),
    ]);
    await web.getByRole('heading', { name: 'Key challenges and risks' }).waitFor();
    expect(web.url()).toMatch(/\/report\?format=html/);
    await web.close();
    // Still on the plan: the download did not navigate the tab away.
    await expect(page.locator('button.tile').count()).resolves.toBe(22);
  });

  test('an action owner with no role is not offered the committee report', async () => {
    const me = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/tab/me');
    await openTab(page, origin, `?as=pattif%40example.com&plan=${DEMO_PLAN_ID}`);
    await tileRefs(page);
    expect((await me).status()).toBe(200);
    await expect(page.getByRole('button', { name: 'All plans' }).count()).resolves.toBe(1);
    // The button would follow /me within milliseconds: give it a second to (wrongly) appear.
    await expect(page.getByRole('button', { name: /committee report/i }).waitFor({ timeout: 1000 })).rejects.toThrow();
  });
});
