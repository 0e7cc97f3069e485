import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listSome, MAX_ACTIONS, validateRows } from '../../src/domain/import-rows';

const BASELINE = '2026-07-01';
const TODAY = '2026-07-01';
const validate = (table: string[][]) => validateRows(table, BASELINE, TODAY);

const HEADER = ['Ref', 'Theme', 'Action', 'Timescale', 'Due', 'Owner', 'Agency', 'Status', 'Measure', 'Evidence'];
/** A row under HEADER: the ref and action, and whichever other cells are given. */
function row(
  ref: string,
  title: string,
  cells: Partial<
    Record<'theme' | 'timescale' | 'due' | 'owner' | 'agency' | 'status' | 'measure' | 'evidence', string>
  > = {},
): string[] {
  const {
    theme = '',
    timescale = '',
    due = '',
    owner = '',
    agency = '',
    status = '',
    measure = '',
    evidence = '',
  } = cells;
  return [ref, theme, title, timescale, due, owner, agency, status, measure, evidence];
}

describe('good rows', () => {
  test('every column read', () => {
    const result = validate([
      HEADER,
      row('SG-1', 'Ensure visits are recorded', {
        theme: 'Safeguarding',
        timescale: 'Within 3 months',
        owner: 'Alex Wilber <AlexW@Example.com>',
        agency: 'Council',
        status: 'In progress',
        measure: '% of visits recorded',
        evidence: 'https://example.com/a',
      }),
    ]);
    expect(result).toStrictEqual({
      rows: [
        {
          row: 2,
          ref: 'SG-1',
          title: 'Ensure visits are recorded',
          theme: 'Safeguarding',
          timescale: 'Within 3 months',
          originalDueDate: '2026-10-01',
          dueFromTimescale: true,
          owner: { email: 'alexw@example.com', displayName: 'Alex Wilber', aadObjectId: null },
          agency: 'Council',
          status: 'On track',
          measure: '% of visits recorded',
          evidence: ['https://example.com/a'],
        },
      ],
      errors: [],
      warnings: [
        'Not quantifiable: 1 measure has no number, unit or target to judge progress by: SG-1 (no unit, no target). Add the measure_unit and target columns.',
      ],
    });
  });

  test('blank cells are left out, so an existing action keeps what it has', () => {
    const result = validate([HEADER, row('SG-1', 'Ensure visits are recorded')]);
    expect(result.rows).toStrictEqual([{ row: 2, ref: 'SG-1', title: 'Ensure visits are recorded', evidence: [] }]);
    expect(result.errors).toEqual([]);
  });

  test.each<
    [
      description: string,
      timescale: string,
      due: string,
      expected: { timescale?: string; originalDueDate?: string | null },
    ]
  >([
    [
      'a timescale counts from the baseline',
      'Within 3 months',
      '',
      { timescale: 'Within 3 months', originalDueDate: '2026-10-01' },
    ],
    ['weeks', 'Within six weeks', '', { timescale: 'Within six weeks', originalDueDate: '2026-08-12' }],
    [
      'immediately is the baseline itself',
      'Immediately',
      '',
      { timescale: 'Immediately', originalDueDate: '2026-07-01' },
    ],
    ['"None" means no due date', 'None', '', { timescale: 'None', originalDueDate: null }],
    ['a due date on its own', '', '30/09/2026', { originalDueDate: '2026-09-30' }],
    [
      'a due date wins over the timescale, which is kept as written',
      'Within 3 months',
      '30 Sept 2026',
      { timescale: 'Within 3 months', originalDueDate: '2026-09-30' },
    ],
  ])('%s', (_d, timescale, due, expected) => {
    const [imported] = validate([HEADER, row('SG-1', 'Act', { timescale, due })]).rows;
    expect({ timescale: imported.timescale, originalDueDate: imported.originalDueDate }).toStrictEqual({
      timescale: undefined,
      originalDueDate: undefined,
      ...expected,
    });
  });

  test.each([
    ['one link', 'https://example.com/a', ['https://example.com/a']],
    [
      'split on semicolons',
      'https://example.com/a; Board minutes ;https://example.com/b',
      ['https://example.com/a', 'Board minutes', 'https://example.com/b'],
    ],
    [
      'split on new lines',
      'Board minutes\r\nAudit report\nhttps://example.com/c',
      ['Board minutes', 'Audit report', 'https://example.com/c'],
    ],
    ['empty pieces dropped', 'a;;b;', ['a', 'b']],
  ])('evidence: %s', (_d, evidence, expected) => {
    expect(validate([HEADER, row('SG-1', 'Act', { evidence })]).rows[0].evidence).toEqual(expected);
  });

  test('cells are trimmed and control characters removed', () => {
    const [imported] = validate([
      ['Ref', 'Action', 'Theme'],
      [' SG-1\u0007 ', '\tEnsure\u0000 visits  ', '  Safe\u001fguarding '],
    ]).rows;
    expect(imported).toMatchObject({ ref: 'SG-1', title: 'Ensure visits', theme: 'Safeguarding' });
  });

  test('blank lines are skipped and rows keep their spreadsheet numbers', () => {
    const result = validate([[], ['', ''], ['Ref', 'Action'], ['SG-1', 'First'], ['', '  '], ['SG-2', 'Second']]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.ref])).toEqual([
      [4, 'SG-1'],
      [6, 'SG-2'],
    ]);
  });

  test('only the columns the file has are read; the rest are left out', () => {
    expect(
      validate([
        ['Action', 'Ref'],
        ['Ensure visits are recorded', '10.3.1'],
      ]).rows,
    ).toStrictEqual([{ row: 2, ref: '10.3.1', title: 'Ensure visits are recorded', evidence: [] }]);
  });

  test('blank extra cells past the headings are fine', () => {
    expect(
      validate([
        ['Ref', 'Action'],
        ['SG-1', 'Act', '', ' '],
      ]).errors,
    ).toEqual([]);
  });
});

