import { ChatService } from '../../src/services/chat/chat-service';
import { importPlan } from '../../src/services/import-plan';
import { Incoming } from '../../src/services/chat/types';
import { talkTo } from '../support/chat';
import { testStorage } from '../support/storage';

/**
 * The questions chairs ask, through the chat service against real Azurite: two plans, a chair of
 * one of them, owners in one or both, a channel bound to one. Changes are made through chat on
 * earlier days, so "this week" has something in it.
 */
const storage = testStorage();
const chat = new ChatService(storage, 'Europe/London');
const NOW = new Date('2026-11-30T10:00:00Z'); // a Monday

const CHANNEL: Incoming['conversation'] = { id: '19:board@thread.tacv2;messageid=1', kind: 'channel' };
const say = talkTo(chat, NOW);

const csv = (rows: string[]) => ({
  name: 'plan.csv',
  bytes: new TextEncoder().encode(['ref,theme,title,due,owner,agency,status,evidence', ...rows].join('\n')),
});
const ALEX = 'Alex Wilber <alexw@example.com>';
const PATTI = 'Patti Fernandez <pattif@example.com>';

beforeAll(async () => {
  const imported = {
    by: 'admin@example.com',
    now: new Date('2026-11-02T09:00:00Z'),
    today: '2026-11-02',
    baseline: '2026-11-01',
  };
  const board = await importPlan(storage, {
    ...imported,
    planId: 'board-plan',
    title: 'Improvement Board plan',
    file: csv([
      `B-1,Workforce,Train every team manager,18/12/2026,${ALEX},Council,On track,`,
      `B-2,Workforce,Recruit six team managers,25/11/2026,${PATTI},Council,Not started,`,
      `B-3,Quality,Publish the audit framework,01/11/2026,${ALEX},Council,Complete,https://example.com/framework.pdf`,
      `B-4,Quality,Roll out laptops to social workers,10/01/2027,${PATTI},ICT,At risk,`,
      `B-5,Quality,Refresh the threshold document,03/12/2026,${ALEX},Council,On track,`,
      `B-6,Early help,Open the family hub,08/12/2026,${PATTI},Health,On track,`,
    ]),
  });
  const other = await importPlan(storage, {
    ...imported,
    planId: 'health-plan',
    title: 'Health partnership plan',
    file: csv([`O-1,Health,Secret health action,01/12/2026,${PATTI},Health,Delayed,`]),
  });
  expect([board.errors, other.errors]).toEqual([[], []]);
  await storage.roles.grant('board-plan', 'adelev@example.com', 'chair');
  await storage.conversations.bindPlan('19:board@thread.tacv2', 'board-plan');
  await storage.conversations.bindPlan(CHANNEL.id, 'board-plan');
  // Last week's changes, made the way people make them.
  expect(
    await say(
      'B-1 delayed to 15/01/2027 because the venue is booked out',
      'alexw@example.com',
      undefined,
      new Date('2026-11-20T10:00:00Z'),
    ),
  ).toHaveLength(1);
  expect(
    await say('approve the new date for B-1', 'adelev@example.com', undefined, new Date('2026-11-26T10:00:00Z')),
  ).toEqual([expect.stringMatching(/^Approved: B-1 is now due 15 Jan 2027/)]);
  await say('B-4 on track', 'pattif@example.com', undefined, new Date('2026-11-27T10:00:00Z'));
  await say('B-5 done', 'alexw@example.com', undefined, new Date('2026-11-28T10:00:00Z'));
});

const nothingFromTheOtherPlan = (replies: string[]) => {
  for (const r of replies) expect(r).not.toMatch(/Health partnership|O-1|Secret/);
};

test('what has slipped this week: the date moved, with its reason, and what went overdue; only the plan the owner may read', async () => {
  const replies = await say('what has slipped this week?', 'alexw@example.com');
  expect(replies).toHaveLength(1);
  expect(replies[0]).toMatch(/^Slipped since 23 Nov 2026: Improvement Board plan\n2 actions/);
  expect(replies[0]).toMatch(
    /\*\*B-1\*\* Train every team manager\nMoved from 18 Dec 2026 to 15 Jan 2027: the venue is booked out · Alex Wilber/,
  );
  expect(replies[0]).toMatch(
    /\*\*B-2\*\* .*\nWent overdue: due 25 Nov 2026, 5 days overdue · Not started · Patti Fernandez/,
  );
  nothingFromTheOtherPlan(replies);
});

test('someone who may read both plans gets an answer for each in a personal chat, and only the bound plan in its channel', async () => {
  const both = await say('anything slipped since last week', 'pattif@example.com');
  expect(both.map((r) => r.split('\n')[0]).sort()).toEqual([
    'Slipped since 23 Nov 2026: Health partnership plan',
    'Slipped since 23 Nov 2026: Improvement Board plan',
  ]);
  const bound = await say('<at>Action Tracker</at> what has slipped this month?', 'pattif@example.com', CHANNEL);
  expect(bound).toHaveLength(1);
  expect(bound[0]).toMatch(/^Slipped since 1 Nov 2026: Improvement Board plan/);
  nothingFromTheOtherPlan(bound);
});

