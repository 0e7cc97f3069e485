import { reminderView } from '../../src/cards/reminder-view';
import { plansByAttention, PlanToOrder } from '../../src/domain/reminder-order';
import { addDays } from '../../src/domain/calendar';
import { Action, IsoDate } from '../../src/domain/types';
import { anAction } from '../support/builders';

const TODAY: IsoDate = '2026-11-30';
/** An action due `days` days from today (negative: that many days overdue), on track. */
const due = (ref: string, days: number, overrides: Partial<Action> = {}) =>
  anAction({ ref, originalDueDate: addDays(TODAY, days), status: 'On track', ...overrides });
const plan = (planTitle: string, actions: Action[], today = TODAY): PlanToOrder => ({
  planId: planTitle.toLowerCase().replace(/\W+/g, '-'),
  planTitle,
  today,
  actions,
});

describe('a reminder’s plans are ordered by what needs attention, most overdue first', () => {
  test.each<[string, PlanToOrder[], string[]]>([
    [
      'a plan with only a green action comes after one with an action 56 days overdue, whatever the titles',
      [plan('A plan that is fine', [due('1.1', 5)]), plan('Youth justice plan', [due('R3', -56)])],
      ['Youth justice plan', 'A plan that is fine'],
    ],
    [
      'the most overdue action decides, not how many actions a plan has',
      [plan('Many a little late', [due('1', -2), due('2', -3), due('3', -4)]), plan('One very late', [due('R3', -40)])],
      ['One very late', 'Many a little late'],
    ],
    [
      'equally late: the plan with more overdue actions first',
      [plan('One late', [due('1', -10)]), plan('Two late', [due('1', -10), due('2', -1)])],
      ['Two late', 'One late'],
    ],
    [
      'nothing overdue anywhere: by title',
      [plan('Zeta', [due('1', 3)]), plan('Alpha', [due('1', 10)])],
      ['Alpha', 'Zeta'],
    ],
    [
      'a completed action is not overdue, however old its date',
      [plan('Done long ago', [due('1', -90, { status: 'Complete' })]), plan('Due soon', [due('1', -1)])],
      ['Due soon', 'Done long ago'],
    ],
    [
      'each plan is read as of its own today',
      [plan('Behind in its own time', [due('1', 0)], addDays(TODAY, 3)), plan('Ahead', [due('1', 0)])],
      ['Behind in its own time', 'Ahead'],
    ],
  ])('%s', (_case, plans, expected) => {
    expect(plansByAttention(plans).map((p) => p.planTitle)).toEqual(expected);
    expect(plansByAttention([...plans].reverse()).map((p) => p.planTitle)).toEqual(expected);
  });

  test('the card’s sections follow that order', () => {
    const green = plan('A plan that is fine', [due('1.1', 5)]);
    const late = plan('Youth justice plan', [due('R3', -56)]);
    const view = reminderView({ email: 'pattif@example.com', teamsUserId: null }, [green, late]);
    expect(view.sections.map((s) => s.planId)).toEqual([late.planId, green.planId]);
    expect(view.firstChoice).toBe(`${late.planId}/R3`);
  });
});
