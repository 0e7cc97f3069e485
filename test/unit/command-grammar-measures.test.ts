import fc from 'fast-check';
import type { Command } from '../../src/domain/command';
import { parseCommand } from '../../src/domain/command-grammar';
import { readFigure } from '../../src/domain/command-measure-phrasings';
import { measureValueCommand as value } from '../support/builders';
import { grammarChecks } from '../support/grammar';

/** The everyday ways of giving a measure's value without "measure" (src/domain/command-measure-phrasings.ts). */
const TODAY = '2026-11-30';
const { readsAs, readsAsKind } = grammarChecks(TODAY);

test.each([
  // A percentage straight after the ref, or after "is", "now", "sits at", "came in at".
  ['SG-2 92%', value('SG-2', '92%')],
  ['SG-2 now 92 percent', value('SG-2', '92%')],
  ['LAC-7 now at 82 per cent', value('LAC-7', '82%')],
  ['SG-1 hit 80 percent last month', value('SG-1', '80%', 'last month')],
  ['SG-2 reached 91% in October', value('SG-2', '91%', 'October')],
  ['SG-2 92 %', value('SG-2', '92%')],
  ['6(a) is 100% this month', value('6(a)', '100%', 'this month')],
  ['SG-2 sits at 90% for Oct, on target at last!', value('SG-2', '90%', 'Oct', 'on target at last!')],
  ['3.2 came in at 73 % in Sept. Bit lower', value('3.2', '73%', 'Sept', 'Bit lower')],
  ['sg2 - 85% last month, two agency workers off', value('sg2', '85%', 'last month', 'two agency workers off')],
  ['the SG-2 measure is 92% this month', value('SG-2', '92%', 'this month')],
  ['Just to let you know SG-2 was 83% in September', value('SG-2', '83%', 'September')],
  // A figure without % counts when a period is tied to it, or after "=".
  ['6(a) - 4 for last month', value('6(a)', '4', 'last month')],
  ['IP-4 was 2 in August, sorry late sending this', value('IP-4', '2', 'August', 'sorry late sending this')],
  ['SG-8 is down to 9 this quarter', value('SG-8', '9', 'this quarter')],
  ['Morning! Number waiting (SG-8) was 23 at end of September - two new', value('SG-8', '23', 'September', 'two new')],
  ['SG-8 went up to 31 last month because of new cases', value('SG-8', '31', 'last month', 'of new cases')],
  ['IP-4 = 31', value('IP-4', '31')],
  // The period first.
  ['SG-2 figure for October was 89%', value('SG-2', '89%', 'October')],
  ['Hi, SG-2 for October was 91%', value('SG-2', '91%', 'October')],
  ['SG-8 figure for Q2 is 12', value('SG-8', '12', 'Q2')],
  ['SG-8 figure for Q3 2026/27 was 12', value('SG-8', '12', 'Q3 2026/27')],
  ['SG-8 for 2026/27 Q2 was 12', value('SG-8', '12', '2026/27 Q2')],
  ['SG-8 figure for quarter 2 is 12', value('SG-8', '12', 'quarter 2')],
  ['SG-8 for Jul-Sep was 12', value('SG-8', '12', 'Jul-Sep')],
  ['SG-8 is 12 for Q2 26/27, two late', value('SG-8', '12', 'Q2 26/27', 'two late')],
  ['SG-8 = 12 for October to December 2026', value('SG-8', '12', 'October to December 2026')],
  ['SG-2 figure for December was 95%', value('SG-2', '95%', 'December')],
  ['SG-1 this month 70%, partners slow', value('SG-1', '70%', 'this month', 'partners slow')],
  // Words that record, with the ref before or after the figure.
  ['Update for SG-2: 79%, dip due to sickness', value('SG-2', '79%', null, 'dip due to sickness')],
  ['Latest for IP-4 is 96%', value('IP-4', '96%')],
  ['Can you put SG-2 down as 94 percent for November please', value('SG-2', '94%', 'November')],
  ['can u log 8 for SG-8 thx', value('SG-8', '8')],
  ['log 8 for 6(a)', value('6(a)', '8')],
  ['record 65% against 3.2 for October', value('3.2', '65%', 'October')],
  ['log 94 percent for SG-2', value('SG-2', '94%')],
  ['Please record 65% against LAC-7 for October, half the teams', value('LAC-7', '65%', 'October', 'half the teams')],
  // The measure named is not the value: it says which of the action's measures the value is for.
  ['SG-1 measure 1: 84%', { ...value('SG-1', '84%'), measure: 1 }],
  ['SG-1 measure 2: 84%', { ...value('SG-1', '84%'), measure: 2 }],
  ['SG-1 (first measure) 76% for November', { ...value('SG-1', '76%', 'November'), measure: 1 }],
  // The measure rules that were there before still read what they did.
  ['SG-2 value 88% for October - two teams late', value('SG-2', '88%', 'October', 'two teams late')],
  ['SG-8 is at 5 indicators this quarter', value('SG-8', '5', 'this quarter')],
  ['SG-8 measure -3', value('SG-8', '-3')],
])('%j', readsAs);

