import { Action, HistoryEntry } from '../../src/domain/types';

export function anAction(overrides: Partial<Action> = {}): Action {
  return {
    planId: 'test-plan',
    ref: 'SG-1',
    theme: 'Safeguarding services',
    title: 'Ensure that visits to children are clearly recorded',
    timescale: 'Within three months',
    originalDueDate: '2026-09-30',
    revisedDueDate: null,
    revisionReason: null,
    revisionCount: 0,
    owner: { email: 'alexw@example.com', displayName: 'Alex Wilber', aadObjectId: null },
    agency: 'Council',
    status: 'Not started',
    measure: { indicator: '% of visits recorded', target: '95%', latest: null },
    evidence: [],
    latestUpdate: null,
    dateRequest: null,
    ...overrides,
  };
}

export function aHistoryEntry(action: Action, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    planId: action.planId,
    ref: action.ref,
    at: '2026-11-21T10:00:00.000Z',
    by: 'test@example.com',
    via: 'cli',
    changes: [{ field: 'status', from: null, to: action.status }],
    comment: null,
    ...overrides,
  };
}
