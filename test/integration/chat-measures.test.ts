import { renderCard } from '../../src/cards/render';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { personal, STRANGER } from '../support/chat';
import { chatOverDemo, demoValues } from '../support/demo-values';

const NOW = new Date('2026-11-30T10:00:00Z');
const { storage, chat, say } = chatOverDemo(NOW);

const valuesOf = (ref: string, measure = 1) => demoValues(storage, ref, measure);

test('typing a value records it, and the reply shows it against the target, with the trend', async () => {
  // SG-1 has two measures in the demo plan, so the value names which.
  const [reply] = await say('SG-1 measure 1 81%');
  expect(reply).toMatch(
    /^Recorded 81% for Nov 2026 on SG-1 \(1 of 2\)\. Target 95% by 30 Mar 2027 \(higher is better\): off target, improving \(against 68% for Sep 2026\)\./,
  );
  expect(reply).toMatch(/Latest\n81% for Nov 2026/);
  expect(reply).toMatch(/Aug 2026: 62% · Sep 2026: 68% · Oct 2026: 74% · Nov 2026: 81%/);
  expect(await valuesOf('SG-1')).toEqual([
    ['2026-08', 62],
    ['2026-09', 68],
    ['2026-10', 74],
    ['2026-11', 81],
  ]);
  const [history] = await say('history SG-1');
  expect(history).toMatch(/Latest value \(measure 1\): 74% \(Oct 2026\) → 81% \(Nov 2026\)/);
});

test('"6(a) is at … this month" and a value for an earlier month with a note', async () => {
  const [reply] = await say('SG-8 is at 5 indicators this quarter');
  expect(reply).toMatch(
    /^Recorded 5 for Oct–Dec 2026 on SG-8\. Target 4 .*: off target, improving \(against 8 for Apr–Jun 2026\)\./,
  );
  await say('SG-1 measure 1 70% for September - audit corrected');
  expect(await valuesOf('SG-1')).toContainEqual(['2026-09', 70]);
  const [history] = await say('history SG-1');
  expect(history).toMatch(
    /Value \(measure 1\): 68% \(Sep 2026\), given by Alex Wilber on 3 Oct 2026 → 70% \(Sep 2026\)\naudit corrected/,
  );
  // The same value again says so, naming the value and its period.
  expect(await say('SG-1 measure 1 70% for September')).toEqual([
    '70% is already recorded for Sep 2026 on SG-1 (1 of 2); nothing changed.',
  ]);
});

test('a second value for a period says what it replaces, and the reply describes that period, not the newest', async () => {
  // Megan Bowen owns SG-2; on 3 Nov she corrects September, and later a chair corrects it again.
  await say(
    'SG-2 value 85% for September',
    'meganb@example.com',
    personal('meganb@example.com'),
    new Date('2026-11-03T12:00:00Z'),
  );
  const [reply] = await say('SG-2 83% for September - corrected by BI');
  expect(reply).toMatch(
    /^Recorded 83% for Sep 2026 on SG-2 \(it replaces 85% given by Megan Bowen on 3 Nov 2026\)\. Target 90% by 30 Mar 2027 \(higher is better\): off target for Sep 2026, no trend yet\. The latest value is 91%, for Oct 2026\./,
  );
  const [history] = await say('history SG-2');
  expect(history).toMatch(
    /Alex Wilber · in chat\nValue: 85% \(Sep 2026\), given by Megan Bowen on 3 Nov 2026 → 83% \(Sep 2026\)\ncorrected by BI/,
  );
  // Her own value again, replaced by her: "given by you".
  const [own] = await say('SG-2 value 84% for September', 'meganb@example.com');
  expect(own).toMatch(/^Recorded 84% for Sep 2026 on SG-2 \(it replaces 83% given by Alex Wilber on 30 Nov 2026\)/);
  const [again] = await say('SG-2 value 86% for September', 'meganb@example.com');
  expect(again).toMatch(/\(it replaces 84% given by you on 30 Nov 2026\)/);
  expect(await valuesOf('SG-2')).toContainEqual(['2026-09', 86]);
});

test('a value for a period long past is judged for that period, and the values since are still overdue', async () => {
  const [reply] = await say('LAC-9 value 13% for August', 'meganb@example.com');
  expect(reply).toMatch(
    /^Recorded 13% for Aug 2026 on LAC-9\. Target 10% by 30 Mar 2027 \(lower is better\): off target for Aug 2026, improving \(against 15% for Jun 2026\)\. The values for the periods since are overdue\./,
  );
});

