import { columnWidths, roomForWhole, SHORT, unbreakable } from '../../../src/reports/column-widths';
import { APPENDIX, FOSTER_CARERS, LINK } from '../../support/report-tables';

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

  const PADDING = 3;

  test.each([
    [
      'a date is one piece',
      'Due 16 Feb 2027 (first 5 Jan 2027)',
      ['Due', '16\u00a0Feb\u00a02027', '(first', '5\u00a0Jan\u00a02027)'],
    ],
    [
      'a link breaks after its slashes, dots and hyphens',
      LINK.slice(0, 33),
      ['https:/', '/', 'example.', 'com/', 'foster-', 'carers'],
    ],
    ['words are pieces', 'No figures yet', ['No', 'figures', 'yet']],
  ])('unbreakable: %s', (_case, text, pieces) => {
    expect(unbreakable(text)).toEqual(pieces);
  });

  /**
   * Tables from the demo's committee report, with the room the page gives them. In each: no short text (a date, a
   * name, a phrase) is broken, no date is split, no column of sentences is squeezed to a word or two a line, and the
   * page is filled exactly.
   */
  const TABLES: [name: string, headers: string[], rows: string[][], available: number][] = [
    [
      'key highlights, a long link beside the action',
      ['Ref', 'Action', 'Owner', 'What happened', 'Evidence'],
      [
        [
          'LAC-6',
          FOSTER_CARERS,
          'Lynne Robbins',
          'Completed on 30 Nov 2026 (Lynne Robbins)',
          `Support group attendance register: ${LINK}`,
        ],
      ],
      134,
    ],
    [
      'the performance book, phrases for a measure with nothing to show',
      ['Ref', 'Measure', 'Target', 'Latest value', 'Trend', 'Status'],
      [
        [
          'SG-1 (1 of 2)',
          '% of referrals where the referring agency is told the outcome within 3 working days',
          '95% by 30 Mar 2027 (higher is better)',
          '74% for Oct 2026',
          'Improving',
          'Off target',
        ],
        [
          'LAC-2',
          '% of cared for children who know about the Children in Care Council',
          'No target set',
          'No figures yet',
          'No trend yet',
          'In words only',
        ],
        [
          'SG-12',
          'Number of multi-agency case audits reported to the board each quarter',
          '4 by 30 Mar 2027 (higher is better)',
          'No figures yet',
          'No trend yet',
          'Nothing to judge it by',
        ],
      ],
      134,
    ],
    ['the appendix, ten columns at 8 pt', APPENDIX.headers, APPENDIX.rows, 168],
  ];

  test.each(TABLES)(
    '%s: short texts whole, dates unsplit, sentences a few words a line',
    (_case, headers, rows, available) => {
      const widths = columnWidths(headers, rows, available);
      expect(sum(widths)).toBeCloseTo(available);
      const room = (i: number) => widths[i] - PADDING;
      const broken = [headers, ...rows].flatMap((row) =>
        row.flatMap((text, i) => {
          const tooLong = (piece: string) => piece.length > room(i);
          if (text.length <= SHORT && text.length > room(i)) return [`"${text}" wraps`];
          return unbreakable(text)
            .filter(tooLong)
            .map((piece) => `"${piece}" is split`);
        }),
      );
      expect(broken).toEqual([]);
      const squeezed = headers.filter((_, i) => rows.some((row) => row[i].length > SHORT) && room(i) < 16);
      expect(squeezed).toEqual([]);
    },
  );

  test('a long link yields width first: the action beside it gets as much room as the evidence', () => {
    const [, action, , , evidence] = columnWidths(TABLES[0][1], TABLES[0][2], 134);
    expect(action).toBeGreaterThanOrEqual(evidence);
  });

  test('a table whose short texts cannot all be whole on the page says it needs more room than the page', () => {
    const [, headers, rows] = TABLES[2];
    expect(roomForWhole(headers, rows)).toBeGreaterThan(134);
    expect(roomForWhole(headers, rows)).toBeLessThanOrEqual(168);
  });
});
