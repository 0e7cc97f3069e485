import {
  asks,
  figureIn,
  likeliestMeasure,
  nearCommand,
  suggestionsFor,
  Suggestion,
} from '../../src/domain/unknown-suggestions';

/** A suggestion as a short word, so the table reads as the ranking. */
function short(s: Suggestion): string {
  switch (s.kind) {
    case 'value':
    case 'show':
    case 'history':
      return s.kind;
    case 'status':
      return s.status;
    case 'newDate':
      return `${s.delayed ? 'delayed' : 'move'} to ${s.when}`;
    case 'note':
      return `note: ${s.words ?? '-'}`;
  }
}

describe('examples for an action named in a message that could not be read, best first', () => {
  test.each([
    [
      'SG-6 - training sessions booked for January, should be on track now',
      false,
      ['On track', 'note: training sessions booked for January, should be on track now'],
    ],
    // A figure first only when the action's measure can take it; a measure in words only never gets one.
    [
      'SG-4: 81% of families got their plan in time in November',
      true,
      ['value', 'note: 81% of families got their plan in time in November'],
    ],
    [
      'SG-4: 81% of families got their plan in time in November',
      false,
      ['note: 81% of families got their plan in time in November', 'show'],
    ],
    ['SG-4 17', false, ['note: -', 'show']],
    ['for SG-1 we audited 19 referrals in November', true, ['value', 'note: we audited 19 referrals in November']],
    // A question about status is answered with the action, then the status the words name.
    ['LAC-5 no longer at risk?', false, ['show', 'On track']],
    ['is SG-4 at risk', false, ['show', 'At risk']],
    // Lateness that is over or denied is on track, as far as the words go.
    ['LAC-8 no longer running late', false, ['On track', 'note: no longer running late']],
    ["LAC-8 won't be late", false, ['On track', "note: won't be late"]],
    ['LAC-8 was behind but has caught up', false, ['On track', 'note: was behind but has caught up']],
    // Words about when are a new date, never "done": plans are not news that work is finished.
    ['SG-9 might slip to March', false, ['delayed to end of March', 'note: might slip to March']],
    [
      "I'm hoping to get SG-9 finished by Friday",
      false,
      ['move to Friday', "note: I'm hoping to get it finished by Friday"],
    ],
    ['SG-9 done by 31/12', false, ['move to 31/12', 'note: done by 31/12']],
    ['SG-3 finished the audit, all good', false, ['Complete', 'note: finished the audit, all good']],
    ['SG-4 banana', false, ['note: banana', 'show']],
    // The note keeps the words whole, without the ref (TESTER-3 item 12): never cut at a comma, never the ref twice.
    [
      'A.2.1 - protocol drafted, ASC legal reviewing it',
      false,
      ['note: protocol drafted, ASC legal reviewing it', 'show'],
    ],
    ['Rec 4(ii) sencos trained, two to go', false, ['note: sencos trained, two to go', 'show']],
    ['Rec 4(ii) Rec 4(ii)', false, ['note: -', 'show']],
    ['I think Lynne said A.2.1 is done', false, ['Complete', 'note: I think Lynne said it is done']],
    ["the protocol for A.2.1's board is with legal", false, ['note: the protocol for its board is with legal', 'show']],
    // A bare number inside the words may be a label or a count ("audit 5"): kept as typed, never "audit it done".
    ['audit 5 done', false, ['Complete', 'note: audit 5 done']],
    ['we closed case 3 for 3', false, ['note: we closed case 3 for 3', 'show']],
    // A mistyped command word is the command it meant, never a note keeping the typo (TESTER-4.md, point 17).
    ['shwo SG-4', false, ['show', 'history']],
    ['SG-4 sohw', false, ['show', 'history']],
    ['shw SG-4', false, ['show', 'history']],
    ['veiw SG-4', false, ['show', 'history']],
    ['hsitory SG-4', false, ['history', 'show']],
    ['ntoe SG-4 supplier rang back', false, ['note: supplier rang back', 'show']],
    // Not a typo of one: the words are kept as a note.
    ['shwo SG-4 to the board', false, ['note: shwo it to the board', 'show']],
    ['ntoe SG-4', false, ['note: ntoe it', 'show']],
    ['slowly SG-4', false, ['note: slowly it', 'show']],
    // Another action named in the words stays named.
    ['SG-4 waiting on SG-5 first', false, ['note: waiting on SG-5 first', 'show']],
  ])('%j (figure fits: %s) suggests %j', (text, figureFits, expected) => {
    expect(suggestionsFor(text, figureFits).map(short)).toEqual(expected);
  });

  test('never more than three', () => {
    expect(suggestionsFor('SG-4 81% done and on track, slipping to Friday', true)).toHaveLength(3);
  });
});

test.each([
  ['SG-4: 81% of families got their plan in time in November', { value: '81%', period: 'November' }],
  ['SG-1 hit 80 percent last month', { value: '80%', period: 'last month' }],
  ['SG-4 17', { value: '17', period: null }],
  ['SG-9 done by 31/12', null],
  ['SG-4 banana', null],
])('figureIn(%j)', (text, expected) => {
  expect(figureIn(text)).toEqual(expected);
});

test.each([
  ['LAC-5 no longer at risk?', true],
  ['what about SG-4', true],
  ['SG-6 - training sessions booked for January', false],
])('asks(%j) is %s', (text, expected) => {
  expect(asks(text)).toBe(expected);
});

test.each([
  ['for SG-1 we audited 19 referrals in November', 2],
  ['SG-1 was 19 for November', 1],
  ['SG-1: 19 referrals told of the outcome within 3 working days', 1],
])('likeliestMeasure(%j) is measure %i', (text, expected) => {
  const measures = [
    { number: 1, indicator: '% of referrals where the referring agency is told the outcome within 3 working days' },
    { number: 2, indicator: 'Number of referrals audited each month' },
  ];
  expect(likeliestMeasure(text, measures)?.number).toBe(expected);
});

describe('a mistyped command word beside the ref', () => {
  test.each<[string, string | null]>([
    ['shwo SG-4', 'shwo'],
    ['SG-4 Shwo', 'Shwo'],
    ['show SG-4', null], // the word itself is no typo (the grammar reads it)
    ['sh SG-4', null], // too short to tell
    ['sh0w SG-4', null],
  ])('%j: %s', (text, typed) => {
    expect(nearCommand(text)?.typed ?? null).toBe(typed);
  });
});