test('awaiting sign-off: longest waiting first, with how much evidence each has', async () => {
  const [answer] = await say('anything awaiting sign off?', 'adelev@example.com');
  expect(answer).toMatch(/^Awaiting sign-off: Improvement Board plan\n2 actions complete and not yet signed off/);
  expect(answer).toMatch(
    /\*\*B-3\*\* .*\nComplete for 28 days · 1 piece of evidence · Alex Wilber[\s\S]*\*\*B-5\*\* .*\nComplete for 2 days · No evidence yet, so it cannot be signed off/,
  );
});

test('how are we doing, in the bound channel: counts by RAG and status, the change since last week, the biggest risks', async () => {
  const replies = await say('<at>Action Tracker</at> how are we doing overall', 'adelev@example.com', CHANNEL);
  expect(replies).toHaveLength(1);
  const [summary] = replies;
  expect(summary).toMatch(
    /^How we are doing: Improvement Board plan\n6 actions · as of 30 Nov 2026\n2 finished \(0 signed off\), 1 overdue \(\+1\), 4 still in progress\./,
  );
  // A week ago B-1 was delayed (waiting for its new date), B-4 at risk, B-5 on track and B-2 not yet late.
  // Every rating, complete too, so the counts add up to the 6 actions, as on the tab.
  expect(summary).toMatch(/By RAG\nRed\n1\nAmber\n0 \(-2\)\nGreen\n3 \(\+1\)\nComplete\n2 \(\+1\)\nBy status\n/);
  expect(summary).toMatch(
    /By status\nNot started\n1\nOn track\n3 \(\+1\)\nAt risk\n0 \(-1\)\nDelayed\n0 \(-1\)\nComplete\n2 \(\+1\)\n/,
  );
  expect(summary).toMatch(/Figures in brackets are the change since 23 Nov 2026\./);
  expect(summary).toMatch(
    /Biggest risks\n\*\*B-2\*\* Recruit six team managers\nRed · Not started · 5 days overdue · Patti Fernandez/,
  );
  nothingFromTheOtherPlan(replies);
});

test('who owns X: the owner, by name, of an action the asker may read; nothing at all about a plan they may not', async () => {
  expect(await say('<at>Action Tracker</at> who owns b4?', 'adelev@example.com', CHANNEL)).toEqual([
    'B-4 (Roll out laptops to social workers) is owned by Patti Fernandez (pattif@example.com), lead agency ICT. It is on track, due 10 Jan 2027.',
  ]);
  // Suggestions come only from the plan Alex may read; the other plan's action is as if it did not exist.
  expect(await say('who owns O-1', 'alexw@example.com')).toEqual(['I can’t find an action O-1. Did you mean B-1?']);
  expect(await say('who owns B-4', 'stranger@example.com')).toEqual([
    expect.stringMatching(/no actions and no role in any plan here/),
  ]);
});

test('what is due before a date: unfinished actions, overdue ones included, earliest first', async () => {
  const [answer] = await say("what's due before the board on 14 Jan?", 'alexw@example.com');
  expect(answer).toMatch(/^Due before 14 Jan 2027: Improvement Board plan\n3 actions/);
  expect(answer.match(/\*\*B-\d\*\*/g)).toEqual(['**B-2**', '**B-6**', '**B-4**']);
  expect(await say('what is due before the board', 'alexw@example.com')).toEqual([
    expect.stringMatching(/^I couldn’t find the date in that\./),
  ]);
});

test('what is due next week and this month, though the grammar alone reads "due next week" as the asker’s own list', async () => {
  const [next] = await say('<at>Action Tracker</at> what’s due next week?', 'alexw@example.com', CHANNEL);
  expect(next).toMatch(/^Due next week \(7 Dec 2026 to 13 Dec 2026\): Improvement Board plan\n1 action/);
  expect(next).toMatch(/\*\*B-6\*\* Open the family hub\nDue 8 Dec 2026 · On track · Green · Patti Fernandez/);
  const [month] = await say("what's due this month", 'adelev@example.com');
  expect(month).toMatch(/^Due this month \(1 Nov 2026 to 30 Nov 2026\): Improvement Board plan\n1 action/);
  expect(await say('due soon', 'alexw@example.com')).toEqual([
    expect.stringMatching(/^Your actions due in the next 14 days/),
  ]);
  const [mine] = await say('what have I got due before 20 Jan?', 'pattif@example.com', CHANNEL);
  expect(mine).toMatch(/^Due before 20 Jan 2027: your actions in Improvement Board plan\n3 actions/);
  expect(mine.match(/\*\*B-\d\*\*/g)).toEqual(['**B-2**', '**B-6**', '**B-4**']);
});

