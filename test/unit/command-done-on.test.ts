import { todayIn } from '../../src/domain/calendar';
import type { Command } from '../../src/domain/command';
import { parseCommand } from '../../src/domain/command-grammar';
import { UK_TIME_ZONE } from '../../src/domain/time-zone';

/**
 * The day a completion says it was done (src/domain/command-done-on.ts), read as the chat service reads a message:
 * the plan's today in UK time from a fixed instant, so these pass whenever they run.
 */
const read = (text: string, now: string) => parseCommand(text, todayIn(new Date(now), UK_TIME_ZONE));
const done = (completedOn: string | undefined, comment: string | null = null, evidence: string | null = null) => ({
  kind: 'setStatus',
  ref: 'SG-9',
  status: 'Complete',
  comment,
  evidence,
  ...(completedOn ? { completedOn } : {}),
});

/** Monday 30 Nov 2026, midday. */
const MONDAY = '2026-11-30T12:00:00Z';
/** Sunday 29 Nov 2026, 23:30 in London (GMT). */
const SUNDAY_LATE = '2026-11-29T23:30:00Z';
/** 23:30 on Sunday 27 Sep 2026 by UTC, which in London (BST) is already Monday 28 Sep. */
const SUNDAY_LATE_BST = '2026-09-27T23:30:00Z';
/** Sunday 25 Oct 2026, the day the clocks go back, 23:30 in London (GMT again). */
const CLOCKS_BACK = '2026-10-25T23:30:00Z';
/** 23:30 on Sunday 29 Mar 2026 by UTC, the day the clocks go forward: 00:30 on Monday 30 Mar in London. */
const CLOCKS_FORWARD = '2026-03-29T23:30:00Z';

describe('a completion with the day it was done records that day', () => {
  test.each<[string, string, ReturnType<typeof done>]>([
    ['SG-9 done last Friday', MONDAY, done('2026-11-27')],
    ['SG-9 finished yesterday', MONDAY, done('2026-11-29')],
    ['SG-9 completed on 27 Nov', MONDAY, done('2026-11-27')],
    ['SG-9 done on 27/11/2026', MONDAY, done('2026-11-27')],
    ['SG-9 done on 27th November', MONDAY, done('2026-11-27')],
    ['SG-9 done 27 November 2026', MONDAY, done('2026-11-27')],
    ['SG-9 done on Fri 27 Nov', MONDAY, done('2026-11-27')],
    ['we finished SG-9 on Friday', MONDAY, done('2026-11-27')],
    ['SG-9 done on Friday', MONDAY, done('2026-11-27')],
    ['SG-9 done last Monday', MONDAY, done('2026-11-23')],
    ['SG-9 complete as of yesterday', MONDAY, done('2026-11-29')],
    ['mark SG-9 complete yesterday', MONDAY, done('2026-11-29')],
    ['SG-9 done 3 days ago', MONDAY, done('2026-11-27')],
    ['SG-9 finished a fortnight ago', MONDAY, done('2026-11-16')],
    ['SG-9 done 3 weeks ago', MONDAY, done('2026-11-09')],
    ['SG-9 completed a week ago', MONDAY, done('2026-11-23')],
    ['SG-9 done on 15/07', MONDAY, done('2026-07-15')],
    ['SG-9 done yesterday because the board agreed', MONDAY, done('2026-11-29', 'the board agreed')],
    [
      'SG-9 done yesterday - evidence: https://contoso.sharepoint.com/r.pdf',
      MONDAY,
      done('2026-11-29', null, 'https://contoso.sharepoint.com/r.pdf'),
    ],
    // "on Monday" is the most recent Monday, not the coming one; today's day records nothing beyond today.
    ['SG-9 done on Monday', SUNDAY_LATE, done('2026-11-23')],
    ['SG-9 done yesterday', SUNDAY_LATE, done('2026-11-28')],
    ['SG-9 done last Sunday', SUNDAY_LATE, done('2026-11-22')],
    ['SG-9 done on Sunday', SUNDAY_LATE, done(undefined)],
    ['we finished SG-9 on Monday', MONDAY, done(undefined)],
    // Late on a Sunday in summer time it is already Monday in London.
    ['SG-9 done yesterday', SUNDAY_LATE_BST, done('2026-09-27')],
    ['SG-9 done on Monday', SUNDAY_LATE_BST, done(undefined)],
    ['SG-9 done last Friday', SUNDAY_LATE_BST, done('2026-09-25')],
    ['SG-9 done yesterday', CLOCKS_BACK, done('2026-10-24')],
    ['SG-9 done on Friday', CLOCKS_BACK, done('2026-10-23')],
    ['SG-9 done yesterday', CLOCKS_FORWARD, done('2026-03-29')],
    ['SG-9 done on Sunday', CLOCKS_FORWARD, done('2026-03-29')],
  ])('%j at %s', (text, now, expected) => {
    expect(read(text, now)).toEqual(expected);
  });
});

