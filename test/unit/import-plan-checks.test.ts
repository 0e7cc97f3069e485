import { baselineMovesDates, inRowOrder, planChanges } from '../../src/domain/import-plan-checks';
import { validateRows } from '../../src/domain/import-rows';
import { Action } from '../../src/domain/types';
import { anAction, aPlan } from '../support/builders';

const TODAY = '2026-11-30';
const PLAN = aPlan({ id: 'ofsted-2011', baselineDate: '2026-08-03' });

/** Rows of a plan file read with `baseline`, as the import reads them. */
const rows = (baseline: string, ...cells: string[][]) =>
  validateRows([['Ref', 'Action', 'Timescale', 'Due date'], ...cells], baseline, TODAY).rows;
const registerOf =
  (...actions: Action[]) =>
  (ref: string) =>
    actions.find((a) => a.ref === ref);

describe('baselineMovesDates: a re-import with another baseline', () => {
  const sg1 = anAction({ ref: 'SG-1', originalDueDate: '2026-08-03' });
  const lac2 = anAction({ ref: 'LAC-2', originalDueDate: '2026-11-03' });

  test('that would move the register’s dates through the timescales is refused once, naming the plan’s baseline', () => {
    const problem = baselineMovesDates(
      PLAN,
      '2011-08-19',
      rows('2011-08-19', ['SG-1', 'Act', 'Immediately', ''], ['LAC-2', 'Act', 'Within three months', '']),
      registerOf(sg1, lac2),
    );
    expect(problem).toBe(
      'Plan ofsted-2011 already exists, and its baseline is 3 Aug 2026. Counted from 19 Aug 2011, the timescales in the ' +
        'file would move the due dates of 2 of its actions (SG-1, LAC-2), and an import never moves the due date of an ' +
        'action already in the register. To update this plan, leave out --baseline. To import the file as a separate ' +
        'plan, give it a plan id of its own (for example --plan ofsted-2011-2). Add --dry-run to check an import ' +
        'without changing anything.',
    );
  });

  test.each<[what: string, baseline: string, cells: string[][]]>([
    ['the same baseline', '2026-08-03', [['SG-1', 'Act', 'Immediately', '']]],
    ['rows that give their due date (an export)', '2011-08-19', [['SG-1', 'Act', 'Immediately', '3 Aug 2026']]],
    ['only new actions', '2011-08-19', [['SG-9', 'Act', 'Immediately', '']]],
    ['a timescale that counts to the same date', '2026-08-03', [['LAC-2', 'Act', 'Within three months', '']]],
  ])('with %s is not refused here', (_what, baseline, cells) => {
    expect(baselineMovesDates(PLAN, baseline, rows(baseline, ...cells), registerOf(sg1, lac2))).toBeNull();
  });

  test('a new plan has no baseline to keep', () => {
    expect(
      baselineMovesDates(null, '2011-08-19', rows('2011-08-19', ['SG-1', 'Act', 'Immediately', '']), registerOf(sg1)),
    ).toBeNull();
  });
});

describe('planChanges: what a re-import changes about the plan itself', () => {
  test.each<[what: string, after: Partial<typeof PLAN>, changes: ReturnType<typeof planChanges>]>([
    ['nothing', {}, []],
    ['a new title', { title: 'Ofsted 2011' }, [{ field: 'title', from: 'Test plan', to: 'Ofsted 2011' }]],
    [
      'a baseline and a zone',
      { baselineDate: '2026-09-01', timeZone: 'Europe/Dublin' },
      [
        { field: 'baselineDate', from: '2026-08-03', to: '2026-09-01' },
        { field: 'timeZone', from: 'Europe/London', to: 'Europe/Dublin' },
      ],
    ],
  ])('%s', (_what, after, changes) => {
    expect(planChanges(PLAN, { ...PLAN, ...after })).toEqual(changes);
  });

  test('a new plan changes nothing that was there', () => {
    expect(planChanges(null, PLAN)).toEqual([]);
  });
});

test('inRowOrder lists every problem by row, those with no row after, the rest in the order found', () => {
  expect(
    inRowOrder([
      'Row 12: the status "Complet" is not a status we know.',
      'Glossary row 2: needs both a term and its meaning.',
      'Row 4: LAC-3 has the current due date 17 Feb 2027 in the register…',
      'Row 12: the owner is not known.',
      'Row 10: the action text is empty.',
    ]),
  ).toEqual([
    'Row 4: LAC-3 has the current due date 17 Feb 2027 in the register…',
    'Row 10: the action text is empty.',
    'Row 12: the status "Complet" is not a status we know.',
    'Row 12: the owner is not known.',
    'Glossary row 2: needs both a term and its meaning.',
  ]);
});