test.each([
  // A word given as a measure's value is taken as typed: the use case answers that it is not a number, with an example.
  ['SG-2 measure lots', value('SG-2', 'lots')],
  ['SG-2 value is pending', value('SG-2', 'pending')],
  ['figure for SG-2 is unknown', value('SG-2', 'unknown')],
])('%j is a value the use case refuses', readsAs);

test.each<[string, Command['kind']]>([
  // Dates and delays after a ref stay what they were.
  ['SG-4 30/09', 'delay'],
  ['SG-4 for October 30', 'delay'],
  ['SG-4 delayed to 30/09/2026 because supplier problems', 'delay'],
  ['SG-4 is 30 Sept', 'unknown'],
  ['SG-4 2 weeks', 'unknown'],
  ['SG-4 at 50% by end of September', 'unknown'],
  ['log 8 for 2 weeks', 'unknown'],
  ['log 8 for 30 Sept', 'unknown'],
  ['record 5 minutes for SG-4', 'unknown'],
  ['SG-4 will be 2 weeks late', 'delay'],
  // A number that is not clearly a value, or a value said with doubt, as a question, negated or reported.
  ['SG-4 50% complete', 'unknown'],
  ['sg-8 17', 'unknown'],
  ['SG-8 17 cases', 'unknown'],
  ['SG-2 is at 87% in Decemebr', 'unknown'],
  ['SG-2 was 87% in Decemebr', 'unknown'],
  ['SG-2 92% maybe', 'unknown'],
  ['is SG-2 92%?', 'show'],
  ["don't put SG-2 down as 92%", 'unknown'],
  ['the supplier says SG-2 is 92%', 'unknown'],
  ['if SG-2 hits 90% can we close it?', 'show'],
  ['We are aiming for 95% on SG-2 by the summer', 'unknown'],
  ['SG-1 outcome within 3 working days was 91% last month', 'unknown'],
  ['Can I update 3.2 for last month or only this month?', 'show'],
  ['SG-2 measure', 'unknown'],
  ['SG-2 measure?', 'show'],
  ['SG-4 hit a snag with IT', 'unknown'],
  ['for SG-1 we audited 19 referrals in November', 'unknown'],
])('%j changes nothing: %s', readsAsKind);

test.each([
  ['sg-8 17', { ref: 'sg-8', value: '17' }],
  ['SG-8 - 14 cases waiting', { ref: 'SG-8', value: '14' }],
  ['SG-7: No', { ref: 'SG-7', value: 'no' }],
  ['SG-7 yes, protocol signed', { ref: 'SG-7', value: 'yes' }],
  ['SG-7 no - still waiting', { ref: 'SG-7', value: 'no' }],
])(
  '%j may be a value: never recorded, and the chat, which knows the measure, says how to send it',
  (text, valueGuess) => {
    expect(parseCommand(text, TODAY)).toEqual({ kind: 'unknown', text, problem: null, valueGuess });
  },
);

test.each(['LAC-5 no longer at risk?', 'SG-7 no?', 'SG-4 no longer needed', 'SG-4 17 days'])(
  '%j is no guess at a value',
  (text) => {
    expect(parseCommand(text, TODAY)).not.toHaveProperty('valueGuess');
  },
);

test.each([
  ['92%', 'percent', { value: '92%', period: null, note: null }],
  ['92', 'percent', null],
  ['4 for last month', 'tied', { value: '4', period: 'last month', note: null }],
  ['4', 'tied', null],
  ['30 September', 'tied', null],
  ['30 September', 'any', null],
  ['31', 'any', { value: '31', period: null, note: null }],
  ['50% complete', 'any', null],
  ['3 weeks', 'any', null],
  ['30/09', 'any', null],
  ['1.5 for Q3 2026 - two late', 'tied', { value: '1.5', period: 'Q3 2026', note: 'two late' }],
  ['4 for Q3 2026/27', 'tied', { value: '4', period: 'Q3 2026/27', note: null }],
  ['4 Q2', 'tied', { value: '4', period: 'Q2', note: null }],
  ['4 for Oct-Dec', 'tied', { value: '4', period: 'Oct-Dec', note: null }],
  // A figure before months is a date ("4 Oct"), so a range straight after it is not tied to it either.
  ['4 Oct-Dec', 'tied', null],
] as const)('readFigure(%j, %s)', (text, sureness, expected) => {
  expect(readFigure(text, sureness)).toEqual(expected);
});

test('a bare number, a date or a span after a ref is never a value', () => {
  const ref = fc.constantFrom('SG-4', 'sg4', '6(a)', '3.2', 'IP-2', 'Rec 4b');
  const bare = fc.oneof(
    fc.integer({ min: 0, max: 100000 }).map(String),
    fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 })).map(([d, m]) => `${d}/${m}`),
    fc
      .tuple(fc.integer({ min: 1, max: 31 }), fc.constantFrom('Sept', 'October', 'Jan', 'March 2027'))
      .map(([d, m]) => `${d} ${m}`),
    fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('days', 'weeks', 'months')).map(([n, u]) => `${n} ${u}`),
  );
  const joiner = fc.constantFrom(' ', ' - ', ': ', ' is ', ' now ', ' for ', ' by ');
  fc.assert(
    fc.property(ref, joiner, bare, (r, j, b) => {
      expect(parseCommand(`${r}${j}${b}`, TODAY).kind).not.toBe('measureValue');
    }),
    { numRuns: 500 },
  );
});
