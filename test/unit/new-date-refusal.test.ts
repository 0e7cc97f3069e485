import { problemWords } from '../../src/cards/refusal-words';
import { approveNewDate } from '../../src/domain/action-changes';
import { newDateRefusal } from '../../src/domain/new-date-refusal';
import { Status } from '../../src/domain/types';
import { aDateRequest, anAction } from '../support/builders';

/**
 * Which actions take a new date given now (src/domain/new-date-refusal.ts), at every door through the newDate use
 * case: a complete one doesn't, since the date would reopen it unasked, and the refusal says how to set it going.
 */
test.each<[Status, string | null]>([
  ['Not started', null],
  ['On track', null],
  ['At risk', null],
  ['Delayed', null],
  [
    'Complete',
    'SG-1 is marked complete, so its date can’t move. If work has started again, set it back first (for example "SG-1 on track"), then give the new date.',
  ],
  ['Signed off', 'SG-1 is signed off, so its date can’t move.'],
  ['Cancelled', 'SG-1 is cancelled, so its date can’t move.'],
])('%s: %s', (status, refusal) => {
  const problem = newDateRefusal(anAction({ status }));
  expect(problem && problemWords(problem)).toBe(refusal);
});

test('a date asked for before the action was completed can still be approved: that is a decision, not a new date', () => {
  const asked = anAction({ status: 'Complete', dateRequest: aDateRequest() });
  const approved = approveNewDate(
    asked,
    {
      by: 'chair@example.com',
      at: '2026-07-02T14:00:00.000Z',
      today: '2026-07-02',
    },
    'On track',
  );
  expect(approved).toMatchObject({ ok: true, action: { status: 'Complete', revisedDueDate: '2026-10-31' } });
});
