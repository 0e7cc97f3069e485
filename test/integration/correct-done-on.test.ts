import { BY_FIRST_NAME, personal, useDemoChat } from '../support/chat';

/**
 * Correcting the day a completed action was done (TESTER-3 follow-up): through the chat service into real storage
 * (Azurite), with the demo plan (baseline 5 Oct 2026). The owner or an administrator may correct it before sign-off,
 * as an update; the day is checked as a day done is; history says what it was and what it is; after sign-off the
 * sign-off decided it.
 */
const demo = useDemoChat(new Date('2026-11-30T09:00:00Z'), new Date('2026-11-30T10:00:00Z'));
const { patti, megan, isaiah, alex } = BY_FIRST_NAME;
// Each message a minute after the last, as people send them: history is read in the order it was written.
let minute = 0;
const say = (text: string, email: string) =>
  demo.say(text, email, personal(email), new Date(Date.parse('2026-11-30T10:00:00Z') + ++minute * 60_000));
const etag = async (ref: string) => (await demo.storage.actions.get('ofsted-2011', ref))!.etag;
const history = (ref: string) => demo.storage.actions.history('ofsted-2011', ref);

async function completedOn27Nov(): Promise<void> {
  expect((await say('SG-9 done on 27 Nov', patti))[0]).toContain('SG-9 is now complete (done on Fri 27 Nov 2026)');
}

test.each([
  ['SG-9 was actually done on 20 Nov', patti],
  ['SG-9 done on 20 Nov', patti],
  ['SG-9 done on 20/11/2026', megan],
])('%j from %s corrects the day, with a history entry of its own', async (text, email) => {
  await completedOn27Nov();
  const [reply] = await say(text, email);
  expect(reply).toContain(
    'SG-9’s completion day is corrected from 27 Nov 2026 to 20 Nov 2026: it was done on Fri 20 Nov 2026.',
  );
  const [latest] = await history('SG-9');
  expect([latest.by, latest.changes]).toEqual([
    email,
    [{ field: 'completedOn', from: '2026-11-27', to: '2026-11-20' }],
  ]);
  expect((await say('history SG-9', patti)).join('\n')).toContain(
    'Completion day corrected from 27 Nov 2026 to 20 Nov 2026',
  );
  // "awaiting sign-off" reads the corrected day.
  expect((await say('what is awaiting sign-off?', alex)).join('\n')).toMatch(/\*\*SG-9\*\*.*\nComplete for 10 days/);
});

test.each([
  ['SG-9 done on 20 Nov', isaiah, 'Only the action’s owner (Patti Fernandez) or an administrator can change SG-9.'],
  ['SG-9 done on 20 Nov', alex, 'Only the action’s owner (Patti Fernandez) or an administrator can change SG-9.'],
  ['SG-9 done on 27 Nov', patti, 'SG-9 is already recorded as done on Fri 27 Nov 2026.'],
  ['SG-9 done on 1 Oct 2026', patti, '1 Oct 2026 is before the plan began (5 Oct 2026), so SG-9 is left as it is.'],
  ['SG-9 done on 2 Dec', patti, 'That reads as a plan, not news, so I’ve left SG-9 as it is.'],
  ['SG-9 done back in November', patti, 'A month is not the day it was done, so I’ve left SG-9 as it is.'],
])('%j from %s is refused, and changes nothing', async (text, email, words) => {
  await completedOn27Nov();
  const before = [await etag('SG-9'), (await history('SG-9')).length];
  expect((await say(text, email)).join('\n')).toContain(words);
  expect([await etag('SG-9'), (await history('SG-9')).length]).toEqual(before);
});

test('after sign-off the day is decided: refused with the reason', async () => {
  await say('SG-6 done on 25 Nov - evidence: https://contoso.sharepoint.com/sites/cs/SG6-register.xlsx', patti);
  await say('sign off SG-6 anyway because the register is enough', alex);
  expect((await demo.storage.actions.get('ofsted-2011', 'SG-6'))!.value.status).toBe('Signed off');
  const before = await etag('SG-6');
  expect(await say('SG-6 was actually done on 20 Nov', patti)).toEqual([
    'SG-6 is signed off, so the day it was done was decided with the sign-off and can’t be corrected.',
  ]);
  expect(await etag('SG-6')).toBe(before);
});

test('a day said with a completion still completes an action not yet complete', async () => {
  await say('SG-11 done on 20 Nov', patti);
  const [latest] = await history('SG-11');
  expect(latest.changes).toEqual(
    expect.arrayContaining([
      { field: 'status', from: expect.any(String), to: 'Complete' },
      { field: 'completedOn', from: null, to: '2026-11-20' },
    ]),
  );
});
