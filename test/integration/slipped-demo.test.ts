import { useDemoChat } from '../support/chat';

/**
 * Tester 4's run on the demo (findings 6 and 7), through the real chat service over Azurite: the demo seeded on
 * 1 Dec 2026 as `npm start` seeds it, five of its actions 56 days overdue, Alex Wilber (chair, owns SG-1 and SG-4).
 */
const demo = useDemoChat(new Date('2026-12-01T02:18:00Z'), new Date('2026-12-01T02:40:00Z'));
const { say } = demo;
const one = async (text: string) => (await say(text)).join('\n');

test('nothing new slipped this week: no celebration while five actions are still overdue', async () => {
  const reply = await one('what has slipped this week');
  expect(reply).toContain(`Nothing new slipped since 24 Nov 2026; 5 actions are still overdue ("what's overdue").`);
  expect(reply).not.toContain('🎉');
});

test('new dates asked for this week are what slipped, and the older overdue ones are counted', async () => {
  await one('SG-4 delayed to end of March because supplier problems');
  await one('SG-1 delayed to 31/03/2027 because staff sickness');
  const reply = await one('what has slipped this week');
  expect(reply).toContain('2 actions');
  expect(reply).toContain(
    'Asked for a new date, 31 Mar 2027 (due 6 Oct 2026), not yet decided: staff sickness · Delayed',
  );
  expect(reply).toContain('Asked for a new date, 31 Mar 2027 (due 6 Oct 2026), not yet decided: supplier problems');
  expect(reply).toContain(`3 more actions overdue from before ("what's overdue")`);
  expect(reply).not.toContain('Nothing');
});

test('"this month" on the 1st looks back four weeks, and says from when', async () => {
  const reply = await one('what slipped this month');
  expect(reply).toContain('Slipped since 3 Nov 2026');
  // SG-3's date was moved in the demo's history within those four weeks.
  expect(reply).toContain('Moved from 6 Oct 2026 to 11 Dec 2026');
});

test('a new date withdrawn by completing is not the latest update any more, even once reopened', async () => {
  await one('SG-1 delayed to 31/03/2027 because staff sickness');
  await one('SG-1 done');
  await one('SG-1 on track');
  const shown = await one('show SG-1');
  expect(shown).toContain(
    'Latest update\nThe new date asked for, 31 Mar 2027, was withdrawn when SG-1 was marked complete. (Alex Wilber, 1 Dec 2026)',
  );
  expect(shown).not.toContain('Asked for a new date');
  expect(await one('what has slipped this week')).not.toContain('SG-1');
});
