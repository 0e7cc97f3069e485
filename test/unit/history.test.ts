import { diffActions, FIELD_LABELS, historyEntry } from '../../src/domain/history';
import { Action, FieldChange } from '../../src/domain/types';
import { anAction } from '../support/builders';

const alex = { email: 'alexw@example.com', displayName: 'Alex Wilber', aadObjectId: null };
const link = (url: string) => ({ url, note: url, addedBy: 'alexw@example.com', addedAt: '2026-07-01T09:30:00.000Z' });

describe('diffActions', () => {
  test('a new action lists every field it has a value for, from nothing', () => {
    expect(diffActions(null, anAction())).toEqual([
      { field: 'theme', from: null, to: 'Safeguarding services' },
      { field: 'title', from: null, to: 'Ensure that visits to children are clearly recorded' },
      { field: 'timescale', from: null, to: 'Within three months' },
      { field: 'originalDueDate', from: null, to: '2026-09-30' },
      { field: 'owner', from: null, to: 'alexw@example.com' },
      { field: 'ownerName', from: null, to: 'Alex Wilber' },
      { field: 'agency', from: null, to: 'Council' },
      { field: 'status', from: null, to: 'Not started' },
      { field: 'measure', from: null, to: '% of visits recorded' },
      { field: 'measureTarget', from: null, to: '95%' },
    ]);
  });

  test('an unchanged action has no changes', () => {
    expect(diffActions(anAction(), anAction())).toEqual([]);
  });

  type Case = [description: string, before: Partial<Action>, after: Partial<Action>, changes: FieldChange[]];
  const cases: Case[] = [
    ['status', {}, { status: 'On track' }, [{ field: 'status', from: 'Not started', to: 'On track' }]],
    [
      'a new date and its reason',
      {},
      { revisedDueDate: '2026-10-31', revisionReason: 'supplier late', revisionCount: 1 },
      [
        { field: 'revisedDueDate', from: null, to: '2026-10-31' },
        { field: 'revisionReason', from: null, to: 'supplier late' },
      ],
    ],
    [
      'a blank theme reads as nothing, not an empty string',
      {},
      { theme: '' },
      [{ field: 'theme', from: 'Safeguarding services', to: null }],
    ],
    [
      'a blank agency reads as nothing',
      { agency: '' },
      { agency: 'Health' },
      [{ field: 'agency', from: null, to: 'Health' }],
    ],
    [
      'a new owner, by email and name',
      {},
      { owner: { email: 'meganb@example.com', displayName: 'Megan Bowen', aadObjectId: null } },
      [
        { field: 'owner', from: 'alexw@example.com', to: 'meganb@example.com' },
        { field: 'ownerName', from: 'Alex Wilber', to: 'Megan Bowen' },
      ],
    ],
    [
      'the owner removed',
      {},
      { owner: null },
      [
        { field: 'owner', from: 'alexw@example.com', to: null },
        { field: 'ownerName', from: 'Alex Wilber', to: null },
      ],
    ],
    [
      'only the owner’s name learned',
      { owner: { ...alex, displayName: null } },
      { owner: alex },
      [{ field: 'ownerName', from: null, to: 'Alex Wilber' }],
    ],
    ['the owner’s directory id is not something people see', {}, { owner: { ...alex, aadObjectId: '0000-1111' } }, []],
    ['the revision count alone is not shown', {}, { revisionCount: 3 }, []],
    [
      'the measure’s latest value',
      {},
      { measures: [{ indicator: '% of visits recorded', target: '95%', latest: '80%' }] },
      [{ field: 'measureLatest', from: null, to: '80%' }],
    ],
    [
      'the measure removed',
      {},
      { measures: [] },
      [
        { field: 'measure', from: '% of visits recorded', to: null },
        { field: 'measureTarget', from: '95%', to: null },
      ],
    ],
    [
      'evidence added, one line each, the link or else the note',
      { evidence: [link('https://example.com/a')] },
      {
        evidence: [link('https://example.com/a'), { url: null, note: 'Board minutes', addedBy: 'x', addedAt: 'y' }],
      },
      [{ field: 'evidence', from: 'https://example.com/a', to: 'https://example.com/a\nBoard minutes' }],
    ],
    [
      'the latest update’s text',
      {},
      { latestUpdate: { text: 'Spoke to supplier', by: 'alexw@example.com', at: '2026-07-01T09:30:00.000Z' } },
      [{ field: 'latestUpdate', from: null, to: 'Spoke to supplier' }],
    ],
    [
      'a date request, as date and reason',
      {},
      {
        dateRequest: {
          date: '2026-10-31',
          reason: 'supplier late',
          by: 'alexw@example.com',
          at: '2026-07-01T09:30:00.000Z',
        },
      },
      [{ field: 'dateRequest', from: null, to: '2026-10-31: supplier late' }],
    ],
    [
      'several fields at once, in a fixed order',
      {},
      { status: 'Delayed', title: 'New wording', revisedDueDate: '2026-12-01' },
      [
        { field: 'title', from: 'Ensure that visits to children are clearly recorded', to: 'New wording' },
        { field: 'revisedDueDate', from: null, to: '2026-12-01' },
        { field: 'status', from: 'Not started', to: 'Delayed' },
      ],
    ],
  ];

  test.each(cases)('%s', (_d, before, after, changes) => {
    expect(diffActions(anAction(before), anAction(after))).toEqual(changes);
  });

  test('every field a diff can report has a label', () => {
    const everything = anAction({
      revisedDueDate: '2026-10-31',
      revisionReason: 'late',
      measures: [{ indicator: 'i', target: 't', latest: 'l' }],
      evidence: [link('https://example.com/a')],
      latestUpdate: { text: 'u', by: 'b', at: 'a' },
      dateRequest: { date: '2026-11-30', reason: 'r', by: 'b', at: 'a' },
    });
    const fields = diffActions(null, everything).map((c) => c.field);
    expect(fields).toHaveLength(16);
    for (const field of fields) expect(FIELD_LABELS[field]).toEqual(expect.any(String));
  });
});

