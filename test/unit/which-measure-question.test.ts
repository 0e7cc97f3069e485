import { whichMeasureWords } from '../../src/cards/which-measure-words';
import { ChangeProblem } from '../../src/domain/action-changes';
import { parseCommand } from '../../src/domain/command-grammar';
import { giverName } from '../../src/domain/history-lines';
import { Measure, MeasureDefinition } from '../../src/domain/types';
import { measureFits, valueFits } from '../../src/domain/value-fit';
import {
  PENDING_WHICH_MEASURE,
  typedMeasureChoice,
  whichMeasureQuestion,
} from '../../src/services/chat/which-measure-question';
import { aDefinition } from '../support/builders';

const TODAY = '2026-11-30';
const percent = aDefinition({ unit: '%', baseline: { value: 60, date: '2026-08-01' } });
const count = aDefinition({ unit: 'number' });
const yesNo = aDefinition({ unit: 'yes/no', baseline: null });
const quarterly = aDefinition({ unit: 'number', frequency: 'quarterly' });
const measure = (indicator: string, definition: MeasureDefinition | null): Measure => ({
  indicator,
  target: null,
  latest: null,
  definition,
});
/** SG-1 in the demo: a percentage, then a count. */
const SG1 = [measure('Visits seen alone', percent), measure('Referrals audited each month', count)];

describe('whether a measure can take a value', () => {
  test.each([
    ['a percentage for a percentage', percent, '88%', null, { ok: true, value: 88, period: '2026-11' }],
    ['a number for a number', count, '20', 'October', { ok: true, value: 20, period: '2026-10' }],
    ['a percentage for a number', count, '88%', null, { ok: false, code: 'percentForNumber' }],
    ['a number for yes or no', yesNo, '20', null, { ok: false, code: 'notYesNo' }],
    ['a single-year quarter', quarterly, '4', 'Q3 2026', { ok: false, code: 'periodAmbiguous', period: '2026-Q3' }],
    ['in words only', null, '20', null, { ok: false, code: 'notQuantified' }],
    ['before the baseline', percent, '88%', 'July', { ok: false, code: 'periodBeforeBaseline', period: '2026-07' }],
    ['a month for a quarterly measure', quarterly, '4', 'October', { ok: true, value: 4, period: '2026-Q4' }],
    ['a period not yet started', count, '4', 'Dec 2026', { ok: false, code: 'periodInFuture', period: '2026-12' }],
  ] as const)('%s', (_, d, value, period, fit) => {
    expect(valueFits(d, { value, period }, TODAY)).toEqual(fit);
  });
});

const whichOf = (measures: Measure[], value: string, period: string | null = null) =>
  ({
    code: 'whichMeasure',
    ref: 'SG-1',
    measures: measureFits(measures, { value, period }, TODAY),
    typed: value,
    period,
  }) as const satisfies ChangeProblem;

/** The buttons of a question card: their titles, and the command each runs as if typed. */
function buttons(reply: ReturnType<typeof whichMeasureQuestion>) {
  if (reply.kind !== 'card') throw new Error(`expected a card, got ${JSON.stringify(reply)}`);
  const data = reply.data as {
    question: string;
    detail: string;
    choices: { title: string; verb: string; text: string }[];
  };
  return { ...data, choices: data.choices.map((c) => [c.title, c.verb, c.text]) };
}

