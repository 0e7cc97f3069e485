import { CARD_BUDGET_BYTES, clipText, fitCount, moreLine, utf16Bytes } from '../../src/domain/card-budget';

describe('the card size budget', () => {
  test('is 36 KB, under Teams’ 40 KB limit', () => {
    expect(CARD_BUDGET_BYTES).toBe(36 * 1024);
  });

  test.each([
    [{}, 4],
    ['abc', 10], // "abc" with its quotes: 5 code units
    ['é', 6], // one code unit, not UTF-8's two bytes
    ['😀', 8], // a surrogate pair: two code units
    ['中文', 8],
  ])('the UTF-16 size of %j is %i bytes', (value, bytes) => {
    expect(utf16Bytes(value)).toBe(bytes);
  });

  test.each([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['a title that is too long', 10, 'a title t…'],
    ['ends on a space here', 9, 'ends on…'],
    ['  runs   of\n\nwhitespace  ', 100, 'runs of whitespace'],
    ['Ä-1 Überprüfung der Qualität', 12, 'Ä-1 Überprü…'],
    ['😀😀😀😀😀', 3, '😀😀…'], // never half an emoji
    ['abc', 1, '…'],
  ])('clipText(%j, %i) is %j', (text, max, expected) => {
    expect(clipText(text, max)).toBe(expected);
    expect(Array.from(clipText(text, max)).length).toBeLessThanOrEqual(max);
  });

  test.each([
    [0, 100, 0],
    [10, 100, 10],
    [10, 7, 7],
    [50, 0, 0],
    [1000, 333, 333],
  ])('of %i items, where at most %i fit, fitCount finds %i', (total, limit, expected) => {
    const asked: number[] = [];
    expect(fitCount(total, (k) => (asked.push(k), k <= limit))).toBe(expected);
    expect(asked.length).toBeLessThanOrEqual(Math.ceil(Math.log2(total + 1)) + 1);
  });

  test.each([
    [0, 'my actions', null],
    [1, 'my actions', "and 1 more: type 'my actions'"],
    [25, 'decisions', "and 25 more: type 'decisions'"],
  ])('%i hidden with %j: %j', (hidden, command, expected) => {
    expect(moreLine(hidden, command)).toBe(expected);
  });
});
