import { cellAsText, ExportCell, exportColumns, exportRows } from '../../src/domain/export-rows';
import { dueDateProblem } from '../../src/domain/import-dates';
import { mergeImportedRow } from '../../src/domain/import-merge';
import { validateRows } from '../../src/domain/import-rows';
import { Action, Status } from '../../src/domain/types';
import { anAction } from '../support/builders';
import { exportedAndImported } from '../support/export-round-trip';

const TODAY = '2026-11-21';
const exportOne = (overrides: Partial<Action>) => exportRows([anAction(overrides)], TODAY)[0];

describe('exportRows', () => {
  test('one action, every column', () => {
    const action = anAction({
      status: 'On track',
      revisedDueDate: '2026-12-31',
      revisionReason: 'supplier late',
      latestUpdate: {
        text: 'Spoke to the supplier (asked for by meganb@example.com)',
        by: 'alexw@example.com',
        at: '2026-11-20T16:45:00.000Z',
      },
      evidence: [
        { url: 'https://council.example/audit.pdf', note: 'the audit', addedBy: 'alexw@example.com', addedAt: TODAY },
        { url: null, note: 'Minutes of 3 Nov', addedBy: 'alexw@example.com', addedAt: TODAY },
      ],
    });
    const names = new Map([
      ['alexw@example.com', 'Alex Wilber'],
      ['meganb@example.com', 'Megan Bowen'],
    ]);
    expect(exportRows([action], TODAY, [], (email) => names.get(email) ?? email)).toEqual([
      {
        Ref: 'SG-1',
        Theme: 'Safeguarding services',
        Action: 'Ensure that visits to children are clearly recorded',
        Timescale: 'Within three months',
        Owner: 'Alex Wilber <alexw@example.com>',
        Agency: 'Council',
        'Original due date': { date: '2026-09-30' },
        'Current due date': { date: '2026-12-31' },
        'Reason for new date': 'supplier late',
        Status: 'On track',
        RAG: 'Green',
        'Days overdue': null,
        'Latest update': 'Spoke to the supplier (asked for by Megan Bowen) (20 Nov 2026, Alex Wilber)',
        Measure: '% of visits recorded',
        Evidence: 'https://council.example/audit.pdf; Minutes of 3 Nov',
        'Evidence required': null,
        'Evidence due': null,
        // A measure in words: its target as written, and nothing to define or compute.
        'Measure unit': null,
        'Measure baseline': null,
        'Measure baseline date': null,
        'Measure target': '95%',
        'Measure target date': null,
        'Measure direction': null,
        'Measure frequency': null,
        'Latest value': null,
        'Value period': null,
        'Measure status': null,
        'Measure trend': null,
      },
    ]);
  });

  test('a quantified measure exports its latest value, period, target, status and trend', () => {
    const action = anAction({ ref: 'SG-1' });
    const row = {
      ref: 'SG-1',
      measure: 1,
      of: 1,
      indicator: '% of visits recorded',
      unit: '%' as const,
      target: 95,
      targetDate: '2027-03-31',
      direction: 'higher' as const,
      frequency: 'monthly' as const,
      latest: { value: 81, period: '2026-11' },
      status: 'off-target' as const,
      trend: 'improving' as const,
      values: [],
    };
    expect(exportRows([action], TODAY, [row])[0]).toMatchObject({
      'Latest value': '81%',
      'Value period': 'Nov 2026',
      'Measure target': '95%',
      'Measure status': 'Off target',
      'Measure trend': 'Improving',
    });
  });

  test('blank values export as empty cells, not empty strings', () => {
    expect(
      exportOne({
        theme: '',
        timescale: '',
        owner: null,
        agency: '',
        originalDueDate: null,
        measures: [],
        latestUpdate: null,
      }),
    ).toMatchObject({
      Theme: null,
      Timescale: null,
      Owner: null,
      Agency: null,
      'Original due date': null,
      'Current due date': null,
      'Latest update': null,
      Measure: null,
    });
  });

  test('the evidence required is listed with ";" as imported, and its due date is a date', () => {
    const row = exportOne({ evidenceRequired: ['Audit report', 'Training records'], evidenceDue: '2027-01-31' });
    expect(row['Evidence required']).toBe('Audit report; Training records');
    expect(row['Evidence due']).toEqual({ date: '2027-01-31' });
  });

  test.each([
    ['late on a summer evening in UTC is the next day in London', '2026-06-30T23:30:00.000Z', '1 Jul 2026'],
    ['late on a winter evening is the same day (no summer time)', '2026-12-01T23:30:00.000Z', '1 Dec 2026'],
    ['just after midnight in London in summer', '2026-07-01T00:15:00+01:00', '1 Jul 2026'],
  ])('the date of the latest update is the UK date: %s', (_d, at, shown) => {
    const row = exportOne({ latestUpdate: { text: 'Done', by: 'alexw@example.com', at } });
    expect(row['Latest update']).toBe(`Done (${shown}, alexw@example.com)`);
  });

  test('an owner with no name is their email', () => {
    expect(exportOne({ owner: { email: 'meganb@example.com', displayName: null, aadObjectId: null } }).Owner).toBe(
      'meganb@example.com',
    );
  });

  test.each<
    [
      description: string,
      status: Status,
      originalDue: string | null,
      revisedDue: string | null,
      rag: string,
      daysOverdue: number | null,
    ]
  >([
    ['one day overdue', 'On track', '2026-11-20', null, 'Red', 1],
    ['a month overdue', 'Not started', '2026-10-21', null, 'Red', 31],
    ['due today', 'On track', '2026-11-21', null, 'Green', null],
    ['not started and due soon', 'Not started', '2026-12-01', null, 'Amber', null],
    ['at risk', 'At risk', '2027-03-01', null, 'Amber', null],
    ['delayed before its date', 'Delayed', '2027-03-01', null, 'Red', null],
    ['a later revised date stops it being overdue', 'On track', '2026-01-01', '2027-01-31', 'Green', null],
    ['a past revised date counts, not the original', 'On track', '2026-12-31', '2026-11-11', 'Red', 10],
    ['complete after its date', 'Complete', '2026-01-01', null, 'Complete', null],
    ['signed off', 'Signed off', '2026-01-01', null, 'Complete', null],
    ['cancelled', 'Cancelled', '2026-01-01', null, 'Cancelled', null],
    ['no due date', 'Not started', null, null, 'Green', null],
  ])('%s: RAG %s, days overdue %s', (_d, status, originalDueDate, revisedDueDate, rag, daysOverdue) => {
    const row = exportOne({ status, originalDueDate, revisedDueDate });
    expect(row.RAG).toBe(rag);
    expect(row['Days overdue']).toBe(daysOverdue);
    expect(row['Current due date']).toEqual(
      (revisedDueDate ?? originalDueDate) === null ? null : { date: revisedDueDate ?? originalDueDate },
    );
  });

  test('rows come in natural ref order, and the list given is left alone', () => {
    const actions = ['SG-10', 'LAC-1', 'SG-2', '10.10', '10.3.1'].map((ref) => anAction({ ref }));
    expect(exportRows(actions, TODAY).map((r) => r.Ref)).toEqual(['10.3.1', '10.10', 'LAC-1', 'SG-2', 'SG-10']);
    expect(actions.map((a) => a.ref)).toEqual(['SG-10', 'LAC-1', 'SG-2', '10.10', '10.3.1']);
  });

  test('no actions, no rows', () => {
    expect(exportRows([], TODAY)).toEqual([]);
  });
});

