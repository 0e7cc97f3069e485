import { columnWidths } from '../../../src/reports/column-widths';

const SENTENCE = 'Ensure that visits to children are clearly recorded and state whether the child has been seen alone';
const sum = (widths: number[]) => widths.reduce((a, b) => a + b, 0);

describe('columnWidths', () => {
  test.each([
    ['a short reference beside a long sentence', ['Ref', 'Action'], [['SG-2', SENTENCE]], 120],
    ['a table wider than the page', ['Ref', 'Action', 'Measure'], [['LAC-10', SENTENCE, SENTENCE]], 80],
    ['short columns only', ['Ref', 'RAG'], [['SG-2', 'Red']], 120],
  ])('fills exactly the space there is: %s', (_case, headers, rows, available) => {
    expect(sum(columnWidths(headers, rows, available))).toBeCloseTo(available);
  });

  test('gives a long sentence more room than a reference, and the reference room for its longest word', () => {
    const [ref, action] = columnWidths(['Ref', 'Action'], [['LAC-10', SENTENCE]], 60);
    expect(action).toBeGreaterThan(ref * 3);
    expect(ref).toBeGreaterThanOrEqual('LAC-10'.length);
  });

  test('never breaks a word when the longest words fit: each column keeps room for its longest word', () => {
    const headers = ['Ref', 'Theme', 'Action', 'Owner', 'Status', 'Due date', 'RAG', 'Measure'];
    const row = [
      'LAC-3',
      'Looked after children',
      SENTENCE,
      'Alex Wilber',
      'Not started',
      '16 Feb 2027',
      'Complete',
      SENTENCE,
    ];
    const widths = columnWidths(headers, [row], 100);
    headers.forEach((header, i) => {
      const longest = Math.max(...[header, row[i]].flatMap((text) => text.split(' ')).map((word) => word.length));
      expect(widths[i]).toBeGreaterThan(longest);
    });
  });

  test('keeps a date or a name whole rather than giving the sentence beside it a few more characters', () => {
    const rows = [
      ['SG-2', SENTENCE, 'Megan Bowen', '5 Oct 2026'],
      ['LAC-3', SENTENCE, 'Patti Fernandez', '16 Feb 2027'],
    ];
    const [, , owner, due] = columnWidths(['Ref', 'Action', 'Owner', 'Due date'], rows, 100);
    expect(owner).toBeGreaterThanOrEqual('Patti Fernandez'.length + 3);
    expect(due).toBeGreaterThanOrEqual('16 Feb 2027'.length + 3);
  });

  test('gives the room where it saves the most lines: the sentence that wraps most gets the most', () => {
    const [, short, long] = columnWidths(['Ref', 'Short', 'Long'], [['SG-2', 'Visits seen', SENTENCE + SENTENCE]], 80);
    expect(long).toBeGreaterThan(short * 3);
  });

  test('a column with nothing in it still gets a little room', () => {
    expect(columnWidths(['Days overdue', ''], [['', '']], 50)[1]).toBeGreaterThan(0);
  });
});
