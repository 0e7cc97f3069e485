import { actionDetail, actionTile, planPage } from '../../src/domain/plan-on-a-page';
import { newPlan } from '../../src/domain/plan';
import { Action, Status } from '../../src/domain/types';
import { aHistoryEntry, anAction } from '../support/builders';

const TODAY = '2026-11-25';
const names: Record<string, string> = { 'pattif@example.com': 'Patti Fernandez' };
const nameOf = (email: string) => names[email] ?? email;

describe('an action as a tile', () => {
  const cases: [string, Partial<Action>, Record<string, unknown>][] = [
    [
      'on time: the current date is the original one',
      { status: 'On track', originalDueDate: '2026-12-31' },
      { rag: 'green', dueDate: '2026-12-31', slipped: false, overdue: false, daysOverdue: 0, awaitingSignOff: false },
    ],
    [
      'moved: the current date is the revised one, shown beside the original',
      { status: 'On track', originalDueDate: '2026-10-31', revisedDueDate: '2027-01-31' },
      { rag: 'green', dueDate: '2027-01-31', originalDueDate: '2026-10-31', slipped: true, overdue: false },
    ],
    [
      'overdue: red, with the days since its date',
      { status: 'At risk', originalDueDate: '2026-11-15' },
      { rag: 'red', overdue: true, daysOverdue: 10, slipped: false },
    ],
    [
      'complete and not signed off: waiting for sign-off, never overdue',
      { status: 'Complete', originalDueDate: '2026-11-01' },
      { rag: 'complete', overdue: false, daysOverdue: 0, awaitingSignOff: true },
    ],
    ['signed off: not waiting any more', { status: 'Signed off' }, { rag: 'complete', awaitingSignOff: false }],
    ['no date: nothing slipped', { originalDueDate: null }, { dueDate: null, slipped: false, overdue: false }],
    [
      'a new date asked for: shown beside the due date, which stands until it is decided',
      {
        status: 'Delayed',
        originalDueDate: '2026-10-05',
        dateRequest: {
          date: '2027-01-31',
          reason: 'two posts vacant',
          by: 'pattif@example.com',
          at: '2026-11-20T10:00:00Z',
        },
      },
      { dueDate: '2026-10-05', requestedDueDate: '2027-01-31', slipped: false, overdue: true },
    ],
    ['nothing asked for', { status: 'On track' }, { requestedDueDate: null }],
  ];
  test.each(cases)('%s', (_d, fields, expected) => {
    expect(actionTile(anAction(fields), TODAY, nameOf)).toMatchObject(expected);
  });

  test.each<[string, Action['owner'], unknown]>([
    [
      'an owner with a name in the plan',
      { email: 'a@x.org', displayName: 'Ann', aadObjectId: null },
      { email: 'a@x.org', displayName: 'Ann' },
    ],
    [
      'an owner named only in the directory',
      { email: 'pattif@example.com', displayName: null, aadObjectId: null },
      { email: 'pattif@example.com', displayName: 'Patti Fernandez' },
    ],
    [
      'an owner nobody has named: their email',
      { email: 'b@x.org', displayName: null, aadObjectId: null },
      { email: 'b@x.org', displayName: 'b@x.org' },
    ],
    ['no owner', null, null],
  ])('%s', (_d, owner, expected) => expect(actionTile(anAction({ owner }), TODAY, nameOf).owner).toEqual(expected));
});