test('the detail card draws the values as a line chart with the target, and says the same in text', async () => {
  const replies = await chat.handle({
    text: 'show SG-1',
    conversation: personal('alexw@example.com'),
    user: { id: 'user-id-0', email: 'alexw@example.com', name: 'Alex Wilber' },
    now: NOW,
  });
  const reply = replies[0];
  if (reply.kind !== 'card') throw new Error('expected a card');
  interface ChartLine {
    type: 'Chart.Line';
    data: { legend: string; values: { x: string; y: number }[] }[];
    fallback: { text: string };
  }
  const card = JSON.parse(JSON.stringify(renderCard(reply.card, reply.data))) as {
    body: { items?: { type?: string }[] }[];
  };
  const chart = card.body.flatMap((b) => b.items ?? []).find((i): i is ChartLine => i.type === 'Chart.Line');
  if (!chart) throw new Error('no Chart.Line on the card');
  expect(chart.data[0].legend).toBe('Value');
  expect(chart.data[0].values.slice(-2)).toEqual([
    { x: 'Oct 2026', y: 74 },
    { x: 'Nov 2026', y: 81 },
  ]);
  expect(chart.data[1].values[0]).toEqual({ x: 'Aug 2026', y: 95 });
  expect(chart.fallback.text).toMatch(/Nov 2026: 81%/);
});

test.each([
  ['SG-7 measure 76', /SG-7’s measure is answered yes or no, so “76” can’t be its value/],
  ['SG-2 measure 120%', /120% is not a percentage: it must be from 0% to 100%/],
  ['SG-8 measure 6%', /SG-8’s measure is a number, not a percentage/],
  ['SG-2 value 88% for Dec 2026', /Dec 2026 hasn’t started yet/],
  [
    'SG-2 measure lots',
    /^Nothing was changed\. “lots” is not a number, and SG-2’s measure is a percentage\. For example: SG-2 measure 76%$/,
  ],
  [
    'SG-2 value 60% for July',
    /^Nothing was changed\. Jul 2026 is before SG-2’s measure began: its baseline is from 2 Aug 2026, so the earliest month it can take a value for is Aug 2026\./,
  ],
  ['sg-2 17', /^If 17 is the latest value of SG-2’s measure, send it like this: SG-2 measure is 17/],
  ['SG-4 measure 50%', /SG-4’s measure is in words only/],
])('%j is refused and changes nothing', async (message, answer) => {
  const ref = message.split(' ')[0];
  const before = await valuesOf(ref);
  const history = await storage.actions.history(DEMO_PLAN_ID, ref);
  const [reply] = await say(message, 'meganb@example.com');
  expect(reply).toMatch(answer);
  expect(await valuesOf(ref)).toEqual(before);
  expect(await storage.actions.history(DEMO_PLAN_ID, ref)).toHaveLength(history.length);
});

test('an owner cannot give values for someone else’s measure', async () => {
  const [reply] = await say('SG-2 measure 50%', 'pattif@example.com');
  expect(reply).toMatch(/Only the owner of SG-2, a chair, an executive or an administrator/);
});

test('"measures" lists the plan’s measures, worst first', async () => {
  const [book] = await say('performance book', 'adelev@example.com');
  expect(book).toMatch(/^Performance book: Ofsted safeguarding and looked after children/);
  const order = [...book.matchAll(/^\*\*([A-Z]+-\d+(?: \(\d of \d\))?)\*\*/gm)].map((m) => m[1]);
  expect(order.slice(0, 4)).toEqual(['SG-7', 'SG-1 (1 of 2)', 'SG-8', 'LAC-9']);
  expect(book).toMatch(
    /\*\*SG-12\*\*\s*\nNumber of multi-agency case audits reported to the board each quarter: no figures yet, target 4/,
  );
  expect(book).toMatch(
    /23 measures, worst first: 3 off target, 1 with figures overdue, 17 with no figures yet, 2 on target\./,
  );
  expect(book).toMatch(
    /\*\*SG-1 \(2 of 2\)\*\*\s*\nNumber of referrals audited each month: 21 for Oct 2026, target 20/,
  );
});