describe('bad rows: each problem named with its row', () => {
  test.each<[description: string, cells: string[], error: string | RegExp]>([
    [
      'no reference',
      row('', 'Act'),
      'Row 2: the reference is empty; every action needs one (for example SG-4 or 10.3.1).',
    ],
    [
      'a reference with a slash',
      row('SG/4', 'Act'),
      /^Row 2: the reference "SG\/4" contains \/ \\ # \? or a control character, which references cannot contain\./,
    ],
    [
      'a reference with no letters or numbers',
      row('--', 'Act'),
      'Row 2: the reference "--" has no letters or numbers in it.',
    ],
    ['no action text', row('SG-1', ''), 'Row 2: the action text is empty.'],
    [
      'a timescale we cannot read',
      row('SG-1', 'Act', { timescale: 'soonish' }),
      /^Row 2: I couldn't read "soonish" as a timescale\. Try "Immediately"/,
    ],
    [
      'an impossible due date',
      row('SG-1', 'Act', { due: '31/02/2026' }),
      /^Row 2: the due date "31\/02\/2026" is not a date we can use\. "31\/02\/2026" isn't a real date: February 2026 has only 28 days\./,
    ],
    [
      'a due date that is not a date',
      row('SG-1', 'Act', { due: 'TBC' }),
      /^Row 2: the due date "TBC" is not a date we can use\./,
    ],
    [
      'an owner who is not an email address',
      row('SG-1', 'Act', { owner: 'alex wilber@council' }),
      'Row 2: the owner "alex wilber@council" is not an email address or user name like alex.wilber@council.gov.uk.',
    ],
    [
      'an owner named without an email, whom nobody knows',
      row('SG-1', 'Act', { owner: 'Alex Wilber' }),
      'Row 2: the owner "Alex Wilber" is a name, and nobody of that name is known here (in Teams or in this plan); write their email address with it, like Alex Wilber <name@council.gov.uk>.',
    ],
    [
      'a status we do not know',
      row('SG-1', 'Act', { status: 'Nearly' }),
      'Row 2: the status "Nearly" is not a status we know. Use one of: Not started, On track, At risk, Delayed, Complete, Signed off, Cancelled.',
    ],
    [
      'too many cells',
      ['SG-1', 'Act', 'more', 'stuff'],
      'Row 2: it has 4 cells but there are 2 column headings; a comma inside a cell needs the cell in quotes.',
    ],
  ])('%s', (_d, cells, error) => {
    const header = cells.length === HEADER.length ? HEADER : ['Ref', 'Action'];
    const result = validate([header, cells]);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([typeof error === 'string' ? error : expect.stringMatching(error)]);
  });

  test.each<[column: string, length: number, error: string]>([
    ['Ref', 41, 'Row 2: the reference is 41 characters long; the most is 40.'],
    ['Action', 2001, 'Row 2: the action is 2,001 characters long; the most is 2,000.'],
    ['Theme', 201, 'Row 2: the theme is 201 characters long; the most is 200.'],
    ['Owner', 201, 'Row 2: the owner is 201 characters long; the most is 200.'],
    ['Status', 51, 'Row 2: the status is 51 characters long; the most is 50.'],
    ['Evidence', 4001, 'Row 2: the evidence is 4,001 characters long; the most is 4,000.'],
  ])('an over-long %s cell (%i characters)', (column, length, error) => {
    const header = ['Ref', 'Action', column].filter((h, i, all) => all.indexOf(h) === i);
    const cells = header.map((h) => (h === column ? 'x'.repeat(length) : h === 'Ref' ? 'SG-1' : 'Act'));
    expect(validate([header, cells]).errors).toEqual([error]);
  });

  test('cells at the limit are accepted', () => {
    expect(
      validate([
        ['Ref', 'Action'],
        ['x'.repeat(40), 'y'.repeat(2000)],
      ]).errors,
    ).toEqual([]);
  });

  test('a repeated reference names the first row that used it', () => {
    expect(
      validate([
        ['Ref', 'Action'],
        ['SG-4', 'First'],
        ['SG-5', 'Other'],
        ['SG-4', 'Again'],
      ]).errors,
    ).toEqual(['Row 4: the reference SG-4 is already used on row 2; each action needs its own.']);
  });

  test.each([
    ['SG-4', 'sg4'],
    ['SG-4', 'SG.4'],
    ['6(a)', '6a'],
    ['6(a)', '6 (a)'],
    ['2.1(ii)', '2.1.ii'],
    ['Ä-1', 'ä-1'],
  ])('%s then %s read the same, so the second is refused, not merged into the first', (first, again) => {
    expect(
      validate([
        ['Ref', 'Action'],
        [first, 'First'],
        ['SG-5', 'Other'],
        [again, 'Again'],
      ]).errors,
    ).toEqual([
      `Row 4: the reference ${again} reads the same as ${first} on row 2 (case, spaces and punctuation do not count), so the two would be one action; give each its own reference.`,
    ]);
  });

  test.each([
    ['Ä-1', 'Ö-1'],
    ['Ä-1', 'A-1'],
    ['3', '3(a)'],
    ['6(a)', '6(b)'],
    ['10.3.1', '1.03.1'],
    ['Rec 4b', '4b'],
  ])('%s and %s are different actions', (first, second) => {
    const result = validate([
      ['Ref', 'Action'],
      [first, 'First'],
      [second, 'Second'],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.ref)).toEqual([first, second]);
  });

  test('every problem in a row is listed, one line each', () => {
    expect(validate([HEADER, row('', '', { owner: 'nobody', status: 'Nearly' })]).errors).toEqual([
      'Row 2: the reference is empty; every action needs one (for example SG-4 or 10.3.1).',
      'Row 2: the action text is empty.',
      'Row 2: the owner "nobody" is a name, and nobody of that name is known here (in Teams or in this plan); write their email address with it, like nobody <name@council.gov.uk>.',
      expect.stringMatching(/^Row 2: the status "Nearly" is not a status we know\./),
    ]);
  });

  test('good rows around a bad one are still read, and the bad one is not', () => {
    const result = validate([
      ['Ref', 'Action'],
      ['SG-1', 'First'],
      ['SG-2', ''],
      ['SG-3', 'Third'],
    ]);
    expect(result.rows.map((r) => r.ref)).toEqual(['SG-1', 'SG-3']);
    expect(result.errors).toEqual(['Row 3: the action text is empty.']);
  });

  test('a long list of problems stops at 100 and says how many more', () => {
    const table = [['Ref', 'Action'], ...Array.from({ length: 150 }, (_, i) => [`A-${i + 1}`, ''])];
    const { errors } = validate(table);
    expect(errors).toHaveLength(101);
    expect(errors[0]).toBe('Row 2: the action text is empty.');
    expect(errors[99]).toBe('Row 101: the action text is empty.');
    expect(errors[100]).toBe('…and 50 more problems.');
  });

  // 60 rows with two problems each give 120 lines: 100 are listed (rows 2–51), then the 20 left are counted.
  test('the count of what is not listed counts problems, as the message says', () => {
    const table = [['Ref', 'Action', 'Owner'], ...Array.from({ length: 60 }, () => ['', '', 'alexw@example.com'])];
    const { errors } = validate(table);
    expect(errors).toHaveLength(101);
    expect(errors[99]).toBe('Row 51: the action text is empty.');
    expect(errors[100]).toBe('…and 20 more problems.');
  });
});

