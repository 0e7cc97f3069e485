import { parseCommand } from '../../src/domain/command-grammar';
import { measureValueCommand as value } from '../support/builders';
import { grammarChecks } from '../support/grammar';

const TODAY = '2026-11-30';
const { readsLike } = grammarChecks(TODAY);

test.each([
  ['6(a) measure 42', value('6(a)', '42')],
  ['measure 6(a) 76%', value('6(a)', '76%')],
  ['6(a) is at 18 audits this month', value('6(a)', '18', 'this month')],
  ['6(a) is at 76 percent last month', value('6(a)', '76%', 'last month')],
  ['SG-2 value 88% for October - two teams late', value('SG-2', '88%', 'October', 'two teams late')],
  // "Q3 2026" reaches the use case as typed, which asks whether the financial or the calendar Q3 was meant.
  ['6(a) measure 42 for Q3 2026', value('6(a)', '42', 'Q3 2026')],
  ['SG-8 measure 4 for Q2 of 2026/27 - late return', value('SG-8', '4', 'Q2 of 2026/27', 'late return')],
  ['SG-1 measure 2 40 for Q2 2026/27', { ...value('SG-1', '40', 'Q2 2026/27'), measure: 2 }],
  ['measure 6(a) yes', value('6(a)', 'yes')],
  ['record the measure for 6(a) as 1,200', value('6(a)', '1,200')],
  ['6(a) measure 120%', value('6(a)', '120%')],
  // A word given as the value is taken as typed, so the use case can say it is not a number for this measure.
  ['6(a) measure good', value('6(a)', 'good')],
  // A minus sign on the figure is kept, so the value is refused rather than recorded without it.
  ['SG-8 measure -3', value('SG-8', '-3')],
  ['SG-2 measure -5%', value('SG-2', '-5%')],
  ['SG-2 value: -5', value('SG-2', '-5')],
  // A dash with spaces after the figure is still a note.
  ['SG-2 measure 5 - two teams late', value('SG-2', '5', null, 'two teams late')],
  // "update SG-2 measure to 92%" gives a value; it is not a note saying "measure to 92%".
  ['update SG-2 measure to 92%', value('SG-2', '92%')],
  ['record SG-2 value as 92% for October', value('SG-2', '92%', 'October')],
  ['update SG-2 measure discussed at the board', { kind: 'note', ref: 'SG-2' }],
  ['measures', { kind: 'measures' }],
  ['performance book', { kind: 'measures' }],
  ['show the performance book', { kind: 'measures' }],
  ['how are our measures doing', { kind: 'measures' }],
])('%j', readsLike);

// Quarters of the financial year, and quarters by their months, reach the use case as the period SG-8's 4 is for.
test.each<[typed: string, period: string]>([
  ['SG-8 measure 4 for Q2', 'Q2'],
  ['SG-8 measure 4 for Q3 2026/27', 'Q3 2026/27'],
  ['SG-8 measure 4 for Q3 26/27', 'Q3 26/27'],
  ['SG-8 measure 4 for 2026/27 Q3', '2026/27 Q3'],
  ['SG-8 measure 4 in quarter 2', 'quarter 2'],
  ['SG-8 value 4 for Oct-Dec 2026', 'Oct-Dec 2026'],
  // An en dash is typed as a hyphen by the time the grammar reads it.
  ['SG-8 value 4 for Jul–Sep 2026', 'Jul-Sep 2026'],
  ['SG-8 measure 4 for October to December 2026', 'October to December 2026'],
])('%j', (text, period) => readsLike(text, value('SG-8', '4', period)));

test.each([
  // Not clearly a value: nothing changes.
  'is 6(a) at 18?',
  "don't record 6(a) measure 42",
  'I think 6(a) is at 18',
  'if 6(a) is at 18, tell me',
  'the supplier says 6(a) is at 18',
  '6(a) is at 3 weeks late',
  '6(a) measure',
])('%j changes nothing', (text) => {
  expect(parseCommand(text, TODAY).kind).not.toBe('measureValue');
});

test('a status said with "at" stays a status', () => {
  expect(parseCommand('6(a) is at risk', TODAY)).toMatchObject({ kind: 'setStatus', status: 'At risk' });
});
