import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_COLUMNS } from '../../src/domain/export-rows';
import { Column, mapHeaders } from '../../src/domain/import-columns';

const READ =
  'The columns we read are: ref, theme, action (or title), timescale, due, owner, agency, status, current_due_date, reason_for_new_date, measure, measure_unit, baseline, baseline_date, target, target_date, direction, frequency, evidence, evidence_required, evidence_due (and measure 2, target 2 and so on for further measures).';

describe('header words people use', () => {
  test.each<[header: string, column: Column]>([
    ['Ref', 'ref'],
    ['REFERENCE', 'ref'],
    ['Ref No.', 'ref'],
    ['No', 'ref'],
    ['ID', 'ref'],
    ['Section', 'theme'],
    ['Area for Improvement', 'theme'],
    ['Title', 'title'],
    ['Action text', 'title'],
    ['Recommendation', 'title'],
    ['Timescales', 'timescale'],
    ['Timeframe', 'timescale'],
    ['Due Date', 'due'],
    ['Deadline', 'due'],
    ['Target date', 'due'],
    ['Owner (email)', 'owner'],
    ['Lead Officer', 'owner'],
    ['Responsible officer', 'owner'],
    ['Lead agency', 'agency'],
    ['Organisation', 'agency'],
    ['Progress', 'status'],
    ['Measure of success', 'measure'],
    ['How measured?', 'measure'],
    ['  Evidence of completion  ', 'evidence'],
    // A council's own spreadsheet (the tester's natural.csv).
    ['What we will do', 'title'],
    ['Lead Partner', 'agency'],
    ['Success Measure', 'measure'],
    // The export's own headings.
    ['Original due date', 'due'],
    ['Current due date', 'due'],
    ['Reason for new date', 'revisionReason'],
    ['Measure target', 'target'],
  ])('%j is the %s column', (header, column) => {
    const others = [column === 'ref' ? null : 'ref', column === 'title' ? null : 'action'].filter(
      (h): h is string => h !== null,
    );
    const mapped = mapHeaders([header, ...others]);
    expect(mapped.errors).toEqual([]);
    expect(mapped.ignored).toEqual([]);
    expect(mapped.index[column]).toBe(0);
  });
});

describe('mapHeaders', () => {
  test('records where each column is, skipping blank headings', () => {
    expect(mapHeaders(['', 'Ref', 'Action', '', 'Owner'])).toEqual({
      index: { ref: 1, title: 2, owner: 4 },
      more: new Map(),
      ignored: [],
      computed: [],
      errors: [],
    });
  });

  test('headings it does not know are ignored, named as written', () => {
    expect(mapHeaders(['Ref', 'Action', ' RAG ', 'Notes'])).toMatchObject({
      ignored: ['Notes'],
      computed: ['RAG'],
      errors: [],
    });
  });

  test.each([
    [['Ref', 'ID', 'Action'], 'Row 1: the columns "Ref" and "ID" both mean ref; keep one.'],
    [
      ['Ref', 'Due date', 'Action', 'Deadline'],
      'Row 1: the columns "Due date" and "Deadline" both mean due; keep one.',
    ],
  ])('two headings for one column: %j', (header, error) => {
    expect(mapHeaders(header).errors).toEqual([error]);
  });

  test.each([
    [
      ['Theme', 'Owner'],
      `Row 1 should be the column headings, with at least "ref" and "action". It has: Theme, Owner. ${READ}`,
    ],
    [['Ref', 'Status'], `Row 1 should be the column headings, with at least "action". It has: Ref, Status. ${READ}`],
    [['Action', ''], `Row 1 should be the column headings, with at least "ref". It has: Action. ${READ}`],
    [['', ' '], `Row 1 should be the column headings, with at least "ref" and "action". It has: nothing. ${READ}`],
    [
      ['SG-1', 'Ensure visits are recorded', 'Within 3 months'],
      `Row 1 should be the column headings, with at least "ref" and "action". It has: SG-1, Ensure visits are recorded, Within 3 months. ${READ}`,
    ],
  ])('required columns missing: %j', (header, error) => {
    expect(mapHeaders(header).errors).toEqual([error]);
  });

  test('a long header row is shown only up to 12 headings', () => {
    const header = Array.from({ length: 15 }, (_, i) => `H${i + 1}`);
    expect(mapHeaders(header).errors[0]).toContain(
      'It has: H1, H2, H3, H4, H5, H6, H7, H8, H9, H10, H11, H12. The columns',
    );
  });

  test('the export’s own headings read back, and the computed columns are ignored as such', () => {
    const mapped = mapHeaders(EXPORT_COLUMNS);
    const at = (c: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(c);
    expect(mapped.errors).toEqual([]);
    expect(mapped.index).toEqual({
      ref: 0,
      theme: 1,
      title: 2,
      timescale: 3,
      owner: 4,
      agency: 5,
      due: at('Original due date'),
      currentDue: at('Current due date'),
      revisionReason: at('Reason for new date'),
      status: at('Status'),
      measure: at('Measure'),
      evidence: at('Evidence'),
      evidenceRequired: at('Evidence required'),
      evidenceDue: at('Evidence due'),
      measureUnit: at('Measure unit'),
      baseline: at('Measure baseline'),
      baselineDate: at('Measure baseline date'),
      target: at('Measure target'),
      targetDate: at('Measure target date'),
      direction: at('Measure direction'),
      frequency: at('Measure frequency'),
    });
    expect(mapped.ignored).toEqual([]);
    expect(mapped.computed).toEqual([
      'RAG',
      'Days overdue',
      'Latest update',
      'Latest value',
      'Value period',
      'Measure status',
      'Measure trend',
    ]);
  });
});

describe('the words a real council plan uses (the tester’s natural.csv)', () => {
  const NATURAL = readFileSync(join(__dirname, '../fixtures/tester3/natural.csv'), 'utf8').split('\n')[0].split(',');

  test('every heading is read: "Target" beside a measure column is its target, and "Target Date" the due date', () => {
    expect(mapHeaders(NATURAL)).toEqual({
      index: { ref: 0, theme: 1, title: 2, owner: 3, agency: 4, due: 5, status: 6, measure: 7, target: 8 },
      more: new Map(),
      ignored: [],
      computed: [],
      errors: [],
    });
  });

  test('"Target" with no measure column is the due date', () => {
    expect(mapHeaders(['Ref', 'Action', 'Target']).index).toEqual({ ref: 0, title: 1, due: 2 });
    expect(mapHeaders(['Ref', 'Action', 'Due', 'Target']).index).toEqual({ ref: 0, title: 1, due: 2, target: 3 });
  });

  test('"Progress" is the status, unless the file has a Status column too: then it holds notes, and is ignored', () => {
    expect(mapHeaders(['Ref', 'Action', 'Progress']).index.status).toBe(2);
    expect(mapHeaders(['Ref', 'Progress', 'Action', 'Status'])).toMatchObject({
      index: { ref: 0, title: 2, status: 3 },
      ignored: ['Progress'],
      errors: [],
    });
  });

  test('"Current due date" is the due date of a file with no other', () => {
    expect(mapHeaders(['Ref', 'Action', 'Current due date']).index).toEqual({ ref: 0, title: 1, due: 2 });
  });
});