describe('whole-file problems', () => {
  test.each([
    ['no rows at all', []],
    ['only blank rows', [[''], ['', ' ', '\t']]],
  ])('%s: the file is empty', (_d, table) => {
    expect(validate(table)).toEqual({ rows: [], errors: ['The file is empty.'], warnings: [] });
  });

  test('headings with nothing under them', () => {
    expect(
      validate([
        ['Ref', 'Action'],
        ['', ''],
      ]),
    ).toEqual({ rows: [], errors: ['The file has column headings but no actions under them.'], warnings: [] });
  });

  test('a heading problem names the row the headings are on', () => {
    const result = validate([[''], ['Plan title'], ['Ref', 'Action']]);
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^Row 2 should be the column headings, with at least "ref" and "action"\. It has: Plan title\./,
      ),
    ]);
    expect(result.rows).toEqual([]);
  });

  test('two headings for one column stop the import', () => {
    expect(validate([[], ['Ref', 'ID', 'Action'], ['SG-1', '1', 'Act']]).errors).toEqual([
      'Row 2: the columns "Ref" and "ID" both mean ref; keep one.',
    ]);
  });

  test(`more than ${MAX_ACTIONS.toLocaleString('en-GB')} actions is refused`, () => {
    const table = [['Ref', 'Action'], ...Array.from({ length: MAX_ACTIONS + 1 }, (_, i) => [`A-${i}`, 'Act'])];
    expect(validate(table)).toEqual({
      rows: [],
      errors: ['The file has 20,001 actions; a plan may have at most 20,000.'],
      warnings: [],
    });
  });
});