describe('FIELD_LABELS: the words history shows', () => {
  test.each([
    ['title', 'Action'],
    ['originalDueDate', 'Original due date'],
    ['revisedDueDate', 'Revised due date'],
    ['revisionReason', 'Reason for new date'],
    ['agency', 'Lead agency'],
    ['measureTarget', 'Target'],
    ['measureLatest', 'Latest value'],
    ['dateRequest', 'New date requested'],
    ['status', 'Status'],
    ['owner', 'Owner'],
    ['ownerName', 'Owner name'],
  ])('%s → %s', (field, label) => expect(FIELD_LABELS[field]).toBe(label));
});

describe('historyEntry', () => {
  const changes: FieldChange[] = [{ field: 'status', from: 'Not started', to: 'On track' }];

  test('names the action, who, how and when, with the changes', () => {
    const action = anAction({ planId: 'ofsted-2026', ref: 'LAC-3' });
    expect(
      historyEntry(action, changes, {
        by: 'alexw@example.com',
        via: 'chat',
        at: '2026-07-01T09:30:00.000Z',
        comment: 'going well',
      }),
    ).toEqual({
      planId: 'ofsted-2026',
      ref: 'LAC-3',
      at: '2026-07-01T09:30:00.000Z',
      by: 'alexw@example.com',
      via: 'chat',
      changes,
      comment: 'going well',
    });
  });

  test.each([
    ['no comment given', {}],
    ['a null comment', { comment: null }],
  ])('%s is stored as null', (_d, comment) => {
    expect(
      historyEntry(anAction(), changes, { by: 'cli', via: 'import', at: '2026-07-01T09:30:00.000Z', ...comment })
        .comment,
    ).toBeNull();
  });
});
