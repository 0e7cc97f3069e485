import { comparePlanOrder, inPlanOrder } from '../../src/domain/plan-order';
import { planOnAPage } from '../../src/domain/report/register';
import { Action } from '../../src/domain/types';
import { anAction } from '../support/builders';

const at = (ref: string, position?: number, theme = 'T'): Action =>
  anAction({ ref, theme, ...(position === undefined ? {} : { position }) });
const refs = (actions: readonly Action[]) => actions.map((a) => a.ref);

test.each<[description: string, actions: Action[], expected: string[]]>([
  ['the file’s order, not the refs’', [at('1.10', 2), at('1.2', 3), at('1.1', 1)], ['1.1', '1.10', '1.2']],
  [
    'a recommendation before a numbered action, as the file has it',
    [at('A.2.1', 2), at('Rec 4(ii)', 1)],
    ['Rec 4(ii)', 'A.2.1'],
  ],
  [
    'saved before positions were kept: natural ref order',
    [at('SG-10'), at('SG-2'), at('SG-1')],
    ['SG-1', 'SG-2', 'SG-10'],
  ],
  [
    'those with a position first, then the rest by ref',
    [at('B-2'), at('Z-9', 2), at('A-1'), at('Y-1', 1)],
    ['Y-1', 'Z-9', 'A-1', 'B-2'],
  ],
  ['two in the same place: by ref', [at('X-10', 4), at('X-9', 4)], ['X-9', 'X-10']],
])('%s', (_d, actions, expected) => {
  expect(refs(inPlanOrder(actions))).toEqual(expected);
  expect(refs([...actions].sort((a, b) => -comparePlanOrder(b, a)))).toEqual(expected);
});

test('the committee report’s plan on a page: themes by their first action in the file, actions in its order', () => {
  const actions = [
    at('1.2b', 7, 'Leadership'),
    at('3', 6, 'Transition'),
    at('1.1', 1, 'Leadership'),
    at('R3', 3, 'Need'),
    at('A.2.1', 5, 'Transition'),
    at('Rec 4(ii)', 4, 'Need'),
    at('1.2a', 2, 'Leadership'),
  ];
  expect(planOnAPage(actions, '2026-07-01').map((g) => [g.theme, g.rows.map((r) => r.action.ref)])).toEqual([
    ['Leadership', ['1.1', '1.2a', '1.2b']],
    ['Need', ['R3', 'Rec 4(ii)']],
    ['Transition', ['A.2.1', '3']],
  ]);
});
