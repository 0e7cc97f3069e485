/** Where the tab lets emails and links break over lines, and what it says when the chart starts after the baseline. */
import type { RagWeek } from '../../tab/src/api-types';
import { addressPieces, breakableRuns } from '../../tab/src/view/breaks';
import { historyStartNote } from '../../tab/src/view/rag-chart';

describe('emails and links break at sensible places only', () => {
  test.each([
    ['an email, before its @ and its dots', 'alexw@example.com', ['alexw', '@example', '.com']],
    ['an email in brackets', '(alexw@example.com)', ['(alexw', '@example', '.com)']],
    [
      'a link, after // and before / . - _ ? = &',
      'https://example.com/foster-carers/a_b.xlsx?x=1&y=2',
      ['https://', 'example', '.com', '/foster', '-carers', '/a', '_b', '.xlsx', '?x', '=1', '&y', '=2'],
    ],
    ['after the slashes, never between them or before them', 'https://a.org', ['https://', 'a', '.org']],
    ['an ordinary word is left whole', 'Safeguarding', ['Safeguarding']],
    ['a hyphenated word without an address is left whole', 'sign-off', ['sign-off']],
    ['a full stop at the end of a sentence is not an address', 'services.', ['services.']],
  ])('%s', (_, word, pieces) => {
    expect(addressPieces(word)).toEqual(pieces);
  });

  test('a line keeps its spaces and words, and only its addresses are cut', () => {
    expect(breakableRuns('Alex Wilber (alexw@example.com)')).toEqual([
      ['Alex'],
      [' '],
      ['Wilber'],
      [' '],
      ['(alexw', '@example', '.com)'],
    ]);
    expect(breakableRuns('Alex Wilber (alexw@example.com)').flat().join('')).toBe('Alex Wilber (alexw@example.com)');
  });
});

describe("the chart's note when history starts after the plan's baseline", () => {
  const week = (weekStarting: string): RagWeek => ({
    weekStarting,
    red: 0,
    amber: 0,
    green: 1,
    complete: 0,
    cancelled: 0,
  });
  test.each([
    ['history from the baseline week: nothing to say', '2026-10-05', '2026-10-05', null],
    ['a baseline later in the first week: nothing to say', '2026-10-05', '2026-10-07', null],
    ['no weeks: nothing to say', null, '2026-10-05', null],
    [
      'a plan put in the tracker weeks after its baseline',
      '2026-11-30',
      '2026-10-05',
      "The tracker's history starts in the week of 30 Nov 2026, after the plan's baseline of 5 Oct 2026, so the chart starts there.",
    ],
  ])('%s', (_, first, baseline, note) => {
    expect(historyStartNote(first ? [week(first)] : [], baseline)).toBe(note);
  });
});
