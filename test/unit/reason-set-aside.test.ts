import { parseCommand } from '../../src/domain/command-grammar';
import { ReasonQuestion, reasonSetAside, withReason } from '../../src/services/chat/reason-question';

/**
 * A reason question set aside by another command is said to be, with the change as one message; that message, sent,
 * makes the change the question was for, with its reason (read by the grammar on Monday 30 Nov 2026).
 */
const question = (q: Pick<ReasonQuestion, 'ref' | 'for' | 'without'>): ReasonQuestion => ({ planId: 'p', ...q });

test.each<[ReasonQuestion, string, string]>([
  [
    question({ ref: 'SG-5', for: 'cancel', without: null }),
    'cancellation',
    'cancel SG-5 because the service was merged',
  ],
  [
    question({ ref: 'LAC-6', for: 'signOff', without: null }),
    'sign-off',
    'sign off LAC-6 anyway because the board saw it on 3 Nov',
  ],
  [
    question({ ref: 'LAC-6', for: 'signOff', without: 'survey' }),
    'sign-off',
    'sign off LAC-6 without the survey because the board saw it on 3 Nov',
  ],
])('%j: the %s set aside, and sent whole as %j', (q, what, whole) => {
  expect(reasonSetAside(q)).toBe(
    `I’ve put ${q.ref}’s ${what} aside: nothing was recorded for it. When you’re ready, send it in one message, for example: ${whole}`,
  );
  const reason = /because (.+)$/.exec(whole)![1];
  expect(parseCommand(whole, '2026-11-30')).toEqual(withReason(q, reason));
});
