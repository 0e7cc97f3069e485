import { mondayOf, ragByWeek, RagWeek } from '../../src/domain/rag-weeks';
import { Action, FieldChange, HistoryEntry, RAGS, Status, STATUSES } from '../../src/domain/types';
import { anAction } from '../support/builders';

/** A Wednesday; its week began on Monday 23 Nov 2026. */
const TODAY = '2026-11-25';

type Change = [at: string, changes: FieldChange[]];
interface Spec {
  /** Oldest first; the first entry that sets a status from nothing created the action. */
  changes: Change[];
  /** The action now, where its history does not say (it has none). */
  now?: Partial<Action>;
}

const created = (status: string, due: string): FieldChange[] => [
  { field: 'status', from: null, to: status },
  { field: 'originalDueDate', from: null, to: due },
];
const status = (from: string, to: string): FieldChange[] => [{ field: 'status', from, to }];

const isStatus = (s: string | null): s is Status => (STATUSES as readonly (string | null)[]).includes(s);

/** The action as its history leaves it: the last value each change gave its status and due dates. */
function stateAfter(changes: Change[]): Partial<Action> {
  const state: Partial<Action> = {};
  for (const c of changes.flatMap(([, fields]) => fields)) {
    if (c.field === 'status' && isStatus(c.to)) state.status = c.to;
    if (c.field === 'originalDueDate' && c.to !== null) state.originalDueDate = c.to;
    if (c.field === 'revisedDueDate') state.revisedDueDate = c.to;
  }
  return state;
}

function build(specs: Spec[]): { actions: Action[]; history: HistoryEntry[] } {
  const actions = specs.map((s, i) => anAction({ ref: `A-${i + 1}`, ...stateAfter(s.changes), ...s.now }));
  const history = specs.flatMap((s, i) =>
    s.changes.map(([at, changes]) => ({
      planId: 'test-plan',
      ref: `A-${i + 1}`,
      at,
      by: 'test@example.com',
      via: 'chat' as const,
      changes,
      comment: null,
    })),
  );
  return { actions, history };
}

/** Each week as the cases write it: its Monday, then a colour for each action counted (`2026-11-23 red amber`). */
const asWeeks = (weeks: RagWeek[]): string[] =>
  weeks.map((w) => [w.weekStarting, ...RAGS.flatMap((rag) => Array<string>(w[rag]).fill(rag))].join(' '));

describe('RAG counts week by week, worked back from the history', () => {
  /** Completed at noon UTC on Sunday 22 Nov 2026: still Sunday in London, already Monday in Auckland. */
  const completedLateSunday: Spec[] = [
    {
      changes: [
        ['2026-11-10T10:00:00Z', created('On track', '2027-01-31')],
        ['2026-11-22T12:00:00Z', status('On track', 'Complete')],
      ],
    },
  ];
  type Case = [description: string, specs: Spec[], weeks: string[], timeZone?: string, maxWeeks?: number];
  const cases: Case[] = [
    [
      'no history: only this week, from the actions as they are',
      [{ now: { status: 'Delayed', originalDueDate: '2027-01-31' }, changes: [] }],
      ['2026-11-23 red'],
    ],
    [
      'an action that never changed is the same colour every week since it was created',
      [{ changes: [['2026-11-10T10:00:00Z', created('On track', '2026-12-31')]] }],
      ['2026-11-09 green', '2026-11-16 green', '2026-11-23 green'],
    ],
    [
      'a date passing turns it red at the end of that week; completing it counts from the week it was done',
      [
        {
          changes: [
            ['2026-11-10T10:00:00Z', created('On track', '2026-11-18')],
            ['2026-11-24T09:00:00Z', status('On track', 'Complete')],
          ],
        },
      ],
      ['2026-11-09 green', '2026-11-16 red', '2026-11-23 complete'],
    ],
    [
      'a new date takes it out of red from the week it was approved',
      [
        {
          changes: [
            ['2026-11-03T10:00:00Z', created('On track', '2026-11-12')],
            ['2026-11-20T15:00:00Z', [{ field: 'revisedDueDate', from: null, to: '2026-12-31' }]],
          ],
        },
      ],
      ['2026-11-02 green', '2026-11-09 red', '2026-11-16 green', '2026-11-23 green'],
    ],
    [
      'an action created later is left out of the weeks before it existed',
      [
        { changes: [['2026-11-03T10:00:00Z', created('At risk', '2027-03-01')]] },
        {
          changes: [
            ['2026-11-24T10:00:00Z', created('Not started', '2027-03-01')],
            ['2026-11-25T10:00:00Z', status('Not started', 'Cancelled')],
          ],
        },
      ],
      ['2026-11-02 amber', '2026-11-09 amber', '2026-11-16 amber', '2026-11-23 amber cancelled'],
    ],
    [
      'not started and due within 14 days of the end of a week is amber that week',
      [{ changes: [['2026-11-10T10:00:00Z', created('Not started', '2026-12-01')]] }],
      ['2026-11-09 green', '2026-11-16 amber', '2026-11-23 amber'],
    ],
    [
      "a change is dated in the plan's time zone: late on Sunday in London is Monday in Auckland",
      completedLateSunday,
      ['2026-11-09 green', '2026-11-16 green', '2026-11-23 complete'],
      'Pacific/Auckland',
    ],
    [
      '... and the same change in London counts in the week before',
      completedLateSunday,
      ['2026-11-09 green', '2026-11-16 complete', '2026-11-23 complete'],
    ],
    [
      'at most the last `maxWeeks` weeks',
      [{ changes: [['2025-01-06T10:00:00Z', created('On track', '2027-06-30')]] }],
      ['2026-11-09 green', '2026-11-16 green', '2026-11-23 green'],
      'Europe/London',
      3,
    ],
  ];

  test.each(cases)('%s', (_d, specs, expected, timeZone = 'Europe/London', maxWeeks = 52) => {
    const { actions, history } = build(specs);
    expect(asWeeks(ragByWeek(actions, history, TODAY, timeZone, maxWeeks))).toEqual(expected);
  });

  test('a year of history gives 52 weeks by default, each counting every action that existed', () => {
    const { actions, history } = build([{ changes: [['2024-01-01T10:00:00Z', created('On track', '2027-06-30')]] }]);
    const weeks = ragByWeek(actions, history, TODAY, 'Europe/London');
    expect(weeks).toHaveLength(52);
    expect(weeks[51].weekStarting).toBe('2026-11-23');
    expect(weeks.every((w) => w.green === 1)).toBe(true);
  });

  test.each([
    ['2026-11-23', '2026-11-23'],
    ['2026-11-29', '2026-11-23'],
    ['2026-11-30', '2026-11-30'],
    ['2027-01-01', '2026-12-28'],
  ])('the week of %s starts on Monday %s', (date, monday) => expect(mondayOf(date)).toBe(monday));
});
