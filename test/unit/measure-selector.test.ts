import { measureSelector } from '../../src/domain/command-measure';
import { grammarChecks } from '../support/grammar';

const TODAY = '2026-11-30';
const { readsAs, readsLike } = grammarChecks(TODAY);
const value = (ref: string, v: string, measure?: number, period: string | null = null, note: string | null = null) => ({
  kind: 'measureValue',
  ref,
  value: v,
  period,
  note,
  ...(measure === undefined ? {} : { measure }),
});

describe('naming one of an action’s measures in chat', () => {
  test.each([
    ['SG-1 measure 2 88%', value('SG-1', '88%', 2)],
    ['SG-1 second measure 40', value('SG-1', '40', 2)],
    ['measure 2 of SG-1 88%', value('SG-1', '88%', 2)],
    ['SG-1 2nd measure 40 for October - two late', value('SG-1', '40', 2, 'October', 'two late')],
    ['the second measure for SG-1 is 40', value('SG-1', '40', 2)],
    ['record the third measure for SG-1 as 12', value('SG-1', '12', 3)],
    ['SG-1 measure 2 yes', value('SG-1', 'yes', 2)],
    ['SG-1 first measure 40%', value('SG-1', '40%', 1)],
    ['measure 3 for 6(a) 12', value('6(a)', '12', 3)],
    ['SG-1 value 2 88%', value('SG-1', '88%', 2)],
    ['SG-1 measure 2 -3', value('SG-1', '-3', 2)],
    // A measure the action does not have is the use case's to refuse, naming how many there are.
    ['measure 11 of SG-1 5', value('SG-1', '5', 11)],
    ['measure 6(a) of SG-1 5', { kind: 'unknown' }],
    // A measure's number in words, one to ten.
    ['SG-1 measure two 20', value('SG-1', '20', 2)],
    ['SG-1 measure one 88%', value('SG-1', '88%', 1)],
    ['SG-1 Measure Two: 20', value('SG-1', '20', 2)],
    ['measure two of SG-1 20', value('SG-1', '20', 2)],
    ['SG-1 measure ten 5 for October', value('SG-1', '5', 10, 'October')],
    ['SG-1 measure number three 7', value('SG-1', '7', 3)],
  ])('%j', readsLike);

  // With no measure named, the command is exactly what it always was.
  test.each([
    ['SG-1 measure 42', value('SG-1', '42')],
    ['measure SG-1 76%', value('SG-1', '76%')],
    ['SG-1 measure 18 audits', value('SG-1', '18')],
    ['SG-1 measure -3', value('SG-1', '-3')],
    // A number word that is not followed by a value is not a measure's number.
    ['SG-1 measure two audits', { kind: 'unknown', text: 'SG-1 measure two audits', problem: null }],
    ['SG-1 is at 2 this month', value('SG-1', '2', undefined, 'this month')],
    ['update SG-1 measure to 92%', value('SG-1', '92%')],
  ])('%j names no measure', readsAs);
});

describe('"m2": measure 2 shortened, read only straight after a reference', () => {
  test.each([
    ['sg-1 m2 = 15', value('sg-1', '15', 2)],
    ['SG-1 M2 88%', value('SG-1', '88%', 2)],
    ['SG-1 m1: 70%', value('SG-1', '70%', 1)],
    ['SG-1 m2 is 15', value('SG-1', '15', 2)],
    ['SG-1 m2 15', value('SG-1', '15', 2)],
    ['SG-1 m2 88% for October - two late', value('SG-1', '88%', 2, 'October', 'two late')],
    ['SG-1 m10 = 4', value('SG-1', '4', 10)],
    ['6(a) m2 = 3', value('6(a)', '3', 2)],
    ['SG-1 m2 = -3', value('SG-1', '-3', 2)],
    // A plan may have an action "M2": its own values are still its own, and "M2 m3" is its third measure.
    ['M2 88%', value('M2', '88%')],
    ['m2 = 15', value('m2', '15')],
    ['M2 m3 = 4', value('M2', '4', 3)],
    ['show M2', { kind: 'show', ref: 'M2' }],
    // Not a value after it: not a measure's value at all.
    ['SG-1 m2', { kind: 'unknown' }],
    ['SG-1 m2 done', { kind: 'unknown' }],
    ['SG-1 m2 2 weeks', { kind: 'unknown' }],
    ['SG-1 M2 30/09', { kind: 'unknown' }],
    ['SG-1 m11 = 4', { kind: 'unknown' }],
    ['SG-1 m0 = 4', { kind: 'unknown' }],
  ])('%j', readsLike);

  test('"M2" with no reference before it is the action M2, naming none of its measures', () => {
    readsAs('M2 88%', value('M2', '88%'));
    readsAs('m2 = 15', value('m2', '15'));
  });
});

// A minus sign written onto the figure stays on it, whichever way the measure was named (it was once dropped).
test.each([
  ['SG-1 second measure -3', value('SG-1', '-3', 2)],
  ['measure 2 of SG-1 -3', value('SG-1', '-3', 2)],
  ['SG-1 measure 2 -3', value('SG-1', '-3', 2)],
])('%j keeps its minus sign', readsAs);

describe('measureSelector', () => {
  test.each([
    ['SG-1 ', '2 88%', { measure: null, rest: '2 88%' }],
    ['SG-1 measure ', '2 88%', { measure: 2, rest: '88%' }],
    ['SG-1 measure ', 'no. 2 88%', { measure: 2, rest: '88%' }],
    ['SG-1 measure ', '42', { measure: null, rest: '42' }],
    ['SG-1 measure ', '2 audits', { measure: null, rest: '2 audits' }],
    ['SG-1 fourth kpi ', '7', { measure: 4, rest: '7' }],
    ['measure 3 of SG-1 ', '7', { measure: 3, rest: '7' }],
    ['SG-1 measure ', 'two 20', { measure: 2, rest: '20' }],
    ['SG-1 measure ', 'seven = 4', { measure: 7, rest: '4' }],
    ['SG-1 measure ', 'two audits', { measure: null, rest: 'two audits' }],
    ['measure nine of SG-1 ', '7', { measure: 9, rest: '7' }],
  ])('%j %j', (before, rest, expected) => {
    expect(measureSelector(before, rest)).toEqual(expected);
  });
});