describe('cellAsText', () => {
  test.each<[cell: ExportCell, text: string]>([
    [null, ''],
    [{ date: '2026-09-30' }, '30 Sep 2026'],
    [{ date: '2027-01-05' }, '5 Jan 2027'],
    [31, '31'],
    ['Alex Wilber <alexw@example.com>', 'Alex Wilber <alexw@example.com>'],
  ])('%j → %j', (cell, text) => expect(cellAsText(cell)).toBe(text));
});

describe('an exported plan imports again', () => {
  test('reading the export back changes nothing in the register', () => {
    // "Within three months" of a 30 Jun 2026 baseline is the builder's original due date, 30 Sep 2026.
    const actions = [
      anAction({
        ref: 'SG-1',
        status: 'On track',
        owner: { email: 'alexw@example.com', displayName: 'Alex Wilber', aadObjectId: 'aad-alex' },
        revisedDueDate: '2026-12-31',
        revisionReason: 'supplier late',
        revisionCount: 1,
        evidence: [
          {
            url: 'https://example.com/a',
            note: 'https://example.com/a',
            addedBy: 'alexw@example.com',
            addedAt: '2026-06-01T08:00:00.000Z',
          },
          { url: null, note: 'Minutes of 3 Nov', addedBy: 'alexw@example.com', addedAt: '2026-11-04T08:00:00.000Z' },
        ],
        latestUpdate: { text: 'Spoke to the supplier', by: 'alexw@example.com', at: '2026-11-20T16:45:00.000Z' },
      }),
      anAction({
        ref: 'SG-2',
        owner: { email: 'meganb@example.com', displayName: null, aadObjectId: null },
        status: 'Signed off',
        measures: [],
        agency: '',
      }),
    ];
    const { errors, merged } = exportedAndImported(actions, TODAY);
    expect(errors).toEqual([]);
    expect(merged).toEqual(actions);
  });

  const moved = anAction({
    ref: 'R3',
    originalDueDate: '2026-11-13',
    revisedDueDate: '2026-12-18',
    revisionReason: 'panel cancelled',
    revisionCount: 2,
  });

  test('read into a new plan, an action keeps its original due date, and its current one with the reason', () => {
    const { errors, merged } = exportedAndImported([moved, anAction({ ref: 'SG-2' })], TODAY, 'new');
    expect(errors).toEqual([]);
    expect(merged.map((a) => [a.ref, a.originalDueDate, a.revisedDueDate, a.revisionReason])).toEqual([
      ['R3', '2026-11-13', '2026-12-18', 'panel cancelled'],
      ['SG-2', '2026-09-30', null, null],
    ]);
  });

  test('a new action with a current due date and no original is due then', () => {
    const [row] = validateRows(
      [
        ['Ref', 'Action', 'Original due date', 'Current due date'],
        ['A-1', 'Act', '', '31/01/2027'],
      ],
      '2026-06-30',
      TODAY,
    ).rows;
    const after = mergeImportedRow(null, row, 'test-plan', { by: 'importer', at: `${TODAY}T10:00:00.000Z` });
    expect([after.originalDueDate, after.revisedDueDate]).toEqual(['2027-01-31', null]);
    expect(dueDateProblem(null, row, after)).toBeNull();
  });

  const edited = (overrides: Record<string, string>) => {
    const rows = exportRows([moved], TODAY);
    const columns = exportColumns(rows);
    const cells = columns.map((c) => overrides[c] ?? cellAsText(rows[0][c] ?? null));
    return validateRows([columns, cells], '2026-06-30', TODAY).rows[0];
  };

  test.each<[what: string, overrides: Record<string, string>, existing: Action | null, problem: RegExp | null]>([
    [
      'a new date edited in the export is refused, never dropped',
      { 'Current due date': '11 Dec 2026' },
      moved,
      /^R3 has the current due date 18 Dec 2026 in the register, and the file says 11 Dec 2026\. An import does not move an action's due date/,
    ],
    [
      'the reason edited is refused too',
      { 'Reason for new date': 'something else' },
      moved,
      /^the reason for R3's new date is not the one the register keeps \("panel cancelled"\)/,
    ],
    ['the dates as the register has them are fine', {}, moved, null],
    [
      'an original due date edited in the export (the tester’s SG-5) is refused, naming the chat command',
      { 'Original due date': '31 Dec 2027', 'Current due date': '' },
      moved,
      /^R3 has the original due date 13 Nov 2026 in the register, and the file says 31 Dec 2027\. An import does not move an action's due date: a new date needs a reason and is decided in Teams, where the owner is told \(for example "R3 delayed to 31\/12\/2027 because …"\)\. Put back 13 Nov 2026, or leave the cell blank$/,
    ],
    [
      'both dates edited: one refusal that names both',
      { 'Original due date': '31 Dec 2027', 'Current due date': '31 Jan 2028' },
      moved,
      /^R3 has the original due date 13 Nov 2026 .*Put back 13 Nov 2026, or leave the cell blank\. Its current due date is 18 Dec 2026 in the register and 31 Jan 2028 in the file: put that back too$/,
    ],
    ['a new action may come with any original due date', { 'Original due date': '31 Dec 2027' }, null, null],
    [
      'a new action moved without a reason is refused',
      { 'Reason for new date': '' },
      null,
      /^the current due date \(18 Dec 2026\) is not the original due date \(13 Nov 2026\), and no reason for the new date is given/,
    ],
  ])('%s', (_d, overrides, existing, problem) => {
    const row = edited(overrides);
    const after = mergeImportedRow(existing, row, 'test-plan', { by: 'importer', at: `${TODAY}T10:00:00.000Z` });
    const found = dueDateProblem(existing, row, after);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  /** A plan file with a timescale and no due date, read with a 30 Jun 2026 baseline, over `existing`. */
  const byTimescale = (timescale: string, existing: Action) => {
    const [row] = validateRows(
      [
        ['Ref', 'Action', 'Timescale'],
        [existing.ref, 'Act', timescale],
      ],
      '2026-06-30',
      TODAY,
    ).rows;
    const after = mergeImportedRow(existing, row, 'test-plan', { by: 'importer', at: `${TODAY}T10:00:00.000Z` });
    return dueDateProblem(existing, row, after);
  };

  test.each<[what: string, timescale: string, existing: Action, problem: RegExp | null]>([
    [
      'a timescale that counts to another date is refused',
      'Within six months',
      anAction({ ref: 'A-1', originalDueDate: '2026-09-30' }),
      /^A-1 has the original due date 30 Sep 2026 in the register, and its timescale "Within six months", counted from the plan's baseline, makes it due 30 Dec 2026\. .*\(for example "A-1 delayed to 30\/12\/2026 because …"\)\. Give the due date 30 Sep 2026 in a "Due date" column, or leave the timescale blank$/,
    ],
    [
      'a timescale of none would take the due date away: refused',
      'Ongoing',
      anAction({ ref: 'A-1', originalDueDate: '2026-09-30' }),
      /^A-1 has the original due date 30 Sep 2026 in the register, and its timescale "Ongoing", counted from the plan's baseline, gives it no due date\. An import does not move/,
    ],
    [
      'the timescale that gives the date it has is fine',
      'Within three months',
      anAction({ ref: 'A-1', originalDueDate: '2026-09-30' }),
      null,
    ],
    [
      'an action with no due date yet may be given one',
      'Within three months',
      anAction({ ref: 'A-1', originalDueDate: null }),
      null,
    ],
  ])('%s', (_d, timescale, existing, problem) => {
    const found = byTimescale(timescale, existing);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});
