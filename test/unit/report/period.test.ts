import { reportPeriod } from '../../../src/domain/report/period';

const base = { today: '2026-11-30', baselineDate: '2026-06-01', earlierReports: [] as string[] };

describe('the period a report covers', () => {
  test.each([
    ['no report yet: from the baseline to today', {}, { from: '2026-06-01', to: '2026-11-30' }, 'baseline'],
    [
      'from the last report',
      { earlierReports: ['2026-09-01', '2026-10-15'] },
      { from: '2026-10-15', to: '2026-11-30' },
      'lastReport',
    ],
    [
      'a report made earlier today is not the last report',
      { earlierReports: ['2026-10-15', '2026-11-30'] },
      { from: '2026-10-15', to: '2026-11-30' },
      'lastReport',
    ],
    ['dates given', { from: '2026-11-01', to: '2026-11-15' }, { from: '2026-11-01', to: '2026-11-15' }, 'given'],
    [
      'only the end given, before the last report',
      { to: '2026-09-30', earlierReports: ['2026-10-15'] },
      { from: '2026-06-01', to: '2026-09-30' },
      'baseline',
    ],
    ['a baseline after the end given', { to: '2026-05-01' }, { from: '2026-05-01', to: '2026-05-01' }, 'baseline'],
  ])('%s', (_, input, period, since) => {
    expect(reportPeriod({ ...base, ...input })).toEqual({ ok: true, period, since });
  });

  test.each([
    ['a date that does not exist', { from: '2026-02-31' }, { code: 'badDate', which: 'from', text: '2026-02-31' }],
    ['a UK-style date', { to: '30/09/2026' }, { code: 'badDate', which: 'to', text: '30/09/2026' }],
    ['an end after today', { to: '2026-12-01' }, { code: 'future', to: '2026-12-01', today: '2026-11-30' }],
    [
      'a start after the end',
      { from: '2026-11-20', to: '2026-11-10' },
      { code: 'fromAfterTo', from: '2026-11-20', to: '2026-11-10' },
    ],
  ])('refuses %s', (_, input, problem) => {
    expect(reportPeriod({ ...base, ...input })).toEqual({ ok: false, problem });
  });
});
