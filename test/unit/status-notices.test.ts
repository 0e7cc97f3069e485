import { ownerToldOfStatus } from '../../src/domain/notifications';
import { ownerToldOfStatusSet } from '../../src/domain/status-notices';
import { Action } from '../../src/domain/types';
import { anAction } from '../support/builders';

// anAction() is SG-1, not started, owned by alexw@example.com.
const megan = { email: 'meganb@example.com', name: 'Megan Bowen' };
const told = (before: Action, after: Action, by: typeof megan, reason: string | null) =>
  ownerToldOfStatus(before, after, by, reason).map((n) => (n.kind === 'status-set' ? ownerToldOfStatusSet(n) : n.kind));

describe('ownerToldOfStatus: the owner reads who changed their action’s status, to what, from what, and why', () => {
  test.each<[description: string, before: Action, after: Action, reason: string | null, expected: string[]]>([
    [
      'cancelled by an administrator, with the reason',
      anAction(),
      anAction({ status: 'Cancelled' }),
      ' the service was merged ',
      ['Megan Bowen cancelled SG-1: the service was merged. SG-1 is now cancelled (it was not started).'],
    ],
    [
      'signed off, no reason',
      anAction({ status: 'Complete' }),
      anAction({ status: 'Signed off' }),
      null,
      ['Megan Bowen signed off SG-1. SG-1 is now signed off (it was complete).'],
    ],
    [
      'marked at risk by an administrator, a reason that ends its own sentence',
      anAction({ status: 'On track' }),
      anAction({ status: 'At risk' }),
      'Trainer off sick.',
      ['Megan Bowen marked SG-1 at risk: Trainer off sick. SG-1 is now at risk (it was on track).'],
    ],
    ['a note, the status as it was: nobody is told', anAction(), anAction(), 'a note', []],
  ])('%s', (_d, before, after, reason, expected) => {
    expect(told(before, after, megan, reason)).toEqual(expected);
  });

  test('an owner who changes their own action’s status is not told of it', () => {
    const alex = { email: 'alexw@example.com', name: 'Alex Wilber' };
    expect(told(anAction(), anAction({ status: 'On track' }), alex, null)).toEqual([]);
  });

  test('an action with no owner has nobody to tell', () => {
    expect(told(anAction({ owner: null }), anAction({ owner: null, status: 'Cancelled' }), megan, 'merged')).toEqual(
      [],
    );
  });
});
