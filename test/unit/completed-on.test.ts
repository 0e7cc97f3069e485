import {
  completedOnChange,
  completedOnProblem,
  doneOn,
  doneOnCorrection,
  doneOnCorrectionProblem,
  doneOnWords,
  lastCompletion,
  statedDoneOn,
} from '../../src/domain/completed-on';
import { computeDigest } from '../../src/domain/digest';
import { historyLines } from '../../src/domain/history-lines';
import { awaitingSignOff } from '../../src/domain/questions/awaiting';
import { highlights } from '../../src/domain/report/news';
import { FieldChange, HistoryEntry } from '../../src/domain/types';
import { anAction } from '../support/builders';

/**
 * The day a completion was done, kept in its history entry (src/domain/completed-on.ts), and every reader of when an
 * action was completed: history lines, the digest and its limbo escalation, "awaiting sign-off", the committee report.
 */
const UK = 'Europe/London';
const SAID_AT = '2026-11-30T09:15:00.000Z';
const completion = (more: FieldChange[] = [], at = SAID_AT): HistoryEntry => ({
  planId: 'p',
  ref: 'SG-9',
  at,
  by: 'patti@example.com',
  via: 'chat',
  changes: [{ field: 'status', from: 'On track', to: 'Complete' }, ...more],
  comment: null,
});
const DONE_FRIDAY = completion([completedOnChange('2026-11-27')]);
/** A row written before the day could be said: it has none. */
const OLD_ROW = completion();
const complete = anAction({ planId: 'p', ref: 'SG-9', status: 'Complete', evidence: [] });

describe('the day it was done, read back from a history entry', () => {
  test.each<[string, HistoryEntry, string | null, string | null]>([
    ['the day said', DONE_FRIDAY, '2026-11-27', '2026-11-27'],
    ['an older row: the day it was recorded, in UK time', OLD_ROW, null, '2026-11-30'],
    [
      'recorded at 23:30 UTC in summer: the next day in London',
      completion([], '2026-09-27T23:30:00Z'),
      null,
      '2026-09-28',
    ],
    [
      'a stored value that is not a day is not trusted',
      completion([{ field: 'completedOn', from: null, to: 'last Friday' }]),
      null,
      '2026-11-30',
    ],
  ])('%s', (_, entry, stated, day) => {
    expect(statedDoneOn(entry)).toBe(stated);
    expect(doneOn(entry, UK)).toBe(day);
  });

  test('the last completion is the one read, with when it was said and the day it was done', () => {
    const reopened = completion([], '2026-11-28T10:00:00Z');
    reopened.changes = [{ field: 'status', from: 'Complete', to: 'On track' }];
    expect(lastCompletion([OLD_ROW, reopened, DONE_FRIDAY], UK)).toEqual({
      completedAt: SAID_AT,
      completedOn: '2026-11-27',
    });
    expect(lastCompletion([], UK)).toEqual({ completedAt: null, completedOn: null });
  });
});

describe('whether a day said may be recorded', () => {
  test.each<[string, string, ReturnType<typeof completedOnProblem>]>([
    ['yesterday', '2026-11-29', null],
    ['the baseline itself', '2026-04-01', null],
    ['today', '2026-11-30', null],
    ['tomorrow', '2026-12-01', { code: 'doneOnAhead', ref: 'SG-9', date: '2026-12-01' }],
    [
      'before the plan began',
      '2026-03-31',
      { code: 'doneOnBeforeBaseline', ref: 'SG-9', date: '2026-03-31', baseline: '2026-04-01' },
    ],
  ])('%s', (_, date, problem) => {
    expect(completedOnProblem('SG-9', date, '2026-11-30', '2026-04-01')).toEqual(problem);
  });
});