describe('warnings', () => {
  test('columns we do not use are named; those the export computes are named apart, as such', () => {
    expect(
      validate([
        ['Ref', 'RAG', 'Action', 'Notes', 'Days overdue', 'Latest value 2'],
        ['SG-1', 'Red', 'Act', 'x', '3', '40%'],
      ]).warnings,
    ).toEqual([
      'Ignored columns the export computes: RAG, Days overdue, Latest value 2 (they are worked out from the register, not read from a file).',
      'These columns are not used and were ignored: Notes.',
    ]);
  });

  test.each([
    [1, '1 action has no owner yet: A-1.'],
    [2, '2 actions have no owner yet: A-1, A-2.'],
    [12, '12 actions have no owner yet: A-1, A-2, A-3, A-4, A-5, A-6, A-7, A-8, A-9, A-10 and 2 more.'],
  ])('%i unowned actions', (count, warning) => {
    const table = [
      ['Ref', 'Action', 'Owner'],
      ['OWNED', 'Act', 'alexw@example.com'],
      ...Array.from({ length: count }, (_, i) => [`A-${i + 1}`, 'Act', '']),
    ];
    expect(validate(table).warnings).toEqual([warning]);
  });

  test('no owner warning when the file has no owner column', () => {
    expect(
      validate([
        ['Ref', 'Action'],
        ['SG-1', 'Act'],
      ]).warnings,
    ).toEqual([]);
  });

  test('rows with errors are not counted as unowned', () => {
    expect(
      validate([
        ['Ref', 'Action', 'Owner'],
        ['SG-1', '', ''],
        ['SG-2', 'Act', 'alexw@example.com'],
      ]).warnings,
    ).toEqual([]);
  });
});

describe('listSome', () => {
  test.each<[items: string[], max: number | undefined, text: string]>([
    [[], undefined, ''],
    [['SG-1'], undefined, 'SG-1'],
    [['SG-1', 'SG-2', 'SG-3'], 3, 'SG-1, SG-2, SG-3'],
    [['SG-1', 'SG-2', 'SG-3', 'SG-4'], 3, 'SG-1, SG-2, SG-3 and 1 more'],
  ])('%j with at most %s', (items, max, text) => {
    expect(listSome(items, max)).toBe(text);
  });
});

