import { committeeReport } from '../../../src/domain/report/committee-report';
import { newDatesWaiting } from '../../../src/domain/report/new-dates';
import { Block } from '../../../src/reports/document';
import { reportDocument } from '../../../src/reports/report-document';
import { Action, DateRequest, HistoryEntry } from '../../../src/domain/types';
import { aHistoryEntry, anAction, aPlan } from '../../support/builders';

const OWNER = 'alexw@example.com';
const CHAIR = 'chair@example.com';
const NOV = (day: number, time = '10:00') => `2026-11-${String(day).padStart(2, '0')}T${time}:00.000Z`;
const asked = (date: string, reason: string, at: string, by = OWNER): DateRequest => ({ date, reason, by, at });
const stored = (r: DateRequest | null) => (r ? `${r.date}: ${r.reason}` : null);
/** The history entry that set, replaced or cleared an action's request, as the store writes it. */
const requestChange = (action: Action, from: DateRequest | null, to: DateRequest | null, at: string, by = OWNER) =>
  aHistoryEntry(action, { at, by, changes: [{ field: 'dateRequest', from: stored(from), to: stored(to) }] });

describe('new dates waiting for a decision at the end of the period', () => {
  const sickness = asked('2027-04-03', 'staff sickness', NOV(10));
  const later = asked('2027-06-30', 'the board moved', NOV(20), CHAIR);
  test.each<[string, Action, (a: Action) => HistoryEntry[], string, Partial<DateRequest> | null]>([
    [
      "today's request, with its date, reason, who and when",
      anAction({ dateRequest: sickness }),
      (a) => [requestChange(a, null, sickness, NOV(10))],
      '2026-11-30',
      sickness,
    ],
    ['no request', anAction(), () => [], '2026-11-30', null],
    [
      'asked for after the period: not waiting then',
      anAction({ dateRequest: sickness }),
      (a) => [requestChange(a, null, sickness, NOV(10))],
      '2026-11-09',
      null,
    ],
    [
      'asked for in the period and approved since: it was waiting then, as history kept it',
      anAction({ revisedDueDate: '2027-04-03' }),
      (a) => [requestChange(a, null, sickness, NOV(10)), requestChange(a, sickness, null, NOV(25), CHAIR)],
      '2026-11-15',
      sickness,
    ],
    [
      'replaced after the period by another request: the one waiting then',
      anAction({ dateRequest: later }),
      (a) => [requestChange(a, null, sickness, NOV(10)), requestChange(a, sickness, later, NOV(20), CHAIR)],
      '2026-11-15',
      sickness,
    ],
    [
      'declined in the period: nothing waits',
      anAction(),
      (a) => [requestChange(a, null, sickness, NOV(10)), requestChange(a, sickness, null, NOV(12), CHAIR)],
      '2026-11-30',
      null,
    ],
    [
      'asked for late on the last day, UK time: still in the period',
      anAction({ dateRequest: asked('2027-04-03', 'staff sickness', '2026-07-31T22:30:00.000Z') }),
      (a) => [requestChange(a, null, a.dateRequest, '2026-07-31T22:30:00.000Z')],
      '2026-07-31',
      asked('2027-04-03', 'staff sickness', '2026-07-31T22:30:00.000Z'),
    ],
  ])('%s', (_label, action, history, to, expected) => {
    const rows = newDatesWaiting([action], history(action), to, 'Europe/London');
    expect(rows.map(({ date, reason, by, at }) => ({ date, reason, by, at }))).toEqual(expected ? [expected] : []);
  });

  test('the longest waiting first, each with the due date that stands meanwhile', () => {
    const a = anAction({ ref: 'A-2', originalDueDate: '2026-10-05', dateRequest: asked('2027-01-31', 'x', NOV(20)) });
    const b = anAction({ ref: 'A-10', revisedDueDate: '2026-12-01', dateRequest: asked('2027-02-28', 'y', NOV(3)) });
    expect(newDatesWaiting([a, b], [], '2026-11-30', 'Europe/London').map((r) => [r.action.ref, r.due])).toEqual([
      ['A-10', '2026-12-01'],
      ['A-2', '2026-10-05'],
    ]);
  });
});