describe('every reader shows the day it was done', () => {
  test('history: one line says it was marked complete, and the day it was done', () => {
    expect(historyLines(DONE_FRIDAY, (e) => e).lines).toEqual([
      'Status: On track → Complete (done on Fri 27 Nov 2026)',
    ]);
    expect(historyLines(OLD_ROW, (e) => e).lines).toEqual(['Status: On track → Complete']);
    expect(doneOnWords('2026-11-27')).toBe('done on Fri 27 Nov 2026');
  });

  test('the digest: completed this week with the day done, and its wait counted from that day', () => {
    const digest = (entry: HistoryEntry) =>
      computeDigest({
        planTitle: 'Plan',
        actions: [complete],
        history: [entry],
        previous: null,
        unreachable: [],
        today: '2026-11-30',
        weekStart: '2026-11-24',
        timeZone: UK,
      });
    const stated = digest(DONE_FRIDAY);
    expect(stated.completedThisWeek).toMatchObject([{ at: SAID_AT, doneOn: '2026-11-27' }]);
    expect(stated.awaitingSignOff).toMatchObject([{ completedAt: SAID_AT, completedOn: '2026-11-27', daysWaiting: 3 }]);
    const old = digest(OLD_ROW);
    expect(old.completedThisWeek).toMatchObject([{ doneOn: null }]);
    expect(old.awaitingSignOff).toMatchObject([{ completedOn: '2026-11-30', daysWaiting: 0 }]);
  });

  test('limbo: a completion said to be five weeks back is escalated now, not in four weeks', () => {
    const longAgo = completion([completedOnChange('2026-10-23')]);
    const digest = computeDigest({
      planTitle: 'Plan',
      actions: [complete],
      history: [longAgo],
      previous: null,
      unreachable: [],
      today: '2026-11-30',
      weekStart: '2026-11-24',
      timeZone: UK,
      limboWeeks: 4,
    });
    expect(digest.limbo).toMatchObject([{ daysComplete: 38 }]);
  });

  test('"awaiting sign-off" and the committee report', () => {
    expect(awaitingSignOff([complete], [DONE_FRIDAY], '2026-11-30', UK)).toMatchObject([
      { completedAt: SAID_AT, completedOn: '2026-11-27', daysWaiting: 3 },
    ]);
    expect(highlights([complete], () => [DONE_FRIDAY])).toMatchObject([{ at: SAID_AT, doneOn: '2026-11-27' }]);
    expect(highlights([complete], () => [OLD_ROW])).toMatchObject([{ doneOn: null }]);
  });
});

describe('a completion day corrected before sign-off (correct-done-on.ts)', () => {
  const correction = (from: string | null, to: string, at = '2026-11-30T11:00:00Z'): HistoryEntry => ({
    planId: 'p',
    ref: 'SG-9',
    at,
    by: 'patti@example.com',
    via: 'chat',
    changes: [doneOnCorrection(from, to)],
    comment: null,
  });

  test('every reader of the day done follows the latest correction after the last completion', () => {
    const first = correction('2026-11-27', '2026-11-20');
    const second = correction('2026-11-20', '2026-11-23', '2026-11-30T12:00:00Z');
    expect(lastCompletion([DONE_FRIDAY, first], UK)).toEqual({ completedAt: SAID_AT, completedOn: '2026-11-20' });
    expect(lastCompletion([DONE_FRIDAY, first, second], UK).completedOn).toBe('2026-11-23');
    // Completed again after a correction: the new completion's own day counts.
    const again = completion([completedOnChange('2026-11-29')], '2026-11-30T13:00:00Z');
    expect(lastCompletion([DONE_FRIDAY, first, again], UK).completedOn).toBe('2026-11-29');
    // Complete before the history began: the day given since is the day.
    expect(lastCompletion([correction(null, '2026-11-20')], UK)).toEqual({
      completedAt: null,
      completedOn: '2026-11-20',
    });
    expect(awaitingSignOff([complete], [DONE_FRIDAY, first], '2026-11-30', UK)).toMatchObject([
      { completedOn: '2026-11-20', daysWaiting: 10 },
    ]);
    // The committee report's highlights say the corrected day.
    expect(highlights([complete], () => [DONE_FRIDAY, first])).toMatchObject([{ at: SAID_AT, doneOn: '2026-11-20' }]);
  });

  test('history says what the day was and what it is, and the completion line keeps the day first said', () => {
    expect(historyLines(correction('2026-11-27', '2026-11-20'), (e) => e).lines).toEqual([
      'Completion day corrected from 27 Nov 2026 to 20 Nov 2026',
    ]);
    expect(historyLines(correction(null, '2026-11-20'), (e) => e).lines).toEqual(['Completion day given: 20 Nov 2026']);
    expect(historyLines(DONE_FRIDAY, (e) => e).lines).toEqual([
      'Status: On track → Complete (done on Fri 27 Nov 2026)',
    ]);
  });

  const BASELINE = '2026-10-05';
  test.each<[string, Parameters<typeof doneOnCorrectionProblem>[0]['status'], string, object | null]>([
    ['an earlier day', 'Complete', '2026-11-20', null],
    ['a later day, up to today', 'Complete', '2026-11-30', null],
    ['the day it already is', 'Complete', '2026-11-27', { code: 'doneOnAlready', ref: 'SG-9', date: '2026-11-27' }],
    ['a day to come', 'Complete', '2026-12-01', { code: 'doneOnAhead', ref: 'SG-9', date: '2026-12-01' }],
    [
      'before the plan began',
      'Complete',
      '2026-10-01',
      { code: 'doneOnBeforeBaseline', ref: 'SG-9', date: '2026-10-01', baseline: BASELINE },
    ],
    ['signed off: its sign-off decided it', 'Signed off', '2026-11-20', { code: 'doneOnDecided', ref: 'SG-9' }],
    ['not complete', 'On track', '2026-11-20', { code: 'doneOnNotComplete', ref: 'SG-9' }],
  ])('%s', (_, status, date, problem) => {
    expect(doneOnCorrectionProblem({ ref: 'SG-9', status }, '2026-11-27', date, '2026-11-30', BASELINE)).toEqual(
      problem,
    );
  });
});
