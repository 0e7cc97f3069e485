import { exampleRefsFor, PLACEHOLDER_REF, withExampleRef } from '../../src/domain/example-ref';
import { Actor } from '../../src/domain/permissions';
import { Status } from '../../src/domain/types';
import { aMeasure, anAction } from '../support/builders';

const PATTI: Actor = { email: 'pattif@example.com', name: null, roles: new Set() };
const ADELE: Actor = { email: 'adelev@example.com', name: null, roles: new Set(['chair']) };
const anMeasure = (unit: '%' | 'number') => aMeasure({ definition: { unit } });
const owned = (ref: string, email: string, status: Status = 'On track') =>
  anAction({ ref, status, owner: { email, displayName: null, aadObjectId: null } });

/** The tester's plan (test/fixtures/another-council-plan.csv), as far as whose each action is. */
const PLAN = [
  owned('1.1', 'alexw@example.com'),
  owned('1.2a', 'meganb@example.com'),
  owned('R3', 'pattif@example.com'),
  owned('Rec 4(ii)', 'isaiah@example.com', 'Not started'),
  owned('A.2.1', 'lynner@example.com', 'Delayed'),
  owned('3', 'pattif@example.com'),
  owned('1.2b', 'alexw@example.com'),
];

describe('the refs examples use', () => {
  test.each<[string, Parameters<typeof exampleRefsFor>[0], { own: string; decide: string }]>([
    [
      'an owner: their own first open action; a decision about one not theirs',
      [{ actor: PATTI, actions: PLAN }],
      { own: '3', decide: '1.1' },
    ],
    [
      'a chair who owns nothing: the plan’s first action for both',
      [{ actor: ADELE, actions: PLAN }],
      { own: '1.1', decide: '1.1' },
    ],
    [
      'an owner whose only open action is finished: open ones first, theirs before anyone else’s',
      [{ actor: PATTI, actions: [owned('1.1', 'pattif@example.com', 'Complete'), owned('2', 'pattif@example.com')] }],
      { own: '2', decide: '2' },
    ],
    [
      'a ref with a space and brackets, read back as itself',
      [{ actor: { ...PATTI, email: 'isaiah@example.com' }, actions: PLAN }],
      { own: 'Rec 4(ii)', decide: '1.1' },
    ],
    ['nobody can read anything: the placeholder', [], { own: PLACEHOLDER_REF, decide: PLACEHOLDER_REF }],
    [
      'own actions in another readable plan come before the first plan’s',
      [
        { actor: ADELE, actions: PLAN },
        { actor: ADELE, actions: [owned('H-1', 'adelev@example.com')] },
      ],
      { own: 'H-1', decide: '1.1' },
    ],
  ])('%s', (_, plans, expected) => {
    expect(exampleRefsFor(plans)).toEqual(expected);
  });

  test.each<[string, Actor, string | undefined]>([
    ['an owner: their own action whose one measure is a percentage, before anyone else’s', PATTI, 'P-2'],
    ['a chair, who may give any figure: the first action with one measure in %', ADELE, 'M-1'],
    [
      'an owner with no such action of their own, who may give no one else’s: none',
      { ...PATTI, email: 'x@example.com' },
      undefined,
    ],
  ])('the measure example’s ref, for %s', (_, actor, expected) => {
    const percent = anMeasure('%');
    const actions = [
      anAction({ ...owned('A-1', 'pattif@example.com'), measures: [anMeasure('number')] }),
      anAction({ ...owned('B-1', 'pattif@example.com'), measures: [percent, percent] }),
      anAction({ ...owned('M-1', 'meganb@example.com'), measures: [percent] }),
      anAction({ ...owned('P-2', 'pattif@example.com'), measures: [percent] }),
    ];
    expect(exampleRefsFor([{ actor, actions }]).measure).toBe(expected);
  });

  test('a ref the grammar does not read back as itself is passed over', () => {
    const actions = [owned('x', 'pattif@example.com'), owned('2', 'pattif@example.com')];
    expect(exampleRefsFor([{ actor: PATTI, actions }]).own).toBe('2');
  });

  test('a template’s SG-4 is replaced everywhere, even by a ref with $ in it', () => {
    expect(withExampleRef('show SG-4 or "SG-4 done"', 'R$&3')).toBe('show R$&3 or "R$&3 done"');
  });
});
