import { ActionCommand, mayActOn } from '../../src/domain/act-on';
import { parseCommand } from '../../src/domain/command-grammar';
import { Actor, DutyRules } from '../../src/domain/permissions';
import { Role } from '../../src/domain/types';
import { anAction } from '../support/builders';

const rules: DutyRules = { separationOfDuties: { enforced: true, setBy: null, setAt: null }, title: 'SEND plan' };
const person = (email: string, ...roles: Role[]): Actor => ({ email, name: null, roles: new Set(roles) });
/** R3 is Patti's; Alex chairs; Megan administers; Isaiah only reads. */
const r3 = anAction({
  ref: 'R3',
  owner: { email: 'pattif@example.com', displayName: 'Patti Fernandez', aadObjectId: null },
});
const PATTI = person('pattif@example.com');
const ALEX = person('alexw@example.com', 'chair');
const MEGAN = person('meganb@example.com', 'admin');
const ISAIAH = person('isaiah@example.com', 'owner');

const command = (text: string): ActionCommand => {
  const parsed = parseCommand(text, '2026-12-01');
  if (!('ref' in parsed)) throw new Error(`${text} is not about one action: ${parsed.kind}`);
  return parsed;
};

describe('which of several actions with one ref a person means: the ones they may do that to', () => {
  test.each<[string, [patti: boolean, alexChair: boolean, meganAdmin: boolean, isaiahReader: boolean]]>([
    ['R3 at risk: panel capacity', [true, false, true, false]],
    ['R3 done', [true, false, true, false]],
    ['note R3 spoke to the panel', [true, false, true, false]],
    ['evidence R3 https://example.com/minutes', [true, false, true, false]],
    ['R3 red', [true, false, true, false]],
    ['R3 delayed to 31/01/2027 because the panel was cancelled', [true, true, true, false]],
    ['R3 measure is 42%', [true, true, true, false]],
    ['approve R3', [false, true, true, false]],
    ['decline R3 because the date is fixed', [false, true, true, false]],
    ['sign off R3', [false, true, true, false]],
    ['cancel R3 because the service merged', [false, true, true, false]],
    ['show R3', [true, true, true, true]],
    ['history R3', [true, true, true, true]],
  ])('%j', (text, expected) => {
    const cmd = command(text);
    expect([PATTI, ALEX, MEGAN, ISAIAH].map((who) => mayActOn(cmd, who, r3, rules))).toEqual(expected);
  });

  test('a chair who owns the action may not decide on it, so their own plan’s R3 is not the one they mean', () => {
    const alexsOwn = anAction({ ref: 'R3', owner: { email: ALEX.email, displayName: null, aadObjectId: null } });
    expect(mayActOn(command('approve R3'), ALEX, alexsOwn, rules)).toBe(false);
    expect(mayActOn(command('R3 at risk'), ALEX, alexsOwn, rules)).toBe(true);
  });
});