describe('an owner named without an email', () => {
  const PEOPLE = [
    { email: 'lynner@example.com', name: 'Lynne Robbins' },
    { email: 'sam.lee@example.com', name: 'Sam Lee' },
    { email: 's.lee@health.example.com', name: 'Sam  LEE' },
  ];
  const withPeople = (...owners: string[]) =>
    validateRows(
      [['Ref', 'Action', 'Owner'], ...owners.map((owner, i) => [`A-${i + 1}`, 'Act', owner])],
      BASELINE,
      TODAY,
      PEOPLE,
    );

  test('is the one known person of that name, in any case', () => {
    const result = withPeople('Lynne Robbins', 'lynne  robbins');
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.owner)).toEqual([
      { email: 'lynner@example.com', displayName: 'Lynne Robbins', aadObjectId: null },
      { email: 'lynner@example.com', displayName: 'lynne  robbins', aadObjectId: null },
    ]);
  });

  test('is known from another row of the same file that gives the email', () => {
    const result = validateRows(
      [
        ['Ref', 'Action', 'Owner'],
        ['A-1', 'Act', 'Patti Fernandez <pattif@example.com>'],
        ['A-2', 'Act', 'Patti Fernandez'],
      ],
      BASELINE,
      TODAY,
    );
    expect(result.errors).toEqual([]);
    expect(result.rows[1].owner?.email).toBe('pattif@example.com');
  });

  test.each([
    [
      'Sam Lee',
      'Row 2: the owner "Sam Lee" is a name that 2 people have (sam.lee@example.com, s.lee@health.example.com); write the one you mean with their email address, like Sam Lee <sam.lee@example.com>.',
    ],
    [
      'Jo Bloggs',
      'Row 2: the owner "Jo Bloggs" is a name, and nobody of that name is known here (in Teams or in this plan); write their email address with it, like Jo Bloggs <name@council.gov.uk>.',
    ],
  ])('%s is refused, saying why and how to write it', (owner, error) => {
    expect(withPeople(owner).errors).toEqual([error]);
  });
});

describe('a "Progress" column', () => {
  test('of status words is the status', () => {
    const result = validate([
      ['Ref', 'Action', 'Progress'],
      ['A-1', 'Act', 'On track'],
      ['A-2', 'Act', 'at risk'],
    ]);
    expect(result.rows.map((r) => r.status)).toEqual(['On track', 'At risk']);
  });

  test('of notes is refused, saying how to leave it out', () => {
    expect(
      validate([
        ['Ref', 'Action', 'Progress'],
        ['A-1', 'Act', 'Board met twice'],
      ]).errors,
    ).toEqual([
      'Row 2: the status "Board met twice" is not a status we know. Use one of: Not started, On track, At risk, Delayed, Complete, Signed off, Cancelled. The "Progress" column is read as each action\'s status; if it holds progress notes, rename it (for example "Progress notes") and it will be left out.',
    ]);
  });

  test('beside a Status column is left out, and named', () => {
    const result = validate([
      ['Ref', 'Action', 'Status', 'Progress'],
      ['A-1', 'Act', 'Delayed', 'Board met twice'],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.rows[0].status).toBe('Delayed');
    expect(result.warnings).toEqual(['These columns are not used and were ignored: Progress.']);
  });
});

describe('the tester’s natural.csv, a council’s own headings', () => {
  const NATURAL = [
    readFileSync(join(__dirname, '../fixtures/tester3/natural.csv'), 'utf8').split('\n')[0].split(','),
    [
      '1.1',
      'Leadership',
      'Establish a board',
      'Alex Wilber <alexw@example.com>',
      'Council',
      '31/10/2026',
      'On track',
      'Board meets monthly',
      '12',
    ],
    [
      '1.2a',
      'Leadership',
      'Publish a strategy',
      'Megan Bowen <meganb@example.com>',
      'Council',
      '15-Dec-2026',
      '',
      '',
      '',
    ],
    ['A.2.1', 'Transition', 'Agree a protocol', 'Lynne Robbins', 'Adult Social Care', '30/09/2026', 'Delayed', '', ''],
  ];

  test('every row is read: the target date is the due date, the target the measure’s', () => {
    const result = validateRows(NATURAL, BASELINE, TODAY, [{ email: 'lynner@example.com', name: 'Lynne Robbins' }]);
    expect(result.errors).toEqual([]);
    expect(
      result.rows.map((r) => [
        r.ref,
        r.theme,
        r.agency,
        r.originalDueDate,
        r.owner?.email,
        r.status,
        r.measure,
        r.measureTarget,
      ]),
    ).toEqual([
      ['1.1', 'Leadership', 'Council', '2026-10-31', 'alexw@example.com', 'On track', 'Board meets monthly', '12'],
      ['1.2a', 'Leadership', 'Council', '2026-12-15', 'meganb@example.com', undefined, undefined, undefined],
      ['A.2.1', 'Transition', 'Adult Social Care', '2026-09-30', 'lynner@example.com', 'Delayed', undefined, undefined],
    ]);
  });
});
