import { ownerToldOfDecision, ownerToldOfMovedDate } from '../../src/domain/date-decisions';
import { dateDecided, Notification } from '../../src/domain/notifications';
import { PlanName, refInPlan, typedRef } from '../../src/domain/ref-in-plan';
import { ownerToldOfStatusSet } from '../../src/domain/status-notices';
import { anAction } from '../support/builders';

const SEND: PlanName = { id: 'send-wsoa', title: 'SEND Written Statement of Action' };
const megan = { email: 'meganb@example.com', name: 'Megan Bowen' };

describe('a ref named with its plan, when the reader can see the same ref in another plan', () => {
  test.each<[plan: PlanName | null, named: string, typed: string]>([
    [SEND, 'R3 in SEND Written Statement of Action (send-wsoa/R3)', 'send-wsoa/R3'],
    [null, 'R3', 'R3'],
  ])('%j', (plan, named, typed) => {
    expect(refInPlan('R3', plan)).toBe(named);
    expect(typedRef('R3', plan)).toBe(typed);
  });
});

// anAction() is SG-1, due 30 Sep 2026, owned by alexw@example.com.
const request = {
  date: '2026-10-31',
  reason: 'supplier late',
  by: 'alexw@example.com',
  at: '2026-06-20T12:00:00.000Z',
};
const declined = dateDecided(anAction(), request, 'decline', megan, 'board fixed', anAction()) as Extract<
  Notification,
  { kind: 'date-decided' }
>;
const moved: Extract<Notification, { kind: 'date-moved' }> = {
  kind: 'date-moved',
  planId: 'send-wsoa',
  ref: 'SG-1',
  from: '2026-09-30',
  to: '2026-10-31',
  reason: 'the audit is rebooked',
  by: megan,
  status: { from: 'On track', to: 'On track' },
};
const set: Extract<Notification, { kind: 'status-set' }> = {
  kind: 'status-set',
  planId: 'send-wsoa',
  ref: 'SG-1',
  status: { from: 'Complete', to: 'Signed off' },
  reason: null,
  by: megan,
};

describe('notices name the plan when asked to, and word the ref to send back with it', () => {
  test.each<[description: string, told: (plan: PlanName | null) => string, withPlan: string, without: string]>([
    [
      'a new date declined: the example to send again names the plan too',
      (plan) => ownerToldOfDecision(declined, anAction(), '2026-07-02', plan),
      'Your new date for SG-1 in SEND Written Statement of Action (send-wsoa/SG-1), 31 Oct 2026, was declined by Megan Bowen: board fixed. SG-1 stays not started, due 30 Sep 2026. If it can’t be done by then, send another date and why, for example: move send-wsoa/SG-1 to 30/11/2026 because …',
      'Your new date for SG-1, 31 Oct 2026, was declined by Megan Bowen: board fixed. SG-1 stays not started, due 30 Sep 2026. If it can’t be done by then, send another date and why, for example: move SG-1 to 30/11/2026 because …',
    ],
    [
      'a date moved',
      (plan) => ownerToldOfMovedDate(moved, plan),
      'Megan Bowen moved the due date of SG-1 in SEND Written Statement of Action (send-wsoa/SG-1) to 31 Oct 2026 (it was 30 Sep 2026): the audit is rebooked',
      'Megan Bowen moved SG-1’s due date to 31 Oct 2026 (it was 30 Sep 2026): the audit is rebooked',
    ],
    [
      'signed off',
      (plan) => ownerToldOfStatusSet(set, plan),
      'Megan Bowen signed off SG-1 in SEND Written Statement of Action (send-wsoa/SG-1). SG-1 is now signed off (it was complete).',
      'Megan Bowen signed off SG-1. SG-1 is now signed off (it was complete).',
    ],
  ])('%s', (_d, told, withPlan, without) => {
    expect(told(SEND)).toBe(withPlan);
    expect(told(null)).toBe(without);
  });
});