describe('a day still to come is a plan, and changes nothing (the promise rule)', () => {
  test.each<[string, string]>([
    ['SG-9 done on 2 Dec', '2026-12-02'],
    ['SG-9 done this Friday', '2026-12-04'],
    ['SG-9 done by Friday', '2026-12-04'],
    ['SG-9 done 27/11/2027', '2027-11-27'],
    ['SG-9 completed on 1 January 2027', '2027-01-01'],
  ])('%j', (text, when) => {
    expect(read(text, MONDAY)).toEqual<Command>({
      kind: 'notChange',
      ref: 'SG-9',
      why: 'promise',
      change: 'Complete',
      when,
    });
  });

  test.each(['SG-9 done next week', 'SG-9 finished tomorrow', 'SG-9 done next Friday'])('%j', (text) => {
    expect(read(text, MONDAY)).toMatchObject({ kind: 'notChange', why: 'promise', change: 'Complete' });
  });
});

describe('a day that is not one changes nothing, and says why', () => {
  test.each<[string, RegExp]>([
    ['SG-9 done on 32/11/2026', /November 2026 has only 30 days/],
    ['SG-9 done on the 27th', /couldn't read "27th"/],
    ['SG-9 done on Thursday 27 Nov', /27 Nov 2026 is a Friday, not a Thursday/],
    ['SG-9 done on 31 Sept', /September never has 31 days/],
    ['SG-9 done on 27/13/2026', /no month 13/],
  ])('%j', (text, why) => {
    const command = read(text, MONDAY);
    expect(command).toMatchObject({ kind: 'unknown', text });
    const problem = command.kind === 'unknown' ? (command.problem ?? '') : '';
    expect(problem).toMatch(/^I’ve left SG-9 as it is: /);
    expect(problem).toMatch(why);
    expect(problem).toContain('SG-9 done on 29 Nov 2026');
  });
});

/** A completion said with a month: a day in it, to show how to send the day. */
const month = (when: string): Command => ({ kind: 'notChange', ref: 'SG-9', why: 'month', change: 'Complete', when });

describe('a month is not a day: a completion said with one changes nothing (TESTER-3, month for the day done)', () => {
  // Recorded as done today, "back in October" would put the completion weeks late in the history and the committee
  // report; the person is asked for the day, shown one in that month: its last, or yesterday in the month still going.
  test.each<[string, string, object]>([
    ['SG-9 done back in October', MONDAY, month('2026-10-31')],
    ['SG-9 finished back in October', MONDAY, month('2026-10-31')],
    // "in October", as it was read before this rule, is the same month and answered the same way.
    ['SG-9 done in October', MONDAY, month('2026-10-31')],
    ['SG-9 done in Oct 2026', MONDAY, month('2026-10-31')],
    ['SG-9 completed during early June', MONDAY, month('2026-06-30')],
    ['SG-9 done October, report went to the board', MONDAY, month('2026-10-31')],
    ['SG-9 done last month', MONDAY, month('2026-10-31')],
    ['SG-9 done in November', MONDAY, month('2026-11-29')],
    ['SG-9 done in January', '2027-01-15T12:00:00Z', month('2027-01-14')],
    ['SG-9 done last month', '2027-01-15T12:00:00Z', month('2026-12-31')],
    // On the first of the month, yesterday is last month's: the example is today.
    ['SG-9 done in December', '2026-12-01T12:00:00Z', month('2026-12-01')],
    // A month ahead is a plan (the promise rule), and a month's end is a day.
    [
      'SG-9 done in January',
      MONDAY,
      { kind: 'notChange', ref: 'SG-9', why: 'promise', change: 'Complete', when: null },
    ],
    ['SG-9 done at the end of October', MONDAY, done('2026-10-31')],
    ['SG-9 done end of October', MONDAY, done('2026-10-31')],
  ])('%j at %s', (text, now, expected) => {
    expect(read(text, now)).toEqual(expected);
  });
});

describe('a completion that names no day of its own is recorded as before', () => {
  test.each<[string, string | null]>([
    ['SG-9 done', null],
    ['SG-9 done today', null],
    ['SG-9 done on time', 'on time'],
    ['SG-9 done on 3 sites', 'on 3 sites'],
    ['SG-9 completed last week', 'last week'],
    ['SG-9 done by 20/11', 'by 20/11'],
    ['SG-9 done, the report went to the board on 3 Nov', 'the report went to the board on 3 Nov'],
  ])('%j', (text, comment) => {
    expect(read(text, MONDAY)).toEqual(done(undefined, comment));
  });

  test('another status says no day ("SG-9 on track yesterday" is a note, as it was)', () => {
    expect(read('SG-9 on track yesterday', MONDAY)).toEqual({
      kind: 'setStatus',
      ref: 'SG-9',
      status: 'On track',
      comment: 'yesterday',
      evidence: null,
    });
  });
});