describe('the plan on a page', () => {
  const at = (ref: string, theme: string, status: Status, agency = 'Council'): Action =>
    anAction({ ref, theme, status, agency, originalDueDate: '2027-03-01' });
  const actions = [
    at('SG-10', 'Safeguarding', 'On track'),
    at('LAC-2', 'Looked after children', 'Delayed', 'Health'),
    at('SG-2', 'Safeguarding', 'Complete'),
    at('LAC-1', 'Looked after children', 'At risk', ''),
    at('SG-1', 'Safeguarding', 'Cancelled', 'Police'),
  ];
  const page = planPage(
    newPlan({ id: 'p', title: 'Plan', baselineDate: '2026-09-01' }),
    actions,
    [],
    TODAY,
    nameOf,
    null,
  );

  test('themes in the order of their first reference, actions in natural ref order', () => {
    expect(page.themes.map((t) => [t.name, t.actions.map((a) => a.ref)])).toEqual([
      ['Looked after children', ['LAC-1', 'LAC-2']],
      ['Safeguarding', ['SG-1', 'SG-2', 'SG-10']],
    ]);
  });

  test('counts by RAG and by every status, zeros included', () => {
    expect(page.counts.byRag).toEqual({ red: 1, amber: 1, green: 1, complete: 1, cancelled: 1 });
    expect(page.counts.byStatus).toEqual({
      'Not started': 0,
      'On track': 1,
      'At risk': 1,
      Delayed: 1,
      Complete: 1,
      'Signed off': 0,
      Cancelled: 1,
    });
  });

  test('filters: the agencies named (none blank), the owners once each', () => {
    expect(page.filters.agencies).toEqual(['Council', 'Health', 'Police']);
    expect(page.filters.owners).toEqual([{ email: 'alexw@example.com', displayName: 'Alex Wilber' }]);
  });

  test('with no history, the chart is this week alone; measures wait for their issue', () => {
    expect(page.ragByWeek).toEqual([{ weekStarting: '2026-11-23', ...page.counts.byRag }]);
    expect(page.measures).toBeNull();
  });
});

test('the detail names people, keeps the history newest first, and puts its comment after its lines', () => {
  const action = anAction({
    status: 'Delayed',
    evidence: [{ url: null, note: 'Audit booked', addedBy: 'pattif@example.com', addedAt: '2026-11-20T10:00:00Z' }],
    latestUpdate: { text: 'Waiting for the supplier', by: 'pattif@example.com', at: '2026-11-21T10:00:00Z' },
  });
  const newer = aHistoryEntry(action, {
    at: '2026-11-21T10:00:00Z',
    by: 'pattif@example.com',
    via: 'chat',
    changes: [{ field: 'status', from: 'On track', to: 'Delayed' }],
    comment: 'Supplier problems',
  });
  const older = aHistoryEntry(action, { at: '2026-11-01T10:00:00Z', by: 'import', via: 'import' });
  const detail = actionDetail(action, [newer, older], TODAY, nameOf, null);
  expect(detail.history).toEqual([
    { at: newer.at, by: 'Patti Fernandez', via: 'chat', lines: ['Status: On track → Delayed', 'Supplier problems'] },
    { at: older.at, by: null, via: 'import', lines: [expect.stringMatching(/^Imported: /)] },
  ]);
  expect(detail.evidence[0].addedBy).toBe('Patti Fernandez');
  expect(detail.latestUpdate?.by).toBe('Patti Fernandez');
  expect(detail).toMatchObject({ rag: 'red', timescale: action.timescale, revisionCount: 0, dateRequest: null });
});

test.each([
  ['no items named', undefined, [], []],
  [
    'one of two items given',
    ['Audit report', 'Training records'],
    [
      {
        url: 'https://example.com/audit.pdf',
        note: 'audit',
        addedBy: 'pattif@example.com',
        addedAt: '2026-11-20T10:00:00Z',
        item: 'Audit report',
      },
    ],
    [
      { item: 'Audit report', given: true },
      { item: 'Training records', given: false },
    ],
  ],
])('the detail shows the evidence the board expects: %s', (_label, required, evidence, checklist) => {
  const action = anAction({ evidenceRequired: required, evidenceDue: required ? '2026-12-15' : undefined, evidence });
  const detail = actionDetail(action, [], TODAY, nameOf, null);
  expect(detail.evidenceRequired).toEqual(checklist);
  expect(detail.evidenceDue).toBe(required ? '2026-12-15' : null);
  expect(detail.evidence.map((e) => [e.item, e.addedBy])).toEqual(evidence.map((e) => [e.item, 'Patti Fernandez']));
});
