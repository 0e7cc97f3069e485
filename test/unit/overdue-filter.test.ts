import { closestScopes, scopeKnown } from '../../src/domain/overdue-filter';
import { anAction } from '../support/builders';

const owner = (displayName: string | null, email: string) => ({ email, displayName, aadObjectId: null });
const ACTIONS = [
  anAction({
    ref: 'SG-1',
    theme: 'Safeguarding services',
    agency: 'Council',
    owner: owner('Alex Wilber', 'alexw@example.com'),
  }),
  anAction({
    ref: 'SG-2',
    theme: 'Safeguarding services',
    agency: 'Council',
    owner: owner('Megan Bowen', 'meganb@example.com'),
  }),
  anAction({ ref: 'SG-6', theme: 'Looked after children', agency: 'Health', owner: owner(null, 'pattif@example.com') }),
];

describe('whether a filter names anyone or anything in the plan, overdue or not', () => {
  test.each<[string, 'for' | 'in', string, boolean]>([
    ['an owner', 'for', 'Megan Bowen', true],
    ['part of an email', 'for', 'pattif', true],
    ['an agency', 'for', 'health', true],
    ['a theme', 'in', 'looked after', true],
    ['a misspelt owner', 'for', 'megan bowan', false],
    ['a misspelt agency', 'for', 'helth', false],
    ['a theme asked with "for"', 'for', 'safeguarding', false],
  ])('%s: %s %j → %p', (_, kind, text, known) => {
    expect(scopeKnown(ACTIONS, { kind, text })).toBe(known);
  });
});

describe('the closest names to a filter that names nothing, each with its own word', () => {
  test.each<[string, { kind: 'for' | 'in'; text: string }[]]>([
    ['megan bowan', [{ kind: 'for', text: 'Megan Bowen' }]],
    ['bowan', [{ kind: 'for', text: 'Megan Bowen' }]],
    ['helth', [{ kind: 'for', text: 'Health' }]],
    ['saferguarding', [{ kind: 'in', text: 'Safeguarding services' }]],
    ['flying circus', []],
  ])('%j', (text, expected) => {
    expect(closestScopes(ACTIONS, { kind: 'for', text })).toEqual(expected);
  });
});
