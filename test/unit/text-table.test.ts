import { textTable } from '../../src/domain/text-table';

describe('textTable', () => {
  test('pads columns to the widest cell, two spaces apart, with a rule under the headings', () => {
    expect(
      textTable(
        ['Ref', 'Status'],
        [
          ['SG-1', 'On track'],
          ['LAC-10', 'Delayed'],
        ],
      ),
    ).toBe(['Ref     Status', '------  --------', 'SG-1    On track', 'LAC-10  Delayed'].join('\n'));
  });

  test('a heading wider than its cells sets the width', () => {
    expect(textTable(['Days overdue', 'Ref'], [['3', 'SG-1']])).toBe(
      ['Days overdue  Ref', '------------  ----', '3             SG-1'].join('\n'),
    );
  });

  test('no trailing spaces at the end of a line', () => {
    const lines = textTable(
      ['Ref', 'Owner'],
      [
        ['SG-1', ''],
        ['SG-2', 'alexw@example.com'],
      ],
    ).split('\n');
    expect(lines).toEqual(['Ref   Owner', '----  -----------------', 'SG-1', 'SG-2  alexw@example.com']);
  });

  test('with no rows, just the headings and the rule', () => {
    expect(textTable(['Plan', 'Title'], [])).toBe('Plan  Title\n----  -----');
  });

  test.each<[description: string, text: string, max: number | undefined, shown: string]>([
    ['a cell that fits is unchanged', 'short', 10, 'short'],
    ['a cell exactly the width is unchanged', 'x'.repeat(10), 10, 'x'.repeat(10)],
    ['a longer cell is cut with an ellipsis to the width', 'abcdefghijkl', 10, 'abcdefghi…'],
    ['cells are 60 wide unless told', 'y'.repeat(61), undefined, 'y'.repeat(59) + '…'],
    ['line breaks and runs of spaces become one space', 'line one\r\nline   two\tend', 40, 'line one line two end'],
    ['spaces are collapsed before cutting', 'a    b    c    d', 5, 'a b …'],
  ])('%s', (_d, text, max, shown) => {
    const table = textTable(['H'], [[text]], max === undefined ? [] : [max]);
    expect(table.split('\n')[2]).toBe(shown);
  });

  test('widths apply per column, and headings are cut too', () => {
    expect(textTable(['Reference', 'Action'], [['SG-1', 'Ensure visits are recorded']], [5, 8])).toBe(
      ['Refe…  Action', '-----  --------', 'SG-1   Ensure …'].join('\n'),
    );
  });
});
