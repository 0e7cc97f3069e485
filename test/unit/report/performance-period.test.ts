import { committeeReport } from '../../../src/domain/report/committee-report';
import { Action, HistoryEntry } from '../../../src/domain/types';
import { aHistoryEntry, anAction, aMeasureRow, aPlan } from '../../support/builders';

/** The import that brought an action in, on `day` (how the history tells when an action came to be). */
const imported = (action: Action, day: string): HistoryEntry =>
  aHistoryEntry(action, {
    at: `${day}T10:00:00.000Z`,
    via: 'import',
    changes: [{ field: 'status', from: null, to: action.status }],
  });

const SG1 = anAction({ ref: 'SG-1', status: 'On track', originalDueDate: '2026-12-31' });
const SG2 = anAction({ ref: 'SG-2', status: 'On track', originalDueDate: '2026-12-31' });
const HISTORY = [imported(SG1, '2026-09-29'), imported(SG2, '2026-10-20')];
// Values given since for months that began before either import (a council's earlier figures).
const ROWS = [aMeasureRow({ ref: 'SG-1' }), aMeasureRow({ ref: 'SG-2' })];

describe('the performance book of a report for a past period', () => {
  test.each<[string, { from: string; to: string }, string[]]>([
    ['before the plan was imported: no actions, so no measures either', { from: '2026-07-01', to: '2026-09-28' }, []],
    ['after the first import only: that action’s measure', { from: '2026-07-01', to: '2026-09-30' }, ['SG-1']],
    ['to today: every action’s', { from: '2026-10-01', to: '2026-11-30' }, ['SG-1', 'SG-2']],
  ])('%s', (_, period, refs) => {
    const report = committeeReport({
      plan: aPlan(),
      actions: [SG1, SG2],
      history: HISTORY,
      glossary: [],
      period,
      since: 'given',
      today: '2026-11-30',
      madeAt: '2026-11-30T12:00:00.000Z',
      measures: ROWS,
    });
    expect(report.appendix.map((row) => row.action.ref)).toEqual(refs);
    const { performance } = report;
    expect(performance.recorded ? performance.rows.map((r) => r.ref) : []).toEqual(refs);
    expect(performance.recorded).toBe(refs.length > 0);
  });
});
