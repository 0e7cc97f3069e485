import { newPlan } from '../../../src/domain/plan';
import { myPlans, ownershipOf } from '../../../src/domain/questions/owners-and-plans';
import {
  nextMonth,
  nextWeek,
  thisMonth,
  thisWeek,
  weekCommencing,
  lookBackStart,
} from '../../../src/domain/questions/periods';
import { stateAt, summarise } from '../../../src/domain/questions/summary';
import { Action, HistoryEntry, Role } from '../../../src/domain/types';
import { aHistoryEntry, anAction } from '../../support/builders';

const TODAY = '2026-11-30';
const TZ = 'Europe/London';
const created = (a: Action, at: string): HistoryEntry =>
  aHistoryEntry(a, { at, changes: [{ field: 'status', from: null, to: 'Not started' }] });

describe('the plan as it stood a week ago', () => {
  const late = anAction({
    ref: 'E-1',
    status: 'Delayed',
    originalDueDate: '2026-12-01',
    revisedDueDate: '2027-01-31',
    revisionCount: 1,
  });
  const fresh = anAction({ ref: 'E-2', status: 'On track', originalDueDate: '2027-03-01' });
  const history = [
    created(late, '2026-10-01T09:00:00Z'),
    aHistoryEntry(late, {
      at: '2026-11-26T09:00:00Z',
      changes: [
        { field: 'status', from: 'On track', to: 'Delayed' },
        { field: 'revisedDueDate', from: null, to: '2027-01-31' },
      ],
    }),
    created(fresh, '2026-11-27T09:00:00Z'),
  ];
  test.each<[string, string, string[]]>([
    [
      'before the changes: the old status and date, and no action created since',
      '2026-11-23',
      ['E-1 On track 2026-12-01 null'],
    ],
    [
      'after the changes: as today',
      '2026-11-28',
      ['E-1 Delayed 2026-12-01 2027-01-31', 'E-2 On track 2027-03-01 null'],
    ],
    ['before the plan existed: nothing', '2026-09-01', []],
  ])('%s', (_, date, expected) => {
    expect(
      stateAt([late, fresh], history, date, TZ).map(
        (a) => `${a.ref} ${a.status} ${a.originalDueDate} ${a.revisedDueDate}`,
      ),
    ).toEqual(expected);
  });
});

describe('how are we doing', () => {
  const red = anAction({ ref: 'F-1', status: 'On track', originalDueDate: '2026-11-01' });
  const redLonger = anAction({ ref: 'F-2', status: 'Not started', originalDueDate: '2026-10-01' });
  const amber = anAction({ ref: 'F-3', status: 'At risk', originalDueDate: '2027-02-01' });
  const moved = anAction({
    ref: 'F-4',
    status: 'Delayed',
    originalDueDate: '2026-12-01',
    revisedDueDate: '2027-02-01',
    revisionCount: 3,
  });
  const done = anAction({ ref: 'F-5', status: 'Signed off', originalDueDate: '2026-10-01' });
  const actions = [red, redLonger, amber, moved, done];

  test('counts by RAG and status, overdue, and the biggest risks: red before amber, most overdue, then most moved', () => {
    const s = summarise(
      actions,
      actions.map((a) => created(a, '2026-09-01T09:00:00Z')),
      TODAY,
      TZ,
    );
    expect(s.totals.total).toBe(5);
    expect(s.totals.byRag).toMatchObject({ red: 3, amber: 1, complete: 1, green: 0 });
    expect(s.totals.byStatus).toMatchObject({
      'On track': 1,
      'Not started': 1,
      'At risk': 1,
      Delayed: 1,
      'Signed off': 1,
    });
    expect(s.totals.overdue).toBe(2);
    expect(s.risks.map((r) => `${r.action.ref} ${r.rag}`)).toEqual(['F-2 red', 'F-1 red', 'F-4 red', 'F-3 amber']);
    expect(s.changes?.total).toBe(0);
  });

  test.each<[string, (a: Action[]) => HistoryEntry[], number | null, number | null]>([
    ['a plan newer than a week: no comparison', (as) => as.map((a) => created(a, '2026-11-29T09:00:00Z')), null, null],
    [
      'one action marked at risk this week: amber up by one, green down',
      (as) => [
        ...as.map((a) => created(a, '2026-09-01T09:00:00Z')),
        aHistoryEntry(amber, {
          at: '2026-11-27T09:00:00Z',
          changes: [{ field: 'status', from: 'On track', to: 'At risk' }],
        }),
      ],
      1,
      -1,
    ],
  ])('change since last week: %s', (_, history, amberChange, greenChange) => {
    const s = summarise(actions, history(actions), TODAY, TZ);
    expect(s.changes?.byRag.amber ?? null).toBe(amberChange);
    expect(s.changes?.byRag.green ?? null).toBe(greenChange);
  });

  test('at most five risks', () => {
    const many = Array.from({ length: 9 }, (_, i) => anAction({ ref: `G-${i + 1}`, status: 'Delayed' }));
    expect(summarise(many, [], TODAY, TZ).risks).toHaveLength(5);
  });
});

