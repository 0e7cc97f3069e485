import { measureNamedIn } from '../../src/domain/which-measure-answer';

/** The typed answer to "SG-1 has 2 measures. Which is 40 for?" (or of 3, where said). */
describe('which measure a typed answer names', () => {
  test.each([
    ['1', 1],
    ['2', 2],
    ['2.', 2],
    ['the first one', 1],
    ['measure 2', 2],
    ['Measure 2 please', 2],
    ['the second', 2],
    ['second', 2],
    ['The second one!', 2],
    ['2nd', 2],
    ['the 1st one', 1],
    ['m2', 2],
    ['M1', 1],
    ['#2', 2],
    ['no. 2', 2],
    ['number 2', 2],
    ['one', 1],
    ['two', 2],
    ['measure two', 2],
    ['it’s the second one', 2],
    ["it's measure 1 thanks", 1],
    ['the last one', 2],
    ['option 1', 1],
    ['I mean the first', 1],
  ])('%j names measure %d', (typed, n) => {
    expect(measureNamedIn(typed, 2)).toBe(n);
  });

  test.each([
    ['3', 'beyond the last measure'],
    ['third', 'beyond the last measure'],
    ['m3', 'beyond the last measure'],
    ['0', 'no measure 0'],
    ['1 or 2', 'two choices'],
    ['both', 'no number'],
    ['not the first', 'a refusal'],
    ['not 2', 'a refusal'],
    ['yes', 'no number'],
    ['the one', 'pointing, not naming'],
    ['that one', 'pointing, not naming'],
    ['measure', 'no number'],
    ['', 'nothing'],
    ['2%', 'a value'],
    ['1.5', 'a value'],
    ['-1', 'a value'],
    ['1/2', 'a date or a fraction'],
    ['= 2', 'a value'],
    ['SG-1', 'a reference'],
    ['SG-1 measure 2 40', 'a whole command'],
    ['2 weeks', 'a span'],
    ['12', 'not a measure of two'],
    ['2 one', 'not an ordinal before "one"'],
    ['the second one and the first', 'two choices'],
    ['what?', 'a question'],
  ])('%j names none (%s)', (typed) => {
    expect(measureNamedIn(typed, 2)).toBeNull();
  });

  test.each([
    ['3', 3, 3],
    ['the third one', 3, 3],
    ['last', 3, 3],
    ['ten', 10, 10],
    ['m10', 10, 10],
    ['tenth', 10, 10],
    ['11', 10, null],
  ])('%j of %d measures names %p', (typed, count, n) => {
    expect(measureNamedIn(typed, count)).toBe(n);
  });

  test('a long message is never read as a choice', () => {
    expect(measureNamedIn(`${'please '.repeat(20)}2`, 2)).toBeNull();
  });
});
