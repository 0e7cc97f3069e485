import {
  isoWeek,
  reminderRunIdFor,
  remindersAcrossPlans,
  remindersByOwner,
  runIdFor,
} from '../../src/domain/reminders';
import { anAction } from '../support/builders';

const owner = (email: string) => ({ email, displayName: null, aadObjectId: null });

describe('who gets a reminder', () => {
  const actions = [
    anAction({ ref: 'A-1', owner: owner('a@x.org'), originalDueDate: '2026-11-01', status: 'On track' }), // overdue
    anAction({ ref: 'A-2', owner: owner('a@x.org'), originalDueDate: '2026-12-01', status: 'Not started' }), // due soon
    anAction({ ref: 'A-3', owner: owner('a@x.org'), originalDueDate: '2027-06-01', status: 'Not started' }), // later
    anAction({ ref: 'B-1', owner: owner('b@x.org'), originalDueDate: '2026-10-01', status: 'Complete' }), // finished
    anAction({
      ref: 'C-1',
      owner: owner('c@x.org'),
      originalDueDate: '2026-11-20',
      revisedDueDate: '2027-01-31',
      status: 'Delayed',
    }), // moved later
    anAction({ ref: 'D-1', owner: null, originalDueDate: '2026-01-01' }), // nobody to remind
    anAction({ ref: 'E-2', owner: owner('e@x.org'), originalDueDate: '2026-11-21' }),
    anAction({ ref: 'E-10', owner: owner('e@x.org'), originalDueDate: '2026-11-21' }),
  ];
  const reminders = remindersByOwner(actions, '2026-11-21');

  test('owners with overdue or due-in-14-days actions, and no one else', () => {
    expect([...reminders.keys()].sort()).toEqual(['a@x.org', 'e@x.org']);
  });

  test('each owner gets all of theirs that are due, most overdue first', () => {
    expect(reminders.get('a@x.org')!.map((a) => a.ref)).toEqual(['A-1', 'A-2']);
    expect(reminders.get('e@x.org')!.map((a) => a.ref)).toEqual(['E-2', 'E-10']);
  });
});

describe('weekly run ids', () => {
  test.each([
    ['2026-11-21', '2026-W47'],
    ['2026-11-23', '2026-W48'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2026-03-29', '2026-W13'], // clock-change Sunday
    ['2026-03-30', '2026-W14'],
  ])('%s is in %s', (date, week) => expect(isoWeek(date)).toBe(week));

  test('a run id names the job, the plan and the week; forcing makes a new one', () => {
    expect(runIdFor('remind', 'ofsted-2011', '2026-11-21')).toBe('remind|ofsted-2011|2026-W47');
    expect(runIdFor('digest', 'ofsted-2011', '2026-11-21', new Date('2026-11-21T10:00:00Z'))).toBe(
      'digest|ofsted-2011|2026-W47|forced-2026-11-21T10:00:00.000Z',
    );
  });
});

describe('one reminder per person across plans', () => {
  const due = (ref: string, email: string, date: string) =>
    anAction({ ref, owner: owner(email), originalDueDate: date, status: 'Not started' });
  const plans = [
    {
      planId: 'ofsted',
      today: '2026-11-21',
      actions: [due('S-1', 'a@x.org', '2026-11-01'), due('S-2', 'b@x.org', '2027-06-01')],
    },
    {
      planId: 'audit',
      today: '2026-11-21',
      actions: [
        due('R-1', 'a@x.org', '2026-11-25'),
        due('R-2', 'b@x.org', '2026-11-22'),
        due('R-3', 'c@x.org', '2026-11-01'),
      ],
    },
  ];

  test.each([
    [
      ['ofsted', 'audit'],
      { 'a@x.org': ['ofsted:S-1', 'audit:R-1'], 'b@x.org': ['audit:R-2'], 'c@x.org': ['audit:R-3'] },
    ],
    // Only the Ofsted plan's time has come: a is due there, so gets both plans now; b and c wait for the audit's time.
    [['ofsted'], { 'a@x.org': ['ofsted:S-1', 'audit:R-1'] }],
    [['audit'], { 'a@x.org': ['ofsted:S-1', 'audit:R-1'], 'b@x.org': ['audit:R-2'], 'c@x.org': ['audit:R-3'] }],
    [[], {}],
  ])('plans in scope %j: %j', (scope, expected) => {
    const got = remindersAcrossPlans(plans, new Set(scope));
    expect(
      Object.fromEntries(
        [...got].map(([email, perPlan]) => [
          email,
          perPlan.flatMap((p) => p.actions.map((a) => `${p.planId}:${a.ref}`)),
        ]),
      ),
    ).toEqual(expected);
  });

  test('the week’s run is one for everyone, whatever the plan', () => {
    expect(reminderRunIdFor('2026-11-21')).toBe('remind|*|2026-W47');
    expect(reminderRunIdFor('2026-11-21', new Date('2026-11-21T10:00:00Z'))).toBe(
      'remind|*|2026-W47|forced-2026-11-21T10:00:00.000Z',
    );
  });
});