describe('an action with two measures', () => {
  test('a value that names no measure is answered with a question, a button per measure, and changes nothing', async () => {
    const before = await storage.actions.history(DEMO_PLAN_ID, 'SG-1');
    const values = [await valuesOf('SG-1', 1), await valuesOf('SG-1', 2)];
    const [reply] = await say('SG-1 measure 40');
    // The card as read: the question, then each button's title and the command it runs.
    expect(reply.split('\n')).toEqual([
      'SG-1 has 2 measures. Which is 40 for?',
      'Nothing is recorded until you choose. You can also type the measure’s number (1), or the whole value, for example: SG-1 measure 1 40',
      'Measure 1: % of referrals where the referring agency is told the outcome within 3 working days',
      'SG-1 measure 1 40 for Nov 2026',
      'Measure 2: Number of referrals audited each month',
      'SG-1 measure 2 40 for Nov 2026',
      'Cancel',
    ]);
    const [beyond] = await say('measure 3 of SG-1 40');
    expect(beyond).toMatch(
      /^Nothing was changed\. SG-1 has 2 measures, so there is no measure 3:\n\n1\. % of referrals/,
    );
    expect([await valuesOf('SG-1', 1), await valuesOf('SG-1', 2)]).toEqual(values);
    expect(await storage.actions.history(DEMO_PLAN_ID, 'SG-1')).toHaveLength(before.length);
  });

  test('"SG-1 second measure 19" records against measure 2 only, and its history names it', async () => {
    const first = await valuesOf('SG-1', 1);
    const [reply] = await say('SG-1 second measure 19');
    expect(reply).toMatch(
      /^Recorded 19 for Nov 2026 on SG-1 \(2 of 2\)\. Target 20 by .*: off target, improving \(against 14 for Sep 2026\)\./,
    );
    expect(await valuesOf('SG-1', 2)).toEqual([
      ['2026-09', 14],
      ['2026-10', 21],
      ['2026-11', 19],
    ]);
    expect(await valuesOf('SG-1', 1)).toEqual(first);
    const [history] = await say('history SG-1');
    expect(history).toMatch(/Latest value \(measure 2\): 21 \(Oct 2026\) → 19 \(Nov 2026\)/);
  });
});

describe('"which measures are off target?"', () => {
  test('lists the performance book’s measures that are off target, in its order, and no others', async () => {
    const [book] = await say('performance book', 'adelev@example.com');
    const [asked] = await say('which measures are off target?', 'adelev@example.com');
    const offInBook = Number(/worst first: (\d+) off target/.exec(book)?.[1]);
    const labels = (text: string) => [...text.matchAll(/^\*\*([^*]+)\*\*/gm)].map((m) => m[1]);
    expect(offInBook).toBeGreaterThan(0);
    expect(asked).toMatch(/^Measures off target: Ofsted safeguarding and looked after children/);
    expect(asked).toContain(`${offInBook} measures are off target, worst first.`);
    expect(labels(asked)).toEqual(labels(book).slice(0, offInBook));
    expect(asked.match(/\. Off target, /g)).toHaveLength(offInBook);
    expect(asked).not.toMatch(/: on target|no figures yet|figures overdue/);
  });

  test('someone with no role and no action in any plan is shown no plan and no measure', async () => {
    const [reply] = await say('what measures are off target', STRANGER.email);
    expect(reply).toBe('You have no plans with measures that you can read.');
  });
});

test('a typed answer to "which measure?" counts only while the question waits (30 minutes)', async () => {
  const before = [await valuesOf('SG-1', 1), await valuesOf('SG-1', 2)];
  const [asked] = await say('SG-1 measure 44');
  expect(asked).toMatch(/^SG-1 has 2 measures\. Which is 44 for\?/);
  const later = new Date(NOW.getTime() + 31 * 60_000);
  const [answer] = await say('2', 'alexw@example.com', personal('alexw@example.com'), later);
  expect(answer).not.toMatch(/Recorded/);
  expect([await valuesOf('SG-1', 1), await valuesOf('SG-1', 2)]).toEqual(before);
  // In time, the same answer records it.
  await say('SG-1 measure 44');
  expect((await say('2'))[0]).toMatch(/^Recorded 44 for Nov 2026 on SG-1 \(2 of 2\)/);
});