describe('who owns and my plans', () => {
  test.each<[string, Action, string]>([
    [
      'named owner, revised date',
      anAction({ ref: 'H-1', revisedDueDate: '2027-01-15', agency: 'Police' }),
      'H-1 Alex Wilber alexw@example.com Police 2027-01-15',
    ],
    [
      'owner known by email only',
      anAction({ ref: 'H-2', owner: { email: 'x@example.com', displayName: null, aadObjectId: null } }),
      'H-2 - x@example.com Council 2026-09-30',
    ],
    ['no owner', anAction({ ref: 'H-3', owner: null, originalDueDate: null }), 'H-3 nobody - Council -'],
  ])('%s', (_, action, expected) => {
    const o = ownershipOf(action);
    expect(
      [o.ref, o.owner ? (o.owner.name ?? '-') : 'nobody', o.owner?.email ?? '-', o.agency, o.due ?? '-'].join(' '),
    ).toBe(expected);
  });

  const planA = newPlan({ id: 'a-plan', title: 'Alpha plan', baselineDate: '2026-01-01' });
  const planB = newPlan({ id: 'b-plan', title: 'Beta plan', baselineDate: '2026-01-01' });
  const mine = anAction({ ref: 'M-1', owner: { email: 'me@example.com', displayName: 'Me', aadObjectId: null } });
  const theirs = anAction({ ref: 'M-2' });
  test.each<[string, [plan: typeof planA, roles: Role[], actions: Action[]][], string[]]>([
    [
      'a role in one, an owner in another, by title',
      [
        [planB, ['chair', 'admin'], [theirs]],
        [planA, [], [mine, theirs]],
      ],
      ['a-plan - 1/2', 'b-plan admin,chair 0/1'],
    ],
    ['neither a role nor an action: not listed (cannot read it)', [[planA, [], [theirs]]], []],
  ])('%s', (_, seen, expected) => {
    const plans = myPlans(
      seen.map(([plan, roles, actions]) => ({ plan, roles: new Set(roles), actions, email: 'me@example.com' })),
    );
    expect(plans.map((p) => `${p.plan.id} ${p.roles.join(',') || '-'} ${p.owned}/${p.total}`)).toEqual(expected);
  });
});

describe('periods (weeks start on Monday)', () => {
  test.each<[string, () => { from: string; to: string }, string, string]>([
    ['this week from a Monday', () => thisWeek('2026-11-30'), '2026-11-30', '2026-12-06'],
    ['this week from a Sunday', () => thisWeek('2026-12-06'), '2026-11-30', '2026-12-06'],
    ['next week', () => nextWeek('2026-12-02'), '2026-12-07', '2026-12-13'],
    ['this month', () => thisMonth('2026-11-30'), '2026-11-01', '2026-11-30'],
    ['next month over a year end', () => nextMonth('2026-12-15'), '2027-01-01', '2027-01-31'],
    ['w/c a Wednesday is that week', () => weekCommencing('2026-12-09'), '2026-12-07', '2026-12-13'],
  ])('%s', (_, span, from, to) => {
    expect(span()).toMatchObject({ from, to });
  });
  test.each([
    ['week', '2026-11-23'],
    ['month', '2026-11-01'],
  ] as const)('looking back a %s starts %s', (period, start) => {
    expect(lookBackStart(period, TODAY)).toBe(start);
  });
  // "this month" on the 1st would be one day: in a month's first week it is the last four weeks instead.
  test.each([
    ['2026-12-01', '2026-11-03'],
    ['2026-12-07', '2026-11-09'],
    ['2026-12-08', '2026-12-01'],
    ['2027-03-01', '2027-02-01'],
  ] as const)('looking back a month on %s starts %s', (today, start) => {
    expect(lookBackStart('month', today)).toBe(start);
  });
});
