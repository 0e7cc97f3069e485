import { isoWeek, remindersByOwner, runIdFor } from '../../src/domain/reminders';
import { anAction } from '../support/builders';

const owner = (email: string) => ({ email, displayName: null, aadObjectId: null });

describe('who gets a reminder', () => {
  const actions = [
    anAction({ ref: 'A-1', owner: owner('a@x.org'), originalDueDate: '2026-11-01', status: 'On track' }), // overdue
    anAction({ ref: 'A-2', owner: owner('a@x.org'), originalDueDate: '2026-12-01', status: 'Not started' }), // due soon
    anAction({ ref: 'A-3', owner: owner('a@x.org'), originalDueDate: '2027-06-01', status: 'Not started' }), // later
    anAction({ ref: 'B-1', owner: owner('b@x.org'), originalDueDate: '2026-10-01', status: 'Complete' }), // finished
    anAction({ ref: 'C-1', owner: owner('c@x.org'), originalDueDate: '2026-11-20', revisedDueDate: '2027-01-31', status: 'Delayed' }), // moved later
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
    expect(runIdFor('digest', 'ofsted-2011', '2026-11-21', new Date('2026-11-21T10:00:00Z'))).toBe('digest|ofsted-2011|2026-W47|forced-2026-11-21T10:00:00.000Z');
  });
});
