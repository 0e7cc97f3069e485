/**
 * Yes/No questions in the real Agents Playground: "SG-4 done?" offers the change, and its buttons
 * (Action.Execute) run it as if typed, or change nothing, the answer taking the question's place.
 * Screenshots go to $E2E_SCREENSHOTS (default /tmp/action-tracker-e2e/confirm).
 */
import os from 'node:os';
import path from 'node:path';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { appForTests } from './support/app';

jest.setTimeout(120_000);

const SHOTS = process.env.E2E_SCREENSHOTS ?? path.join(os.tmpdir(), 'action-tracker-e2e', 'confirm');
const shot = (name: string) => path.join(SHOTS, `${name}.png`);

describe('Yes/No questions in the Agents Playground', () => {
  const app = appForTests();
  const stored = async (ref: string) => (await app.storage.actions.get(DEMO_PLAN_ID, ref))!;

  test('"SG-4 done?" then Yes marks SG-4 complete, and the answer replaces the question', async () => {
    const ui = app.session.ui;
    await ui.openPersonalChat();
    await ui.send('SG-4 done?');
    await ui.waitForNewReply(/Do you want me to mark SG-4 complete\?/);
    await ui.screenshot(shot('1-sg4-asked'));
    expect((await stored('SG-4')).value.status).not.toBe('Complete');
    await ui.clickCardButton('Yes');
    expect(await ui.waitForReply(/SG-4 is now complete/)).toMatch(/Add evidence so it can be signed off/);
    await ui.screenshot(shot('2-sg4-yes'));
    expect((await stored('SG-4')).value.status).toBe('Complete');
    expect((await ui.botMessages()).some((m) => /Do you want me to mark SG-4 complete\?/.test(m.text))).toBe(false);
  });

  test('"SG-1 done?" then No changes nothing', async () => {
    const ui = app.session.ui;
    await ui.openPersonalChat();
    const before = await stored('SG-1');
    await ui.send('SG-1 done?');
    await ui.waitForNewReply(/Do you want me to mark SG-1 complete\?/);
    await ui.clickCardButton('No');
    await ui.waitForReply(/^OK, nothing changed\./);
    await ui.screenshot(shot('3-sg1-no'));
    expect((await stored('SG-1')).etag).toBe(before.etag);
    expect((await ui.botMessages()).some((m) => /Do you want me to mark SG-1 complete\?/.test(m.text))).toBe(false);
  });

  test('"SG-8 red, caseloads too high" then At risk records it with the reason', async () => {
    const ui = app.session.ui;
    await ui.openPersonalChat();
    await ui.send('SG-8 red, caseloads too high');
    await ui.waitForNewReply(/Red means delayed or at risk\. Which is SG-8\?/);
    await ui.screenshot(shot('4-sg8-red-asked'));
    await ui.clickCardButton('At risk');
    await ui.waitForReply(/SG-8 is now at risk/);
    await ui.screenshot(shot('5-sg8-at-risk'));
    expect((await stored('SG-8')).value).toMatchObject({
      status: 'At risk',
      latestUpdate: { text: 'caseloads too high' },
    });
  });
});
