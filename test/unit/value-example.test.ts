import { badValueWords, valueExample } from '../../src/cards/measure-words';
import { parseCommand } from '../../src/domain/command-grammar';
import { valueCommand } from '../../src/domain/unknown-suggestions';
import { parseMeasureValue } from '../../src/domain/measure-values';
import { MeasureDefinition, MeasureUnit, MeasureValue } from '../../src/domain/types';

/**
 * The example a refusal suggests is fed back through the grammar: sent as it is, it must give the action's measure
 * the value meant, of the measure's unit, and never read as a measure's number ("SG-8 measure 42" reads as measure 42).
 */
const TODAY = '2026-11-30';
const definition = (unit: MeasureUnit): MeasureDefinition => ({
  unit,
  baseline: null,
  target: { value: 1, by: '2027-03-31' },
  direction: 'higher',
  frequency: 'monthly',
});

/** What a message gives, when it gives a value: the action and the value read for the unit. */
function given(text: string, unit: MeasureUnit): [string, MeasureValue] | string {
  const command = parseCommand(text, TODAY);
  if (command.kind !== 'measureValue') return `not a value: ${JSON.stringify(command)}`;
  if ('measure' in command && command.measure !== undefined) return `names measure ${command.measure}`;
  const read = parseMeasureValue(command.value, unit, TODAY);
  return read.ok ? [command.ref, read.value] : `not a ${unit}: ${command.value}`;
}

const CASES: [MeasureUnit, example: string, MeasureValue][] = [
  ['number', 'SG-8 measure is 42', 42],
  ['%', 'SG-8 measure 76%', 76],
  ['yes/no', 'SG-8 measure yes', 1],
  ['date', 'SG-8 measure is 14/10/2026', '2026-10-14'],
];

test.each(CASES)('the example for a %s measure is %s, which gives the value meant', (unit, example, meant) => {
  expect(valueExample('SG-8', unit)).toBe(example);
  expect(given(example, unit)).toEqual(['SG-8', meant]);
});

test.each(CASES)(
  'a refusal for a %s measure ends with that example, which the grammar reads',
  (unit, example, meant) => {
    const refusal = badValueWords('SG-8', 'periodInFuture', 'x', definition(unit), '2026-12');
    const suggested = /For example: (.+)$/.exec(refusal)?.[1] ?? refusal;
    expect(suggested).toBe(example);
    expect(given(suggested, unit)).toEqual(['SG-8', meant]);
  },
);

test.each([
  ['sg-2 17', 'number', null, 'sg-2 measure is 17', 17],
  ['SG-7: no', 'yes/no', null, 'SG-7 measure no', 0],
  ['SG-1 - 19', 'number', 2, 'SG-1 measure 2 19', 19],
] as const)(
  '%j is answered with a way to send it that reads as the value, not a measure number',
  (text, unit, measure, example, meant) => {
    const asked = parseCommand(text, TODAY);
    const guess = asked.kind === 'unknown' ? asked.valueGuess : undefined;
    expect(guess).toBeDefined();
    const suggested = guess ? valueCommand(guess.ref, { value: guess.value, period: null }, measure) : '';
    expect(suggested).toBe(example);
    const read = parseCommand(suggested, TODAY);
    expect(read).toMatchObject({ kind: 'measureValue', ...(measure ? { measure } : {}) });
    expect(given(measure ? suggested.replace(` measure ${measure}`, ' measure is') : suggested, unit)).toEqual([
      guess?.ref,
      meant,
    ]);
  },
);