/** The rows of the table straight after the heading `text` in the document's blocks, or the sentence there instead. */
function after(blocks: Block[], text: string): string[][] | string {
  const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === text);
  const next = blocks[at + 1];
  if (at < 0 || !next) throw new Error(`no heading ${text}`);
  if (next.kind === 'table') return [next.headers, ...next.rows];
  if (next.kind === 'paragraph') return next.text;
  throw new Error(`${text} is followed by ${next.kind}`);
}

describe("the report's rows for the overdue and for what awaits a decision", () => {
  const sg1 = anAction({
    ref: 'SG-1',
    title: 'Audit referrals',
    status: 'Delayed',
    originalDueDate: '2026-10-05',
    latestUpdate: { text: 'Asked for a new date, 3 Apr 2027: staff sickness', by: OWNER, at: NOV(30, '09:00') },
    dateRequest: asked('2027-04-03', 'staff sickness', NOV(30, '09:00')),
  });
  const quiet = anAction({ ref: 'SG-2', title: 'Recruit staff', status: 'On track', originalDueDate: '2026-10-05' });
  const reportOf = (actions: Action[], history: HistoryEntry[] = []) =>
    reportDocument(
      committeeReport({
        plan: aPlan(),
        actions,
        history,
        glossary: [],
        period: { from: '2026-11-01', to: '2026-11-30' },
        since: 'given',
        today: '2026-11-30',
        madeAt: NOV(30, '12:00'),
        names: { [CHAIR]: 'Adele Vance' },
      }),
    ).blocks;

  test('an overdue action shows its days overdue and the latest words about it, with who and when', () => {
    const marked = aHistoryEntry(quiet, {
      at: NOV(12),
      by: CHAIR,
      changes: [{ field: 'status', from: 'Not started', to: 'On track' }],
      comment: 'interviews booked',
    });
    expect(after(reportOf([sg1, quiet], [marked]), 'Overdue')).toEqual([
      ['Ref', 'Action', 'Owner', 'Due', 'Days overdue', 'Latest update'],
      [
        'SG-1',
        'Audit referrals',
        'Alex Wilber',
        '5 Oct 2026',
        '56 days',
        'Asked for a new date, 3 Apr 2027: staff sickness (Alex Wilber, 30 Nov 2026)',
      ],
      [
        'SG-2',
        'Recruit staff',
        'Alex Wilber',
        '5 Oct 2026',
        '56 days',
        'Marked on track: interviews booked (Adele Vance, 12 Nov 2026)',
      ],
    ]);
  });

  test('a new date waiting for a decision: the date asked for, by whom, when and why, beside the date that stands', () => {
    const blocks = reportOf([sg1, quiet]);
    const section = blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Awaiting a decision');
    expect(blocks[section]).toEqual({ kind: 'heading', level: 1, text: 'Awaiting a decision' });
    expect(after(blocks, 'New dates asked for')).toEqual([
      ['Ref', 'Action', 'Owner', 'Due', 'New date asked for', 'Asked', 'Reason'],
      [
        'SG-1',
        'Audit referrals',
        'Alex Wilber',
        '5 Oct 2026',
        '3 Apr 2027',
        'Alex Wilber on 30 Nov 2026',
        'staff sickness',
      ],
    ]);
    expect(after(blocks, 'Sign-off')).toBe('Nothing is waiting for sign-off.');
  });

  test('with nothing to decide and nothing overdue, each heading says so in a sentence', () => {
    const blocks = reportOf([anAction({ status: 'On track', originalDueDate: '2027-06-30' })]);
    expect(after(blocks, 'Overdue')).toBe('Nothing is overdue.');
    expect(after(blocks, 'New dates asked for')).toBe('No new date is waiting for a decision.');
    expect(after(blocks, 'Sign-off')).toBe('Nothing is waiting for sign-off.');
  });

  test("the words in the overdue table and a request's reason are checked for acronyms", () => {
    const report = committeeReport({
      plan: aPlan(),
      actions: [{ ...sg1, latestUpdate: null, dateRequest: asked('2027-04-03', 'waiting for the DBS checks', NOV(9)) }],
      history: [aHistoryEntry(sg1, { at: NOV(8), changes: [{ field: 'latestUpdate', from: null, to: 'LSCB asked' }] })],
      glossary: [],
      period: { from: '2026-11-01', to: '2026-11-30' },
      since: 'given',
      today: '2026-11-30',
      madeAt: NOV(30, '12:00'),
    });
    expect(report.glossary.warnings.map((x) => x.acronym).sort()).toEqual(['DBS', 'LSCB']);
  });
});
