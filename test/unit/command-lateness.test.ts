import type { Command } from '../../src/domain/command';
import { parseCommand } from '../../src/domain/command-grammar';

/**
 * An action said to be late in the sender's own words (src/domain/command-lateness.ts), read on Tuesday 1 Dec 2026:
 * a delay whose new date is still to be asked for (nothing is recorded until it is), lateness said unsurely (no
 * change, with the date they named), and messages that mention lateness without saying this action will be late.
 */
const TODAY = '2026-12-01';
const read = (text: string) => parseCommand(text, TODAY);
type Roughly = { count: number; unit: 'day' | 'week' | 'month' };
type Delay = Extract<Command, { kind: 'delay' }>;
const late = (ref: string, reason: string | null = null, roughly?: Roughly): Delay => ({
  kind: 'delay',
  ref,
  newDate: null,
  reason,
  statusChange: true,
  ...(roughly ? { roughly } : {}),
});
const about = (count: number, unit: Roughly['unit']): Roughly => ({ count, unit });
const unsure = (ref: string, when: string | null = null): Command => ({
  kind: 'notChange',
  ref,
  why: 'unsure',
  change: 'newDate',
  when,
});

describe('an action said to be late is a delay, its new date still to be asked for', () => {
  test.each<[string, Command]>([
    [
      'LAC-8 is running about two weeks late, the provider changed',
      late('LAC-8', 'the provider changed', about(2, 'week')),
    ],
    ['LAC-8 is behind', late('LAC-8')],
    ['LAC-8 is running late', late('LAC-8')],
    ["we're behind on LAC-8", late('LAC-8')],
    ['we are behind on LAC-8', late('LAC-8')],
    ['LAC-8 will be late', late('LAC-8')],
    ["LAC-8 won't be done on time", late('LAC-8')],
    ['LAC-8 will not be finished in time', late('LAC-8')],
    ['LAC-8 is going to miss its deadline', late('LAC-8')],
    ['LAC-8 will miss the end of March date', late('LAC-8')],
    // The second tester's: a deadline named as "the end of March", and an overrun "into" a month.
    ["SG-7 won't make the end of March", late('SG-7')],
    ['LAC-7 will overrun into February', late('LAC-7')],
    ["we won't hit the deadline for LAC-8", late('LAC-8')],
    ["we're not going to make the deadline for LAC-8", late('LAC-8')],
    ["we're going to miss the deadline for LAC-8", late('LAC-8')],
    ["we'll be late with LAC-8", late('LAC-8')],
    ["LAC-8's deadline will be missed", late('LAC-8')],
    ['the deadline for LAC-8 will be missed, the provider changed', late('LAC-8', 'the provider changed')],
    ['LAC-8 slipping', late('LAC-8')],
    ['LAC-8 running a month behind', late('LAC-8', null, about(1, 'month'))],
    ['LAC-8 is a fortnight behind', late('LAC-8', null, about(2, 'week'))],
    ['LAC-8 is 3 days late', late('LAC-8', null, about(3, 'day'))],
    [
      "we're running two weeks behind on LAC-8, the provider changed",
      late('LAC-8', 'the provider changed', about(2, 'week')),
    ],
    ['LAC-8 will be a few weeks late', late('LAC-8')],
    ['LAC-8 is well behind schedule because of staffing', late('LAC-8', 'staffing')],
    ["LAC-8 can't meet its deadline because of staffing", late('LAC-8', 'staffing')],
    ['LAC-8 is unlikely to make its deadline', late('LAC-8')],
    ['LAC-8 will overrun', late('LAC-8')],
    ['hi, we are behind on LAC-8', late('LAC-8')],
    ['LAC-8 running late, I think the supplier let us down', late('LAC-8', 'I think the supplier let us down')],
    ["SG-13 won't make its date", late('SG-13')],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  test.each<[string, Command]>([
    [
      "LAC-8 won't make the deadline, new date 31/03/2027 because the provider changed",
      { ...late('LAC-8', 'the provider changed'), newDate: { text: '31/03/2027', date: '2027-03-31' } },
    ],
    [
      "SG-13 won't make its date, end of May",
      { ...late('SG-13'), newDate: { text: 'end of May', date: '2027-05-31' } },
    ],
  ])('with a date said plainly, the date is the new one: %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  test('the date it is due is never taken for the new one', () => {
    expect(read('LAC-8 will miss the end of March date')).toMatchObject({ newDate: null });
  });
});

describe('lateness said unsurely changes nothing: the date named is kept for the reply', () => {
  test.each<[string, Command]>([
    ["SG-13 won't make its date, probably end of May", unsure('SG-13', '2027-05-31')],
    ['LAC-8 will probably be late', unsure('LAC-8')],
    ['LAC-8 might be late', unsure('LAC-8')],
    ['LAC-8 could be late by end of May', unsure('LAC-8', '2027-05-31')],
    ['I think LAC-8 is running late', unsure('LAC-8')],
    ['LAC-8 is probably running two weeks late', unsure('LAC-8')],
    ['LAC-8 running late, maybe two weeks', unsure('LAC-8')],
    ["LAC-8 won't make its date, probably", unsure('LAC-8')],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('lateness mentioned without this action being late is not a delay', () => {
  test.each<[string, Command]>([
    // A question is answered with the action.
    ['is LAC-8 late?', { kind: 'show', ref: 'LAC-8' }],
    ['LAC-8 running late?', { kind: 'show', ref: 'LAC-8' }],
    ['are we behind on LAC-8?', { kind: 'show', ref: 'LAC-8' }],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  test.each([
    'LAC-8 was late but is back on track now',
    'LAC-8 was behind but has caught up',
    'LAC-8 no longer running late',
    'LAC-8 is not late',
    "LAC-8 isn't running late",
    "LAC-8 won't be late",
    "the provider is late with the LAC-8 report but we're still on track",
    'Lynne says LAC-8 is running late',
    'LAC-8 will miss its date if the provider changes',
    "we won't make the deadline for LAC-8 and SG-4",
    // A measure's target is not its date.
    "LAC-8 won't hit its target",
    "we won't hit the target for LAC-8",
  ])('%j changes nothing', (text) => {
    expect(read(text).kind).not.toMatch(/^(?:delay|setStatus)$/);
  });

  test('a story after a clear status is only its comment', () => {
    expect(read("LAC-8 done, won't make the meeting")).toMatchObject({ kind: 'setStatus', status: 'Complete' });
  });
});
