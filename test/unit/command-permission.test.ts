import { parseCommand } from '../../src/domain/command-grammar';
import { permissionFor } from '../../src/domain/command-permission';
import { oneRef } from '../../src/domain/example-ref';
import { Actor } from '../../src/domain/permissions';
import { Role } from '../../src/domain/types';
import { closestCommandsHint } from '../../src/services/chat/unknown-hints';
import { anAction } from '../support/builders';

/** The owner of `anAction()` is alexw@example.com. */
const person = (email: string, ...roles: Role[]): Actor => ({ email, name: null, roles: new Set(roles) });
const owner = person('alexw@example.com');
const otherOwner = person('isaiah@example.com');
const chair = person('chair@example.com', 'chair');
const admin = person('admin@example.com', 'admin');
const rules = { separationOfDuties: { enforced: true, setBy: null, setAt: null } };
const action = anAction({ ref: '3' });
const waitingDate = anAction({
  ref: '3',
  dateRequest: { date: '2027-03-31', reason: 'venue', by: 'alexw@example.com', at: '2026-11-01T09:00:00Z' },
});

const may = (text: string, actor: Actor, on = action) =>
  permissionFor(parseCommand(text, '2026-11-30'), actor, on, rules).allowed;

describe('whether a person may send a command about an action, by the rules in permissions.ts', () => {
  test.each([
    // Reading: anyone shown the action.
    ['show 3', otherOwner, true],
    ['history 3', otherOwner, true],
    // Updates: the owner or an administrator.
    ['3 done', owner, true],
    ['3 done', admin, true],
    ['3 done', otherOwner, false],
    ['3 done', chair, false],
    ['note 3 spoke to the school', otherOwner, false],
    ['evidence 3 https://example.com/report.pdf', otherOwner, false],
    // A value: the owner or those who oversee the plan.
    ['3 measure 76%', chair, true],
    ['3 measure 76%', otherOwner, false],
    // Dates: the owner asks, a decider moves; nobody else.
    ['move 3 to end of next month', chair, true],
    ['move 3 to end of next month', owner, true],
    ['move 3 to end of next month', otherOwner, false],
    // Decisions: deciders, never on their own action.
    ['sign off 3', chair, true],
    ['sign off 3', owner, false],
    ['3 cancelled', chair, true],
    ['3 cancelled', owner, false],
  ])('%j by %o: %s', (text, actor, expected) => {
    expect(may(text, actor)).toBe(expected);
  });

  test('"approve 3" decides the new date waiting, else signs off: either way a decider’s', () => {
    expect([may('approve 3', chair, waitingDate), may('approve 3', otherOwner, waitingDate)]).toEqual([true, false]);
  });
});

describe('"Did you mean 3?" offers only the commands the person may send about 3', () => {
  const OWNER_ROLES = new Set<Role>(['owner']);
  const examples = (actor: Actor) =>
    closestCommandsHint('3 on track now', OWNER_ROLES, oneRef('3'), (example) => may(example, actor));
  test('to its owner, the change', () => {
    expect(examples(owner)).toContain('"3 done"');
  });
  test('to someone who does not own it, no change of it', () => {
    expect(examples(otherOwner)).not.toMatch(/"3 done"|"3 measure|"note 3|"move 3|delayed/);
  });
});
