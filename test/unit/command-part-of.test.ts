import type { Command } from '../../src/domain/command';
import { parseCommand } from '../../src/domain/command-grammar';

/**
 * A thing finished for an action (src/domain/command-part-of.ts) may be only part of it: the action is not completed,
 * and the reply has the day said (`when`) and the words whole (`note`). TESTER-3: "finished the protocol for A.2.1 on
 * 27/11" was not understood.
 */
const TODAY = '2026-11-30';
const part = (ref: string, when: string | null, note: string): Command => ({
  kind: 'notChange',
  ref,
  why: 'partOf',
  change: 'Complete',
  when,
  note,
});

test.each<[string, Command]>([
  ['finished the protocol for A.2.1 on 27/11', part('A.2.1', '2026-11-27', 'finished the protocol for A.2.1 on 27/11')],
  ['finished the protocol for A.2.1', part('A.2.1', null, 'finished the protocol for A.2.1')],
  ['I completed the audit for SG-4 yesterday', part('SG-4', '2026-11-29', 'I completed the audit for SG-4 yesterday')],
  ['completed the report on SG-9, sent to board', part('SG-9', null, 'completed the report on SG-9, sent to board')],
  [
    'we finished the first draft of the strategy for 1.2a',
    part('1.2a', null, 'we finished the first draft of the strategy for 1.2a'),
  ],
  // A day still to come is no day done: the command offered has none.
  [
    'finished the protocol for A.2.1 on Friday next week',
    part('A.2.1', null, 'finished the protocol for A.2.1 on Friday next week'),
  ],
])('%j is part of the action, and changes nothing', (text, expected) => {
  expect(parseCommand(text, TODAY)).toEqual(expected);
});

test.each<[string, object]>([
  // The action itself, as before.
  ['finished A.2.1', { kind: 'setStatus', ref: 'A.2.1', status: 'Complete' }],
  ['A.2.1 done on 27/11', { kind: 'setStatus', ref: 'A.2.1', completedOn: '2026-11-27' }],
  ['finished A.2.1 - the protocol is agreed', { kind: 'setStatus', ref: 'A.2.1', comment: 'the protocol is agreed' }],
  // No thing of its own named before the ref: not a part, and left unread as it was.
  ['done with SG-9', { kind: 'unknown', problem: null }],
  ['finished off SG-9', { kind: 'unknown', problem: null }],
  ['finished it for SG-9', { kind: 'unknown', problem: null }],
  // A count is never a ref (command-counts.ts).
  ['finished the training for 5 schools', { kind: 'unknown', problem: expect.stringContaining('as a number') }],
  // Not done at all.
  ["haven't finished the protocol for A.2.1", { kind: 'unknown' }],
])('%j', (text, expected) => {
  expect(parseCommand(text, TODAY)).toMatchObject(expected);
});

test.each([
  ['finished back in October', 'which day in October 2026 was it done? For example: SG-4 done on 31/10/2026'],
  ['done in November', 'which day in November 2026 was it done? For example: SG-4 done on 29/11/2026'],
])('%j names no action and no day: it asks for both', (text, words) => {
  expect(parseCommand(text, TODAY)).toEqual({
    kind: 'unknown',
    text,
    problem: `A month is not a day. Which action, and ${words}`,
  });
});
