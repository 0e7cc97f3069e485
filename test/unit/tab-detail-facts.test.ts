import type { ActionDetail } from '../../tab/src/api-types';
import { detailFacts } from '../../tab/src/view/detail-facts';

const detail = (fields: Partial<ActionDetail>): ActionDetail => ({
  ref: 'SG-1',
  title: 'Ensure that visits to children are clearly recorded',
  theme: 'Safeguarding services',
  agency: 'Council',
  owner: { email: 'alexw@example.com', displayName: 'Alex Wilber' },
  status: 'Delayed',
  rag: 'red',
  dueDate: '2027-04-03',
  originalDueDate: '2026-09-30',
  slipped: true,
  overdue: false,
  daysOverdue: 0,
  awaitingSignOff: false,
  requestedDueDate: null,
  timescale: 'Within three months',
  revisionReason: 'staff sickness',
  revisionCount: 1,
  dateRequest: null,
  latestUpdate: null,
  evidence: [],
  evidenceRequired: [],
  evidenceDue: null,
  history: [],
  measures: [],
  ...fields,
});

const factsOf = (fields: Partial<ActionDetail>) => new Map(detailFacts(detail(fields)));

describe('the action panel lists its facts in words', () => {
  test.each<[string, Partial<ActionDetail>, string, string]>([
    ['a blank agency (sent as "")', { agency: '' }, 'Agency', 'None recorded'],
    ['a blank theme', { theme: '' }, 'Theme', 'None recorded'],
    ['a blank timescale', { timescale: '' }, 'Timescale', 'None recorded'],
    ['an agency', {}, 'Agency', 'Council'],
    ['no owner', { owner: null }, 'Owner', 'No owner'],
    ['an overdue action', { overdue: true, daysOverdue: 3 }, 'RAG', 'Red, 3 days overdue'],
    ['awaiting sign-off', { status: 'Complete', awaitingSignOff: true }, 'Status', 'Complete, awaiting sign-off'],
    ['a date moved once', {}, 'Date moved', '1 time'],
    ['a date moved twice', { revisionCount: 2 }, 'Date moved', '2 times'],
    ['why it moved', {}, 'Why it moved', 'staff sickness'],
  ])('%s', (_, fields, label, value) => {
    expect(factsOf(fields).get(label)).toBe(value);
  });

  test('a date never moved has no "Date moved" line', () => {
    expect(factsOf({ revisionCount: 0, revisionReason: null }).has('Date moved')).toBe(false);
  });
});
