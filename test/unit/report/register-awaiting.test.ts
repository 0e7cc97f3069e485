import { awaiting } from '../../../src/domain/report/register';
import { Evidence } from '../../../src/domain/types';
import { aHistoryEntry, anAction } from '../../support/builders';

const given = (item: string): Evidence => ({
  url: 'https://example.com/a.pdf',
  note: 'https://example.com/a.pdf',
  addedBy: 'pattif@example.com',
  addedAt: '2026-11-20T10:00:00Z',
  item,
});

test.each([
  ['one of two items given', ['Audit report', 'Training records'], [given('Audit report')], ['Training records']],
  ['every item given', ['Audit report'], [given('Audit report')], []],
  ['no items named', undefined, [], []],
])('awaiting sign-off names what the board still expects: %s', (_label, required, evidence, missing) => {
  const action = anAction({ status: 'Complete', evidenceRequired: required, evidence });
  const done = aHistoryEntry(action, {
    at: '2026-11-20T10:00:00Z',
    changes: [{ field: 'status', from: 'On track', to: 'Complete' }],
  });
  const [row] = awaiting([action], [done], '2026-11-30', 'Europe/London');
  expect(row.missing).toEqual(missing);
  expect(row.daysWaiting).toBe(10);
});
