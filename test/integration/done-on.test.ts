/**
 * "SG-9 done last Friday" through the real chat service into real Azurite: the history keeps when it was said and
 * the day it was done, and the weekly digest (the real job, as a dry run) and the committee report show that day.
 * A day still to come, one before the plan began, an unreadable one, or someone else's word change nothing.
 */
import { runDigest } from '../../src/jobs/digest';
import { renderReport } from '../../src/reports/render';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { actorIn, makeCommitteeReport } from '../../src/use-cases/committee-report';
import { jobDeps } from '../support/bot-harness';
import { useDemoChat } from '../support/chat';

jest.setTimeout(60_000);

/** Monday 30 Nov 2026, midday in London; the demo is seeded an hour before, so its baseline is Mon 5 Oct 2026. */
const NOW = new Date('2026-11-30T12:00:00Z');
const SEEDED = new Date('2026-11-30T11:00:00Z');
const PATTI = 'pattif@example.com';
const CHAIR = 'alexw@example.com';
const CHANNEL = '19:done-on@thread.tacv2';

const demo = useDemoChat(SEEDED, NOW);
const { say } = demo;

const sg9 = async () => (await demo.storage.actions.get(DEMO_PLAN_ID, 'SG-9'))!.value;
const sg9History = async () => (await demo.storage.actions.planHistory(DEMO_PLAN_ID)).filter((e) => e.ref === 'SG-9');

async function digestCard(): Promise<string> {
  await demo.storage.conversations.saveReference({
    conversationId: CHANNEL,
    kind: 'channel',
    tenantId: 'x',
    reference: { conversation: { id: CHANNEL, conversationType: 'channel', tenantId: 'x' } },
    updatedAt: NOW.toISOString(),
  });
  await demo.storage.conversations.bindPlan(CHANNEL, DEMO_PLAN_ID);
  const report = await runDigest(
    jobDeps(demo.storage, 'done-on-test'),
    { planId: DEMO_PLAN_ID, now: NOW, dryRun: true },
    { leaseMs: 2000 },
  );
  return JSON.stringify(report.recipients[0].card);
}

async function committeeReport(): Promise<string> {
  const outcome = await makeCommitteeReport(
    demo.storage,
    await actorIn(demo.storage, DEMO_PLAN_ID, CHAIR, 'Alex Wilber'),
    {
      planId: DEMO_PLAN_ID,
      now: NOW,
      record: false,
      from: '2026-11-01',
    },
  );
  if (outcome.kind !== 'done') throw new Error(`refused: ${outcome.code}`);
  return (await renderReport(outcome.report, 'html'))
    .toString('utf8')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ');
}

describe('an owner says the day it was done', () => {
  test('the reply, the stored history, the digest and the committee report all give that day', async () => {
    const before = (await sg9History()).length;
    expect(await say('SG-9 done last Friday', PATTI)).toEqual([
      expect.stringContaining('SG-9 is now complete (done on Fri 27 Nov 2026). Add evidence so it can be signed off'),
    ]);

    expect((await sg9()).status).toBe('Complete');
    const history = await sg9History();
    expect(history).toHaveLength(before + 1);
    const entry = history.find((e) => e.changes.some((c) => c.field === 'status' && c.to === 'Complete'));
    // When it was said, and the day it was done, both kept; the day is not a note.
    expect(entry).toMatchObject({
      at: NOW.toISOString(),
      by: PATTI,
      via: 'chat',
      comment: null,
      changes: expect.arrayContaining([{ field: 'completedOn', from: null, to: '2026-11-27' }]),
    });
    expect((await sg9()).latestUpdate?.text ?? '').not.toMatch(/Friday/);
    expect((await say('history SG-9', PATTI)).join('\n')).toContain('Complete (done on Fri 27 Nov 2026)');

    const card = await digestCard();
    expect(card).toMatch(/SG-9[^"]*"[\s\S]{0,400}done on Fri 27 Nov 2026 \(marked complete on 30 Nov 2026\)/);
    expect(card).toMatch(/SG-9[^"]*"[\s\S]{0,400}waiting 3 days/);
    expect(card).not.toMatch(/SG-9[^"]*"[\s\S]{0,400}completed today/);

    const report = await committeeReport();
    expect(report).toMatch(/SG-9[\s\S]{0,800}Completed on 27 Nov 2026, recorded 30 Nov 2026/);
    expect(report).toMatch(/SG-9[\s\S]{0,800}\(completed 27 Nov 2026\)/);
  });

  test('"we finished SG-9 on 27/11/2026" and "SG-9 completed yesterday" say the day as plainly', async () => {
    expect(await say('we finished SG-9 on 27/11/2026 because the board agreed it', PATTI)).toEqual([
      expect.stringContaining('SG-9 is now complete (done on Fri 27 Nov 2026)'),
    ]);
    // The reason stays the update; the day is not part of it.
    expect((await sg9()).latestUpdate?.text).toBe('the board agreed it');
    expect(await say('SG-9 on track', PATTI)).toEqual([expect.stringContaining('SG-9 is now on track')]);
    expect(await say('SG-9 completed yesterday', PATTI)).toEqual([
      expect.stringContaining('SG-9 is now complete (done on Sun 29 Nov 2026)'),
    ]);
  });
});

describe('a day that cannot be the day it was done changes nothing', () => {
  test.each<[string, string, RegExp]>([
    ['still to come', 'SG-9 done on 4/12/2026', /That reads as a plan, not news, so I’ve left SG-9 as it is/],
    ['before the plan began', 'SG-9 done on 1 Sep 2026', /1 Sep 2026 is before the plan began \(5 Oct 2026\)/],
    ['not a day', 'SG-9 done on 32/11/2026', /November 2026 has only 30 days/],
    ['someone else’s action', 'SG-9 done last Friday', /Only the action’s owner \(Patti Fernandez\)/],
  ])('%s: %j', async (why, text, reply) => {
    const who = why === 'someone else’s action' ? 'isaiah@example.com' : PATTI;
    const [action, history] = [await sg9(), await sg9History()];
    const replies = await say(text, who);
    expect(replies.join('\n')).toMatch(reply);
    expect(replies.join('\n')).not.toMatch(/is now complete/);
    expect(await sg9()).toEqual(action);
    expect(await sg9History()).toEqual(history);
  });
});