test('what changed this week: each changed action, most recent first, with what changed, who and how', async () => {
  const [answer] = await say('<at>Action Tracker</at> what changed this week?', 'adelev@example.com', CHANNEL);
  expect(answer).toMatch(/^Changed since 23 Nov 2026: Improvement Board plan\n3 actions changed/);
  expect(answer.match(/\*\*B-\d\*\*/g)).toEqual(['**B-5**', '**B-4**', '**B-1**']);
  expect(answer).toMatch(/\*\*B-5\*\* .*\nStatus: On track → Complete · Alex Wilber in chat, 28 Nov 2026/);
  expect(answer).toMatch(/Revised due date: 15 Jan 2027;/);
});

test('my plans: each plan the person may read, with their roles; in a bound channel, that plan', async () => {
  expect(await say('my plans', 'alexw@example.com')).toEqual([
    'Your plans:\n\n- **Improvement Board plan** (board-plan): owner of 3 of its 6 actions',
  ]);
  const [patti] = await say('which plans am i in', 'pattif@example.com');
  expect(patti).toMatch(
    /Health partnership plan\*\* \(health-plan\): owner of 1 of its 1 action\n- \*\*Improvement Board plan/,
  );
  expect(await say('<at>Action Tracker</at> what plans do I have access to', 'adelev@example.com', CHANNEL)).toEqual([
    'Your plans:\n\n- **Improvement Board plan** (board-plan): chair',
  ]);
  expect(await say('my plans', 'stranger@example.com')).toEqual([
    expect.stringMatching(/^You have no role and no actions in any plan here/),
  ]);
});

test('"what’s waiting for me to approve?" is the decisions list; to an owner, who decides nothing, it says so', async () => {
  const [chair] = await say("what's waiting for me to approve?", 'adelev@example.com');
  expect(chair).toMatch(/B-3/);
  expect(await say("what's waiting for me to approve?", 'alexw@example.com')).toEqual([
    expect.stringMatching(/^Only a chair, an executive or an administrator decides/),
  ]);
});

test('a question never changes anything', async () => {
  const before = await storage.actions.planHistory('board-plan');
  for (const q of [
    'what has slipped',
    'who owns B-2',
    'how are we doing',
    "what's due next week",
    'what changed this week',
    'my plans',
  ])
    await say(q, 'adelev@example.com');
  expect(await storage.actions.planHistory('board-plan')).toHaveLength(before.length);
});

test('help lists the questions', async () => {
  const [help] = await say('help', 'adelev@example.com');
  for (const example of [
    'how are we doing',
    'what has slipped this month',
    "what's waiting for sign-off",
    "what's due before 14 Jan",
    'what changed this week',
    // About an action of the plan Adele chairs (she owns none), not the demo's SG-4.
    'who owns B-1',
    'my plans',
  ]) {
    expect(help).toContain(example);
  }
});

test('who owns a ref that could be two actions asks which, as "show" does, and names no owner', async () => {
  const megan = 'Megan Bowen <meganb@example.com>';
  const report = await importPlan(storage, {
    by: 'admin@example.com',
    now: NOW,
    today: '2026-11-30',
    baseline: '2026-11-01',
    planId: 'rec-plan',
    title: 'Recommendations',
    file: csv([
      `Rec 4b,Complaints,Publish the complaints procedure,31/12/2026,${megan},Council,On track,`,
      `4b,Complaints,Train complaints staff,31/01/2027,${megan},Council,On track,`,
    ]),
  });
  expect(report.errors).toEqual([]);
  expect(await say('who owns recommendation 4b?', 'meganb@example.com')).toEqual([
    'recommendation 4b could be 4b or Rec 4b. Which do you mean? Send it again with the reference exactly as the plan writes it.',
  ]);
  expect(await say('who owns Rec 4b?', 'meganb@example.com')).toEqual([
    expect.stringMatching(/^Rec 4b \(Publish the complaints procedure\) is owned by Megan Bowen/),
  ]);
});

test('an answer drawn from history is never stale: a change made after a question shows in the next', async () => {
  const count = async () =>
    Number(/\n(\d+) actions? changed/.exec((await say('what changed this week', 'adelev@example.com'))[0])?.[1]);
  const before = await count();
  await say('B-6 at risk: the lease is not signed', 'pattif@example.com');
  expect(await count()).toBe(before + 1);
  const [after] = await say('what changed this week', 'adelev@example.com');
  expect(after).toMatch(
    /^Changed since 23 Nov 2026: Improvement Board plan\n\d+ actions changed, most recent first · as of 30 Nov 2026\n\*\*B-6\*\* Open the family hub\nStatus: On track → At risk/,
  );
});