describe('the question asking which measure a value is for', () => {
  test('offers only the measures that can take the value, and its example names one of them', () => {
    const asked = buttons(whichMeasureQuestion('plan', whichOf(SG1, '88%'), null));
    expect(asked.question).toBe('SG-1 has 2 measures. Which is 88% for?');
    expect(asked.choices).toEqual([
      ['Measure 1: Visits seen alone', 'confirm', 'SG-1 measure 1 88% for Nov 2026'],
      ['Cancel', 'dismiss', ''],
    ]);
    expect(asked.detail).toBe(
      'Measure 2 (Referrals audited each month) can’t take 88%: it is a number, not a percentage. Nothing is recorded until you choose. You can also type the measure’s number (1), or the whole value, for example: SG-1 measure 1 88%',
    );
    expect(whichMeasureWords(whichOf(SG1, '88%'))).toBe(
      'SG-1 has 2 measures. Which is 88% for?\n\n1. Visits seen alone\n2. Referrals audited each month (can’t take 88%: it is a number, not a percentage)\n\nI haven’t recorded it yet: say which, for example: SG-1 measure 1 88%',
    );
  });

  test('a value both can take offers both; the period and the note go with the value', () => {
    const asked = buttons(whichMeasureQuestion('plan', whichOf(SG1, '20', 'last month'), 'two teams late'));
    expect(asked.choices.slice(0, 2)).toEqual([
      ['Measure 1: Visits seen alone', 'confirm', 'SG-1 measure 1 20 for Oct 2026 - two teams late'],
      ['Measure 2: Referrals audited each month', 'confirm', 'SG-1 measure 2 20 for Oct 2026 - two teams late'],
    ]);
    expect(asked.detail).toBe(
      'Nothing is recorded until you choose. You can also type the measure’s number (1), or the whole value, for example: SG-1 measure 1 20 for last month',
    );
  });

  test('when no measure can take the value, nothing is offered and the answer says why each cannot', () => {
    const reply = whichMeasureQuestion('plan', whichOf([...SG1, measure('Policy agreed', null)], 'yes'), null);
    expect(reply).toEqual({
      kind: 'text',
      text: 'Nothing was changed. None of SG-1’s 3 measures can take yes:\n\n1. Visits seen alone (can’t take yes: it is a percentage)\n2. Referrals audited each month (can’t take yes: it is a number)\n3. Policy agreed (can’t take yes: it is in words only, with no unit)',
    });
    expect(
      whichMeasureWords(whichOf([measure('A', count), measure('B', percent)], '20', 'July'))
        .split('\n')
        .slice(2),
    ).toEqual([
      '1. A',
      '2. B (can’t take 20: the earliest month it can take is Aug 2026)',
      '',
      'I haven’t recorded it yet: say which, for example: SG-1 measure 1 20 for July',
    ]);
  });

  test('a value only one measure can take is still asked about, never given to it unasked', () => {
    const asked = buttons(
      whichMeasureQuestion('plan', whichOf([...SG1, measure('Policy agreed', yesNo)], 'yes'), null),
    );
    expect(asked.choices).toEqual([
      ['Measure 3: Policy agreed', 'confirm', 'SG-1 measure 3 yes for Nov 2026'],
      ['Cancel', 'dismiss', ''],
    ]);
  });

  // What a button runs is read back by the grammar as the same value, for the measure it names.
  test.each([
    ['SG-1', [measure('A', percent), measure('B', percent)], '88%', null, null],
    ['6(a)', [measure('A', count), measure('B', count)], '1,200', 'October', 'as agreed: see minutes'],
    ['LAC-9', [measure('A', quarterly), measure('B', quarterly)], '4', 'last quarter', null],
    ['SG-7', [measure('A', yesNo), measure('B', yesNo)], 'yes', null, 'signed by the board'],
  ])('a button on %s runs its value as typed', (ref, measures, value, period, note) => {
    const asked = buttons(whichMeasureQuestion('plan', { ...whichOf(measures, value, period), ref }, note));
    const fits = measureFits(measures, { value, period }, TODAY);
    asked.choices.slice(0, -1).forEach(([, , typed], i) => {
      const fit = fits[i];
      if (!fit.ok) throw new Error('every measure here fits');
      const command = parseCommand(typed, TODAY);
      expect(command).toMatchObject({ kind: 'measureValue', ref, value, note, measure: i + 1 });
      const period = command.kind === 'measureValue' ? command.period : null;
      expect(valueFits(measures[i].definition ?? null, { value, period }, TODAY)).toMatchObject({ period: fit.period });
    });
  });
});

describe('a typed answer to the waiting question', () => {
  const waiting = (data: Record<string, unknown>, kind = PENDING_WHICH_MEASURE) => ({
    kind,
    data,
    expiresAt: '2026-11-30T10:30:00Z',
  });
  // 88% for SG-1: only measure 1 was offered (measure 2 is a count).
  const offered = { planId: 'plan', count: 2, choices: [{ measure: 1, text: 'SG-1 measure 1 88% for Nov 2026' }] };

  test.each([
    ['1', waiting(offered), { planId: 'plan', text: 'SG-1 measure 1 88% for Nov 2026' }],
    ['the first one', waiting(offered), { planId: 'plan', text: 'SG-1 measure 1 88% for Nov 2026' }],
    ['<at>Action Tracker</at> m1', waiting(offered), { planId: 'plan', text: 'SG-1 measure 1 88% for Nov 2026' }],
    // A measure not offered, nothing waiting, another question waiting, or a stored row that is not one.
    ['2', waiting(offered), null],
    ['1', null, null],
    ['1', waiting(offered, 'delay'), null],
    ['1', waiting({ planId: 'plan', count: 2, choices: [] }), null],
    ['1', waiting({ planId: 'plan', choices: 'SG-1 measure 1 88%' }), null],
  ])('%j answers with %j', (typed, pending, choice) => {
    expect(typedMeasureChoice(pending, typed)).toEqual(choice);
  });
});

test.each([
  ['a person, by name', 'meganb@example.com', 'chat', 'Megan Bowen'],
  ['a person not yet seen, by email', 'jo@example.com', 'import', 'jo@example.com'],
  ['the demo seed', 'demo-seed', 'import', 'an import'],
  ['the command line', 'cli:root', 'cli', 'the command line'],
  ['a job', 'reminders', 'job', 'the bot'],
] as const)('who gave a value: %s', (_, by, via, name) => {
  expect(giverName(by, via, (email) => (email === 'meganb@example.com' ? 'Megan Bowen' : email))).toBe(name);
});
